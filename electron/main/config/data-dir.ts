import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Office CRM';

/**
 * The same folder Electron's app.getPath('userData') gives, computed without
 * Electron so the CLI, seed and harness open the database the app uses.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.CRM_DATA_DIR) return env.CRM_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
