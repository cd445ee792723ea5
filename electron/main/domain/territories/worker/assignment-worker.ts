/**
 * The assignment worker: bulk realignment, a rep leaving, undo and the rule
 * editor's counts run here, on a connection of its own, so the main
 * process's event loop keeps serving the windows while 100k records move.
 * It stays up between jobs: the start (and, from source, tsx) is paid once,
 * and a preview's plan and the records read stay warm for what follows.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CrmError } from '../../../../../shared/errors';
import { MoveSession } from '../engine/move-session';
import type { FromWorker, ToWorker, WorkerData } from './assignment-job';
import { runJob } from './run-job';
import { openWorkerConnection } from '../../../workers/worker-connection';

const { database, nativeBinding } = workerData as WorkerData;
const post = (message: FromWorker) => parentPort!.postMessage(message);
const db = openWorkerConnection(new Database(database, nativeBinding ? { nativeBinding } : {}));
const session = new MoveSession(db);

/** At most a few progress messages a second: the renderer only draws a bar. */
function progressOf(id: number) {
  let last = 0;
  return (label: string, done: number, total: number | null) => {
    const t = Date.now();
    if (t - last < 100 && total !== null && done < total) return;
    last = t;
    post({ id, type: 'progress', label, done, total });
  };
}

parentPort!.on('message', ({ id, job }: ToWorker) => {
  try {
    post({ id, type: 'done', result: runJob(session, job, progressOf(id)) });
  } catch (error) {
    post({ id, type: 'error', error: CrmError.shapeOf(error) });
  }
  if (job.op === 'apply' || job.op === 'undo') checkpointAfterReply();
});

/**
 * A bulk move leaves ~80 MB in the WAL. Copying it back into the database
 * runs here after the answer has gone out (the worker's connection does not
 * checkpoint on commit), so the caller does not wait for it and the main
 * connection finds little left to copy on its next commit.
 */
function checkpointAfterReply(): void {
  setImmediate(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or interrupted: the next commit's automatic checkpoint on any connection takes it over.
    }
  });
}
