import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A worker thread's script: in the app, the bundle's own entry next to the
 * caller (out/main/<name>.js, an electron-vite main entry); from source
 * (tests, the CLI, the browser harness), a small bootstrap that registers
 * tsx's require hook and loads the TypeScript entry — Node 20 workers do not
 * honour `execArgv: ['--import', 'tsx']`.
 */
export function workerScript(callerDir: string, name: string): { source: string; eval: boolean } {
  const bundled = join(callerDir, `${name}.js`);
  if (existsSync(bundled)) return { source: bundled, eval: false };
  const entry = join(callerDir, `${name}.ts`);
  return { source: `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, eval: true };
}
