import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TestHost } from './temp-host';

/** Uploads bytes (or a file) the way the renderer does, in chunks; returns the file id. */
export async function upload(host: TestHost, source: string | Buffer, name = typeof source === 'string' ? basename(source) : 'upload.csv', chunkBytes = 1 << 20): Promise<string> {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  let fileId: string | undefined;
  let offset = 0;
  do {
    const part = bytes.subarray(offset, offset + chunkBytes);
    const last = offset + part.length >= bytes.length;
    const r = await host.call('imports.upload', { ...(fileId ? { fileId } : {}), name, offset, dataBase64: part.toString('base64'), last });
    fileId = r.fileId;
    offset += part.length;
  } while (offset < bytes.length);
  return fileId!;
}

export const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
