import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { csvErrors } from './csv-file-error';

/** Opens the file for reading, turning the system's codes into messages a user can act on. */
export async function openCsvFile(path: string): Promise<FileHandle> {
  try {
    const handle = await open(path, 'r');
    const stat = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    if (stat.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    }
    return handle;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw csvErrors.notFound(basename(path));
    if (code === 'EACCES' || code === 'EPERM') throw csvErrors.unreadable(basename(path), 'no permission to read it');
    if (code === 'EISDIR') throw csvErrors.unreadable(basename(path), 'it is a folder');
    throw error;
  }
}
