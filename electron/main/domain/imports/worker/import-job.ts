import type { ImportResult, ImportSpec } from '../../../../../shared/contract/imports';
import type { CrmErrorShape } from '../../../../../shared/errors';
import type { ScanEntity } from '../../duplicates/candidates';
import type { ScanResult } from '../../duplicates/scan';

/** What the main thread asks the data worker to do: imports, their undo, duplicate scans, the search catch-up after a big import. */
export type ImportJob =
  | { op: 'run'; spec: ImportSpec; file: { path: string; name: string }; dryRun: boolean; userId: number; now: string }
  | { op: 'undo'; importId: number; userId: number; now: string }
  | { op: 'scan'; entity: ScanEntity; minConfidence: number; limit: number }
  | { op: 'search' };

export type ImportJobResult = ImportResult | { deleted: number; restored: number } | ScanResult | { indexed: number };

export type ImportWorkerMessage =
  | { type: 'progress'; label: string; done: number; total: number | null }
  | { type: 'done'; result: ImportJobResult }
  | { type: 'error'; error: CrmErrorShape };

/** Main → worker while a job runs. */
export type ImportWorkerCommand = { type: 'cancel' };

export interface ImportWorkerData {
  database: string;
  nativeBinding: string | null;
  job: ImportJob;
}
