import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CrmError } from '../../../../../shared/errors';
import type { ImportJob, ImportJobResult, ImportWorkerCommand, ImportWorkerData, ImportWorkerMessage } from './import-job';

export interface ImportWorkerConfig {
  database: string;
  nativeBinding: string | null;
}

/** The bundled out/main/import-worker.js in the app; from source (tests, harness), tsx's require hook loads the TypeScript entry. */
function workerScript(): { source: string; eval: boolean } {
  const bundled = join(__dirname, 'import-worker.js');
  if (existsSync(bundled)) return { source: bundled, eval: false };
  const entry = join(__dirname, 'import-worker.ts');
  return { source: `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, eval: true };
}

export interface RunningImport {
  result: Promise<ImportJobResult>;
  cancel(): void;
}

/** Starts one job in a fresh worker; `cancel` asks it to roll back and stop. */
export function startImportJob(config: ImportWorkerConfig, job: ImportJob, onProgress: (label: string, done: number, total: number | null) => void): RunningImport {
  const script = workerScript();
  const data: ImportWorkerData = { database: config.database, nativeBinding: config.nativeBinding, job };
  const worker = new Worker(script.source, { workerData: data, eval: script.eval });
  const result = new Promise<ImportJobResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: ImportWorkerMessage) => {
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
      if (!settled) reject(new Error(`The import worker stopped (exit code ${code}) before it finished.`));
    });
  });
  return { result, cancel: () => worker.postMessage({ type: 'cancel' } satisfies ImportWorkerCommand) };
}
