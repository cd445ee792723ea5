import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `build/electron-native.mjs` puts a better-sqlite3 built for Electron's
 * ABI. node_modules keeps the Node build for tests and the CLI, so `npm start`
 * and `npm test` work in either order. A packaged app (rebuilt by
 * electron-builder) has no such folder and uses its own node_modules.
 */
export function electronNativeBinding(appRoot: string, electronVersion: string | undefined): string | undefined {
  if (!electronVersion) return undefined;
  const candidate = join(appRoot, '.electron-native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
