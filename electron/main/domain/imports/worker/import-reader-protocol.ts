import type { ImportSpec } from '../../../../../shared/contract/imports';
import type { CrmErrorShape } from '../../../../../shared/errors';

export interface ReaderData {
  path: string;
  spec: ImportSpec;
  headerCount: number;
  /** The writer's date, so a birthday is checked against the same day on both threads. */
  today: string;
}

/** Reader → writer: a batch of encoded rows (prepared-batches.ts) with the bytes read so far, the end, or why it stopped. */
export type ReaderMessage =
  | { type: 'rows'; items: (string | number | null)[]; done: number; total: number }
  | { type: 'end' }
  | { type: 'error'; error: CrmErrorShape };

/** Writer → reader: a batch was taken, another may come. */
export type WriterMessage = { type: 'more' };
