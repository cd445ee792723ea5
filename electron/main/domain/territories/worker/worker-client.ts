import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CrmError } from '../../../../../shared/errors';
import type { AssignmentJob, AssignmentJobResult, WorkerData, WorkerMessage } from './assignment-job';

export interface WorkerConfig {
  database: string;
  nativeBinding: string | null;
}

/**
 * The worker's script: the bundle's out/main/assignment-worker.js in the app,
 * or, when running from source (tests, the CLI, the browser harness), a small
 * bootstrap that registers tsx's require hook and loads the TypeScript entry.
 */
export function workerScript(): { source: string; eval: boolean } {
  const bundled = join(__dirname, 'assignment-worker.js');
  if (existsSync(bundled)) return { source: bundled, eval: false };
  const entry = join(__dirname, 'assignment-worker.ts');
  return { source: `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, eval: true };
}

/** Runs one job in a fresh worker and resolves with its result; CrmErrors come back as they were thrown. */
export function runAssignmentJob(
  config: WorkerConfig,
  job: AssignmentJob,
  onProgress: (label: string, done: number, total: number | null) => void = () => undefined,
): Promise<AssignmentJobResult> {
  const script = workerScript();
  const data: WorkerData = { database: config.database, nativeBinding: config.nativeBinding, job };
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.source, { workerData: data, eval: script.eval });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.label, message.done, message.total);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new CrmError(message.error.code, message.error.message, message.error.issues));
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The assignment worker stopped (exit code ${code}) before it finished.`));
    });
  });
}
