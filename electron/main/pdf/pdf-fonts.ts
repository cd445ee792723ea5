/**
 * Where the embedded fonts live, without importing electron: the same code
 * runs from source under tsx and vitest, from the electron-vite bundle in
 * out/main, and inside a packaged app whose resources sit outside the asar.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * pdfkit names under which the layouts refer to the two weights. They are the
 * fonts' own PostScript names on purpose: pdfkit caches the constructor's
 * font under its PostScript name, and a registered alias with any other name
 * makes every doc.font() call parse the 600 kB file again (seconds per quote).
 */
export const FONT = { regular: 'NotoSans-Regular', bold: 'NotoSans-Bold' } as const;

export const FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;

export interface FontPaths {
  regular: string;
  bold: string;
}

const hasFonts = (dir: string) => existsSync(join(dir, FONT_FILES.regular));

/**
 * The first folder that holds the fonts: a packaged app's `resources/fonts`
 * (process.resourcesPath is only set by Electron), then `resources/fonts` in
 * the nearest ancestor of this file (the repository, whether this file is
 * electron/main/pdf/*.ts or the bundle out/main/index.js), then of the
 * working directory.
 */
export function defaultFontDir(): string {
  const candidates: string[] = [];
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: unknown }).resourcesPath;
  if (typeof resourcesPath === 'string') candidates.push(join(resourcesPath, 'fonts'));
  if (typeof __dirname === 'string') candidates.push(...ancestors(__dirname).map((dir) => join(dir, 'resources', 'fonts')));
  candidates.push(...ancestors(process.cwd()).map((dir) => join(dir, 'resources', 'fonts')));
  const found = candidates.find(hasFonts);
  if (!found) throw new Error(`The PDF fonts (${FONT_FILES.regular}) were not found; looked in: ${candidates.slice(0, 4).join(', ')}…`);
  return found;
}

function ancestors(start: string): string[] {
  const out: string[] = [];
  let dir = resolve(start);
  for (let i = 0; i < 8; i++) {
    out.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

export function fontPaths(dir: string): FontPaths {
  const paths = { regular: join(dir, FONT_FILES.regular), bold: join(dir, FONT_FILES.bold) };
  for (const path of Object.values(paths)) {
    if (!existsSync(path)) throw new Error(`PDF font missing: ${path}`);
  }
  return paths;
}
