import { existsSync } from 'node:fs';
import { join } from 'node:path';

let bundleDir: string | null = null;

/**
 * From source, start the built workers in `dir` (out/main) instead, as the
 * app does: the bench measures the code that ships, not tsx's transpiled
 * source (which wraps every function expression for its name).
 */
export function useWorkerBundles(dir: string): void {
  bundleDir = dir;
}

/**
 * A worker thread's script: in the app, the bundle's own entry next to the
 * caller (out/main/<name>.js, an electron-vite main entry); from source
 * (tests, the CLI, the browser harness), a small bootstrap that registers
 * tsx's require hook and loads the TypeScript entry — Node 20 workers do not
 * honour `execArgv: ['--import', 'tsx']`.
 */
export function workerScript(callerDir: string, name: string): { source: string; eval: boolean } {
  for (const dir of bundleDir === null ? [callerDir] : [callerDir, bundleDir]) {
    const bundled = join(dir, `${name}.js`);
    if (existsSync(bundled)) return { source: bundled, eval: false };
  }
  const entry = join(callerDir, `${name}.ts`);
  return { source: `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, eval: true };
}
