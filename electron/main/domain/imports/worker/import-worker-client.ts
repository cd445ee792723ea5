import { Worker } from 'node:worker_threads';
import { workerScript } from '../../../workers/worker-script';
import { CrmError } from '../../../../../shared/errors';
import type { ImportJob, ImportJobResult, ImportWorkerCommand, ImportWorkerData, ImportWorkerMessage } from './import-job';

export interface ImportWorkerConfig {
  database: string;
  nativeBinding: string | null;
}

export interface RunningImport {
  result: Promise<ImportJobResult>;
  cancel(): void;
}

/** Starts one job in a fresh worker; `cancel` asks it to roll back and stop. */
export function startImportJob(config: ImportWorkerConfig, job: ImportJob, onProgress: (label: string, done: number, total: number | null) => void): RunningImport {
  const script = workerScript(__dirname, 'import-worker');
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
        reject(CrmError.fromShape(message.error));
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
