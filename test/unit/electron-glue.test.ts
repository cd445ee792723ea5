import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { tempDir } from '../support/temp-host';

// Everything the app imports from electron, as fakes that record what they were asked to do.
const fakes = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const windows: { options: any; webContents: any; loaded: string[] }[] = [];
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyResolve = r));
  return {
    handlers,
    windows,
    ready,
    readyResolve: () => readyResolve(),
    exposed: {} as Record<string, any>,
    invoked: [] as unknown[][],
    opened: [] as string[],
  };
});

vi.mock('electron', () => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  class FakeWebContents extends Emitter {
    windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.windowOpenHandler = h;
    }
    send() {}
    isDestroyed() {
      return false;
    }
  }
  class BrowserWindow extends Emitter {
    static getAllWindows = () => fakes.windows.map((w) => w as unknown);
    static getFocusedWindow = () => null;
    webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(public options: unknown) {
      super();
      fakes.windows.push(this as never);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
  }
  return {
    app: {
      isPackaged: false,
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: () => true,
      on: vi.fn(),
      quit: vi.fn(),
      exit: vi.fn(),
      whenReady: () => fakes.ready,
      getAppPath: () => '/nonexistent-app-root',
      getPath: (name: string) => `/nonexistent-home/${name}`,
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    Notification: class {
      static isSupported = () => false;
    },
    ipcMain: { handle: (channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => fakes.handlers.set(channel, h) },
    shell: { openExternal: (url: string) => (fakes.opened.push(url), Promise.resolve()) },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (fakes.exposed[key] = api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => (fakes.invoked.push(args), Promise.resolve({ ok: true, data: null })),
      on: vi.fn(),
      off: vi.fn(),
    },
  };
});

const dataDir = tempDir();
process.env.CRM_DATA_DIR = dataDir;

describe('Electron main process glue', () => {
  beforeEach(() => {
    fakes.opened.length = 0;
  });

  it('binds every contract method, creates a locked-down window, and dispatches calls from the app only', async () => {
    await import('../../electron/main/app/index');
    fakes.readyResolve();
    await vi.waitFor(() => expect(fakes.windows).toHaveLength(1), { timeout: 10_000 });

    expect([...fakes.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `crm:${m}`).sort());

    const win = fakes.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.options.webPreferences.preload).toMatch(/preload[\\/]index\.js$/);
    const appUrl = win.loaded[0]!;
    expect(appUrl).toMatch(/^file:\/\/.*renderer\/index\.html$/);

    const fromApp = { senderFrame: { url: appUrl } };
    const created = (await fakes.handlers.get('crm:accounts.create')!(fromApp, { name: 'Glue GmbH' })) as any;
    expect(created).toMatchObject({ ok: true, data: { name: 'Glue GmbH' } });
    const invalid = (await fakes.handlers.get('crm:accounts.create')!(fromApp, { name: 42 })) as any;
    expect(invalid.error.code).toBe('validation');

    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };
    const refused = (await fakes.handlers.get('crm:accounts.create')!(fromElsewhere, { name: 'Injected' })) as any;
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'This window may not call the CRM.' } });
    const list = (await fakes.handlers.get('crm:accounts.list')!(fromApp, { startRow: 0, endRow: 10 })) as any;
    expect(list.data.rows.map((r: { name: string }) => r.name)).toEqual(['Glue GmbH']);
    expect(join(dataDir, 'crm.sqlite')).toBeTruthy();
  });

  it('blocks navigation away from the app and every new window; allowed links go to the system browser', async () => {
    const win = fakes.windows[0]!;
    const contents = win.webContents as EventEmitter & { windowOpenHandler: (d: { url: string }) => { action: string } };
    const navigate = (url: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      contents.emit('will-navigate', event, url);
      return event.prevented;
    };
    expect(navigate('https://phishing.example/login')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(win.loaded[0]!.replace('index.html', 'index.html#/contacts'))).toBe(false);
    expect(contents.windowOpenHandler({ url: 'https://acme.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fakes.opened).toEqual(['https://phishing.example/login', 'https://acme.example/']);
  });
});

describe('reminders', () => {
  it('show a native notification when a reminder is due', async () => {
    const { notifyReminders } = await import('../../electron/main/app/notifications');
    const { EventBus } = await import('../../electron/main/host/event-bus');
    const events = new EventBus();
    const shown: { title: string; body: string }[] = [];
    const stop = notifyReminders(events, (o) => ({ show: () => shown.push(o), on: () => undefined }), () => undefined, () => true);
    events.emit('record.changed', { entity: 'contact', id: 1, action: 'update' });
    events.emit('reminder.due', { activityId: 4, type: 'call', subject: 'Call Ayşe about the renewal', remindAt: '2026-03-01T09:00:00.000Z', at: null });
    stop();
    events.emit('reminder.due', { activityId: 5, type: 'task', subject: 'After stop', remindAt: '2026-03-01T09:00:00.000Z', at: null });
    expect(shown).toEqual([{ title: 'Call reminder', body: 'Call Ayşe about the renewal' }]);
  });
});

describe('preload', () => {
  it('exposes one narrow function per contract method and no raw ipcRenderer', async () => {
    await import('../../electron/preload/index');
    const crm = fakes.exposed.crm;
    expect(Object.keys(fakes.exposed)).toEqual(['crm']);
    for (const name of METHOD_NAMES) {
      const [ns, verb] = name.split('.') as [string, string];
      expect(typeof crm[ns][verb], name).toBe('function');
    }
    expect(crm.ipcRenderer).toBeUndefined();
    expect(Object.keys(crm).sort()).toEqual([...new Set(METHOD_NAMES.map((m) => m.split('.')[0]))].concat('on').sort());
    await crm.contacts.get({ id: 3 });
    expect(fakes.invoked.at(-1)).toEqual(['crm:contacts.get', { id: 3 }]);
    expect(() => crm.on('not.an.event', () => undefined)).toThrow(/Unknown event/);
  });
});

afterAll(() => {
  delete process.env.CRM_DATA_DIR;
});
