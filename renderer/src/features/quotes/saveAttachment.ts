import { call } from '../../lib/api';

/** The bytes of a base64 text, for a Blob. */
function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Downloads bytes through the browser (a Blob behind an <a download>), as the .ics export does. */
function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
  downloadBytes(file.fileName, base64ToBytes(file.base64), file.mimeType);
  return { kind: 'downloaded', fileName: file.fileName };
}
