import { nativeSaveFile } from './save-dialog';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Notification } from 'electron';
import { ConfigError, loadDeploymentConfig } from '../config/deployment-config';
import { electronNativeBinding } from '../config/native-binding';
import { DatabaseTooNewError } from '../db/open-database';
import { openHost, type Host } from '../host/host';
import { keyFileFor } from '../mail/secret-cipher';
import { bindContract, forwardEvents } from './ipc';
import { notifyReminders } from './notifications';
import { safeStorageCipher } from './safe-storage-cipher';
import { appUrlMatcher } from './security';
import { configureUpdater } from './updater';
import { createMainWindow } from './window';

const log = (message: string, error?: unknown) => console.error(`[crm] ${message}`, error ?? '');

function rendererUrl(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) return devUrl;
  return pathToFileURL(join(__dirname, '../renderer/index.html')).href;
}

async function start(): Promise<void> {
  let host: Host;
  try {
    const { config, databasePath } = loadDeploymentConfig();
    host = await openHost({
      database: databasePath,
      nativeBinding: electronNativeBinding(app.getAppPath(), process.versions.electron),
      log,
      // The OS key store protects the SMTP password; without one, a key file beside the database.
      secrets: safeStorageCipher(keyFileFor(databasePath)),
      saveFile: nativeSaveFile(dialog, () => BrowserWindow.getFocusedWindow(), app.getPath('documents')),
    });
    if (app.isPackaged && config.updates) {
      // Loaded only when used: reading autoUpdater touches Electron internals a dev run does not need.
      const { autoUpdater } = await import('electron-updater');
      if (configureUpdater(autoUpdater, config.updates, (m) => log(m))) void autoUpdater.checkForUpdatesAndNotify();
    }
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof DatabaseTooNewError;
    dialog.showErrorBox('Office CRM cannot start', known ? (error as Error).message : `The database could not be opened: ${String(error)}`);
    app.exit(1);
    return;
  }
  const url = rendererUrl();
  bindContract(ipcMain, host.dispatch, () => host.session, appUrlMatcher(url));
  forwardEvents(host.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  notifyReminders(
    host.events,
    (options) => new Notification(options),
    () => BrowserWindow.getAllWindows()[0]?.show(),
    () => Notification.isSupported(),
  );
  const target = { preloadPath: join(__dirname, '../preload/index.js'), rendererUrl: url };
  createMainWindow(target);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(target);
  });
  app.on('will-quit', () => void host.close());
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
void app.whenReady().then(start);
