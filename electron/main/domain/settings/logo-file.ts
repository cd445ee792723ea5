import { open } from 'node:fs/promises';

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

/** Why a logo file cannot be used, or null when it is a readable PNG or JPEG (judged by its first bytes). */
export async function logoFileProblem(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return `The logo file ${path} cannot be read.`;
  }
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);
    return starts(PNG) || starts(JPEG) ? null : 'The logo must be a PNG or JPEG image.';
  } finally {
    await handle.close();
  }
}
