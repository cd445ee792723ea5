import { call } from '../../lib/api';

const CHUNK_BYTES = 2 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes a bounded number of arguments: convert in slices.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a chosen file to the main process in chunks (a sandboxed window has
 * no path to hand over), never holding more than one chunk in memory.
 */
export async function uploadFile(file: File, onProgress: (sent: number, total: number) => void): Promise<string> {
  let fileId: string | undefined;
  let offset = 0;
  do {
    const part = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    const last = offset + part.length >= file.size;
    const result = await call('imports.upload', { ...(fileId ? { fileId } : {}), name: file.name, offset, dataBase64: toBase64(part), last });
    fileId = result.fileId;
    offset += part.length;
    onProgress(offset, file.size);
  } while (offset < file.size);
  return fileId!;
}
