/**
 * Reads PDFs back with poppler's command-line tools, the way a person's
 * viewer would: if pdftotext finds the text and pdffonts the fonts, they are
 * really in the file, not just in our idea of it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });

export function pdfTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'crm-pdf-'));
}

export function writePdf(dir: string, name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** `pdftotext -layout`, of one page when given. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-']);
}

/** The page count pdfinfo reads; throws (pdfinfo exits non-zero) when the file is not a PDF. */
export function pdfPageCount(file: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]));
  if (!match) throw new Error(`pdfinfo printed no page count for ${file}`);
  return Number(match[1]);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, then emb sub uni as yes/no columns.
    const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
    if (!match) throw new Error(`Unexpected pdffonts line: ${line}`);
    return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes', subset: match[5] === 'yes' };
  });
}

export const hasPdfImages = existsSync('/usr/bin/pdfimages');

/** Rows of `pdfimages -list` whose type is "image" (soft masks are listed separately as "smask"). */
export function pdfImageCount(file: string): number {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim().split(/\s+/)[2] === 'image').length;
}

/**
 * A small valid PNG, RGB or RGBA, a diagonal gradient; `corruptData` replaces
 * the compressed pixels with garbage behind a valid signature and header.
 */
export function makePng(options: { width: number; height: number; alpha?: boolean; corruptData?: boolean }): Buffer {
  const { width, height, alpha = false } = options;
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc(height * (1 + width * channels));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * channels);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * channels;
      raw[at] = 0x1d;
      raw[at + 1] = Math.round((x / width) * 0x4f);
      raw[at + 2] = Math.round((y / height) * 0x91);
      if (alpha) raw[at + 3] = 255 - Math.round((x / width) * 128);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = alpha ? 6 : 2;
  const data = options.corruptData ? Buffer.from('this is not a zlib stream at all, just words', 'latin1') : deflateSync(raw);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
