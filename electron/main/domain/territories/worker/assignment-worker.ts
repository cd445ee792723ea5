/**
 * The assignment worker: bulk realignment, a rep leaving and undo run here,
 * on a connection of their own, so the main process's event loop keeps
 * serving the windows while 100k records move.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CrmError } from '../../../../../shared/errors';
import { runMovePlan, undoBatch, type BulkContext } from '../engine/bulk';
import type { WorkerData, WorkerMessage } from './assignment-job';

const { database, nativeBinding, job } = workerData as WorkerData;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

const db = new Database(database, nativeBinding ? { nativeBinding } : {});
try {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  let last = 0;
  const ctx: BulkContext = {
    userId: job.userId,
    now: job.now,
    // At most a few progress messages a second: the renderer only draws a bar.
    progress: (label, done, total) => {
      const t = Date.now();
      if (t - last < 100 && total !== null && done < total) return;
      last = t;
      post({ type: 'progress', label, done, total });
    },
  };
  const result = job.op === 'undo' ? undoBatch(db, job.batchId, ctx) : runMovePlan(db, job.plan, job.op === 'apply', ctx);
  post({ type: 'done', result });
} catch (error) {
  post({
    type: 'error',
    error: error instanceof CrmError ? error.toShape() : { code: 'internal', message: error instanceof Error ? error.message : String(error) },
  });
} finally {
  db.close();
}
