/**
 * The import's reader thread: reads the file, maps and checks each row and
 * prepares new contacts as far as that needs no database, while the data
 * worker's thread looks up and writes. A batch goes out at a time, and at most
 * a few are ahead of the writer, so a million-row file is never held whole.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CrmError } from '../../../../../shared/errors';
import { readImportRows } from '../engine/import-file';
import { recordEncoder } from '../engine/prepared-batches';
import type { ReaderData, ReaderMessage, WriterMessage } from './import-reader-protocol';

const RECORDS_PER_BATCH = 500;
/** Batches sent before the writer has taken them. */
const AHEAD = 4;

const { path, spec, headerCount, today } = workerData as ReaderData;
const post = (message: ReaderMessage) => parentPort!.postMessage(message);
let credits = AHEAD;
let wake: (() => void) | null = null;
parentPort!.on('message', (message: WriterMessage) => {
  if (message.type !== 'more') return;
  credits++;
  wake?.();
});

async function main(): Promise<void> {
  let items: (string | number | null)[] = [];
  let count = 0;
  let done = 0;
  let total = 0;
  const send = async () => {
    post({ type: 'rows', items, done, total });
    items = [];
    count = 0;
    credits--;
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  };
  const encode = recordEncoder(spec, headerCount, today);
  const rows = readImportRows(path, spec, { onBytes: (d, t) => ((done = d), (total = t)) });
  for await (const record of rows) {
    encode(record, items);
    if (++count >= RECORDS_PER_BATCH) await send();
  }
  if (count) post({ type: 'rows', items, done, total });
  post({ type: 'end' });
}

// The thread then waits to be ended by the writer, so nothing it posted can arrive after its exit.
main().catch((error: unknown) => post({ type: 'error', error: CrmError.shapeOf(error) }));
