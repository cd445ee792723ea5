import type { MovePreview } from '../../../../../shared/contract/territories';
import type { CrmErrorShape } from '../../../../../shared/errors';
import type { MovePlan } from '../engine/bulk';

/** What the main thread asks the assignment worker to do. */
export type AssignmentJob =
  | { op: 'preview' | 'apply'; plan: MovePlan; userId: number; now: string }
  | { op: 'undo'; batchId: number; userId: number; now: string };

export type AssignmentJobResult = { preview: MovePreview; batchId: number | null } | { restored: number };

export type WorkerMessage =
  | { type: 'progress'; label: string; done: number; total: number | null }
  | { type: 'done'; result: AssignmentJobResult }
  | { type: 'error'; error: CrmErrorShape };

export interface WorkerData {
  database: string;
  nativeBinding: string | null;
  job: AssignmentJob;
}
