/**
 * The data worker: an import, its dry run and its undo, and duplicate scans
 * run here on a connection of their own, so a million-row file never stalls
 * the windows; the main thread keeps answering grid pages from the WAL.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CrmError } from '../../../../../shared/errors';
import { openWorkerConnection } from '../../../workers/worker-connection';
import { runImport } from '../engine/run-import';
import { catchUpSearch } from '../engine/search-catch-up';
import { undoImport } from '../engine/undo-import';
import { scanDuplicates } from '../../duplicates/scan';
import type { ImportWorkerCommand, ImportWorkerData, ImportWorkerMessage } from './import-job';

const { database, nativeBinding, job } = workerData as ImportWorkerData;
const post = (message: ImportWorkerMessage) => parentPort!.postMessage(message);
const cancel = new AbortController();
parentPort!.on('message', (command: ImportWorkerCommand) => {
  if (command.type === 'cancel') cancel.abort();
});

async function main(): Promise<void> {
  // An import of a million rows dirties ~400 MB; 256 MB of cache keeps most of it off the WAL until commit.
  const db = openWorkerConnection(new Database(database, nativeBinding ? { nativeBinding } : {}), { cacheMiB: 256, autoCheckpoint: false });
  try {
    let last = 0;
    // A few progress messages a second: the renderer only draws a bar.
    const progress = (label: string, done: number, total: number | null) => {
      const t = Date.now();
      if (t - last < 100 && total !== null && done < total) return;
      last = t;
      post({ type: 'progress', label, done, total });
    };
    const result =
      job.op === 'scan'
        ? scanDuplicates(db, job.entity, { minConfidence: job.minConfidence, limit: job.limit, progress: (done) => progress('Comparing records', done, null) })
        : job.op === 'undo'
        ? undoImport(db, job.importId, job)
        : job.op === 'search'
        ? { indexed: catchUpSearch(db, { stop: () => cancel.signal.aborted, progress: (done, total) => progress('Indexing imported records for search', done, total) }) }
        : await runImport({ db, spec: job.spec, file: job.file, userId: job.userId, now: job.now, dryRun: job.dryRun, signal: cancel.signal, progress });
    post({ type: 'done', result });
    if (job.op !== 'scan') checkpointAfterReply(db);
  } finally {
    db.close();
  }
}

/**
 * A million-row import leaves ~400 MB in the WAL; copying it into the
 * database (≈1.5 s) runs after the answer has gone out, so the person waits
 * for the import, not for the copy, and the main connection finds little left
 * to copy on its next commit.
 */
function checkpointAfterReply(db: Database.Database): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or interrupted: the next commit's automatic checkpoint on any connection takes it over.
  }
}

main()
  .catch((error: unknown) => post({ type: 'error', error: CrmError.shapeOf(error) }))
  .finally(() => parentPort!.close());
