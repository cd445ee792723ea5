import type { MovePreview, TerritoryRule } from '../../../../../shared/contract/territories';
import type { CrmErrorShape } from '../../../../../shared/errors';
import type { MovePlan } from '../engine/plan-moves';

interface By {
  userId: number;
  now: string;
}

/** What the main thread asks the assignment worker to do, and what each answers. */
export interface AssignmentJobs {
  preview: { input: { plan: MovePlan } & By; result: MovePreview };
  apply: { input: { plan: MovePlan; previewToken: string | undefined } & By; result: { batchId: number; total: number; reused: boolean } };
  undo: { input: { batchId: number } & By; result: { restored: number } };
  countMatches: { input: { parentId: number | null; rules: TerritoryRule[] }; result: { accounts: number; leads: number } };
}
export type AssignmentOp = keyof AssignmentJobs;
export type AssignmentJob = { [K in AssignmentOp]: { op: K } & AssignmentJobs[K]['input'] }[AssignmentOp];

export type ToWorker = { id: number; job: AssignmentJob };

export type FromWorker =
  | { id: number; type: 'progress'; label: string; done: number; total: number | null }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'error'; error: CrmErrorShape };

export interface WorkerData {
  database: string;
  nativeBinding: string | null;
}
