import type { AppUpdater } from 'electron-updater';
import type { DeploymentConfig } from '../config/deployment-config';

/**
 * Updates come from the office's own server (a folder of latest.yml and
 * installers served over HTTP), never from a public feed unless IT says so.
 */
export function configureUpdater(updater: AppUpdater, updates: DeploymentConfig['updates'], log: (m: string) => void): boolean {
  if (!updates) return false;
  updater.setFeedURL({ provider: 'generic', url: updates.url, channel: updates.channel });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.on('error', (error) => log(`Update check failed: ${error.message}`));
  updater.on('update-downloaded', (info) => log(`Update ${info.version} downloaded; it installs when the app closes.`));
  return true;
}
