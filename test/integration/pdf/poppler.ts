/**
 * Reads PDFs back with poppler's command-line tools, the way a person's
 * viewer would: if pdftotext finds the text and pdffonts the fonts, they are
 * really in the file, not just in our idea of it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Every page's text from one pdftotext run (it ends each page with a form feed). */
export function pdfPageTexts(file: string): string[] {
  return pdfText(file).split('\f').slice(0, -1);
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
