import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

/** The only web preferences a CRM window is ever created with. */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:', 'tel:']);

/** Links a user clicks (a website, an e-mail address) may leave the app; nothing else may. */
export function isAllowedExternal(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export async function safeOpenExternal(shell: ShellLike, url: string): Promise<boolean> {
  if (!isAllowedExternal(url)) return false;
  await shell.openExternal(url);
  return true;
}

/**
 * The window never navigates away from the app and never opens another
 * window; allowed external links go to the system browser instead.
 */
export function guardNavigation(contents: WebContents, isAppUrl: (url: string) => boolean, shell: ShellLike): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      void safeOpenExternal(shell, url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void safeOpenExternal(shell, url);
    return { action: 'deny' };
  });
}

/** Whether a URL belongs to the app's own renderer (dev server origin or the packaged file). */
export function appUrlMatcher(rendererUrl: string): (url: string) => boolean {
  const base = new URL(rendererUrl);
  if (base.protocol === 'file:') {
    const dir = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
    return (url) => {
      try {
        const u = new URL(url);
        return u.protocol === 'file:' && u.pathname.startsWith(dir);
      } catch {
        return false;
      }
    };
  }
  return (url) => {
    try {
      return new URL(url).origin === base.origin;
    } catch {
      return false;
    }
  };
}
