import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrmError } from '../../../../shared/errors';

export interface StagedFile {
  path: string;
  name: string;
  size: number;
  complete: boolean;
}

/**
 * Files uploaded for import, in a private temp folder: the renderer sends
 * the bytes in chunks (a sandboxed window cannot hand over a path), and the
 * worker streams the file from disk. Ids are random, so a window can only
 * name files it uploaded itself.
 */
export class UploadStaging {
  private dir: string | null = null;
  private readonly files = new Map<string, StagedFile>();

  constructor(private readonly parent: string = tmpdir()) {}

  append(chunk: { fileId?: string | undefined; name: string; offset: number; dataBase64: string; last: boolean }): { fileId: string; size: number; complete: boolean } {
    const fileId = chunk.fileId ?? randomUUID();
    let file = this.files.get(fileId);
    if (chunk.fileId !== undefined && !file) throw new CrmError('not_found', 'This upload is unknown or was discarded: choose the file again.');
    if (!file) {
      this.dir ??= mkdtempSync(join(this.parent, 'crm-import-'));
      file = { path: join(this.dir, `${fileId}.upload`), name: chunk.name, size: 0, complete: false };
      this.files.set(fileId, file);
    }
    if (file.complete) throw new CrmError('conflict', 'This upload is already complete.');
    if (chunk.offset !== file.size) throw new CrmError('validation', `The chunk starts at byte ${chunk.offset} but ${file.size} bytes have arrived: send the chunks in order.`);
    const bytes = Buffer.from(chunk.dataBase64, 'base64');
    const fd = openSync(file.path, chunk.offset === 0 ? 'w' : 'a');
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    file.size += bytes.length;
    file.complete = chunk.last;
    return { fileId, size: file.size, complete: file.complete };
  }

  get(fileId: string): StagedFile {
    const file = this.files.get(fileId);
    if (!file) throw new CrmError('not_found', 'This upload is unknown or was discarded: choose the file again.');
    if (!file.complete) throw new CrmError('validation', 'The file has not finished uploading.');
    if (statSync(file.path).size !== file.size) throw new CrmError('internal', 'The uploaded file changed on disk.');
    return file;
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.files.clear();
  }
}
