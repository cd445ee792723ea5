import { BrowserWindow, shell } from 'electron';
import { appUrlMatcher, guardNavigation, secureWebPreferences } from './security';

export interface WindowTarget {
  preloadPath: string;
  /** The dev server URL, or the packaged index.html as a file:// URL. */
  rendererUrl: string;
}

export function createMainWindow(target: WindowTarget): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Office CRM',
    webPreferences: secureWebPreferences(target.preloadPath),
  });
  guardNavigation(window.webContents, appUrlMatcher(target.rendererUrl), shell);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(target.rendererUrl);
  return window;
}
