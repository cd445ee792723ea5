import { Worker } from 'node:worker_threads';
import type { ImportSpec } from '../../../../../shared/contract/imports';
import { CrmError } from '../../../../../shared/errors';
import { workerScript } from '../../../workers/worker-script';
import { decodeBatch, type PreparedRecord } from '../engine/prepared-batches';
import type { ReaderData, ReaderMessage, WriterMessage } from './import-reader-protocol';

/**
 * The reader makes a handful of short-lived strings, arrays and objects for
 * every row: with a worker's default young generation it spent 2.3 s of its
 * ≈16 s collecting them at a million contacts, and the collector's helper
 * threads share the two cores with the writer. With 96 MiB, in three
 * alternating in-process pairs, the reader's CPU went from 14.2–15.8 s to
 * 12.2–13.3 s and the import took 0.7–3.9 s less; 192 MiB gained little more,
 * and a larger young generation for the writer made it slower.
 */
const READER_YOUNG_GENERATION_MB = 96;

/**
 * The rows of a file as the reader thread prepares them, a batch at a time,
 * in file order. A file error comes as the reader hit it, after every row
 * before it; a cancel stops at the next batch. The thread ends with the loop.
 */
export async function* readPreparedRows(
  path: string,
  spec: ImportSpec,
  o: { headerCount: number; today: string; signal?: AbortSignal | undefined; onBytes?: ((done: number, total: number) => void) | undefined },
): AsyncGenerator<PreparedRecord[]> {
  const script = workerScript(__dirname, 'import-reader');
  const data: ReaderData = { path, spec, headerCount: o.headerCount, today: o.today };
  const worker = new Worker(script.source, { eval: script.eval, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: READER_YOUNG_GENERATION_MB } });
  const inbox: ReaderMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => wake?.();
  worker.on('message', (message: ReaderMessage) => (inbox.push(message), notify()));
  worker.on('error', (error) => ((failure = error), notify()));
  worker.on('exit', () => ((exited = true), notify()));
  o.signal?.addEventListener('abort', notify);
  try {
    for (;;) {
      // A batch already waiting is taken without a turn of the event loop; one turn a batch lets a cancel message in.
      if (inbox.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      while (inbox.length === 0) {
        o.signal?.throwIfAborted();
        if (failure) throw failure;
        if (exited) throw new Error('The import reader stopped before the end of the file.');
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      const message = inbox.shift()!;
      if (message.type === 'end') return;
      if (message.type === 'error') throw CrmError.fromShape(message.error);
      worker.postMessage({ type: 'more' } satisfies WriterMessage);
      o.onBytes?.(message.done, message.total);
      o.signal?.throwIfAborted();
      yield decodeBatch(message.items);
    }
  } finally {
    o.signal?.removeEventListener('abort', notify);
    void worker.terminate();
  }
}
