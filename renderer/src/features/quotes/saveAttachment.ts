import { call } from '../../lib/api';
import { base64ToBytes, downloadFile } from '../../lib/downloadFile';

export type SaveOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' };

/**
 * Saves a copy of an attachment: the native save dialog in the desktop app;
 * where there is none (the browser), the bytes are downloaded instead.
 */
export async function saveAttachment(id: number): Promise<SaveOutcome> {
  const result = await call('attachments.saveAs', { id });
  if (result.status === 'saved') return { kind: 'saved', path: result.path };
  if (result.status === 'cancelled') return { kind: 'cancelled' };
  const file = await call('attachments.content', { id });
  downloadFile(file.fileName, base64ToBytes(file.base64), file.mimeType);
  return { kind: 'downloaded', fileName: file.fileName };
}
