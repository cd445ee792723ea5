import { userInfo } from 'node:os';
import type { DataSource } from 'typeorm';
import { openDatabase, type MigrationStatus } from '../db/open-database';
import { WriteQueue } from '../db/write-queue';
import { startBackgroundWork, type BackgroundWork } from './background';
import type { Session } from './call-context';
import { createDispatch, type Dispatch } from './dispatch';
import { EventBus } from './event-bus';
import { createHandlers } from './handlers';
import { createServices, type Services } from './services';
import type { SaveFile } from '../domain/attachments/attachments.service';
import { keyFileFor, localKeyCipher, type SecretCipher } from '../mail/secret-cipher';

export interface HostOptions {
  database: string;
  nativeBinding?: string | undefined;
  /** Injected clock: schedulers, audit times and tests read time only from here. */
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /** Name for the first user of a new database; defaults to the OS account. */
  defaultUserName?: string;
  /**
   * Encrypts stored secrets such as the SMTP password. The Electron app passes the OS key store
   * (safeStorage); the default is a local key file beside the database (`<database>.key`).
   */
  secrets?: SecretCipher;
  /** The native save dialog (Electron); without it, attachments are downloaded by the renderer. */
  saveFile?: SaveFile;
  /** Folder of the PDF fonts; defaults to resources/fonts found from the running code. */
  fontDir?: string;
  /**
   * Reminders, quote expiry, the search catch-up and the job runner; on unless false. The admin CLI
   * opens the database for one command and must not, say, send a campaign's mail meanwhile.
   */
  background?: boolean;
}

export interface Host {
  dispatch: Dispatch;
  events: EventBus;
  services: Services;
  dataSource: DataSource;
  /** The desktop's user until real sign-in exists. */
  session: Session;
  migration: { status: MigrationStatus; backupPath: string | null };
  close(): Promise<void>;
}

function osUserName(): string {
  try {
    return userInfo().username || 'Administrator';
  } catch {
    return 'Administrator';
  }
}

/** Opens (and migrates) the database and wires services, handlers and dispatch together. */
export async function openHost(options: HostOptions): Promise<Host> {
  const now = options.now ?? (() => new Date());
  const { dataSource, status, backupPath } = await openDatabase({ database: options.database, nativeBinding: options.nativeBinding, now });
  const services = createServices(dataSource, () => now().toISOString(), {
    secrets: options.secrets ?? localKeyCipher(keyFileFor(options.database)),
    saveFile: options.saveFile,
    fontDir: options.fontDir,
    database: options.database,
    nativeBinding: options.nativeBinding,
  });
  const user = await services.users.ensureDefaultUser(options.defaultUserName ?? osUserName());
  const events = new EventBus();
  const writes = new WriteQueue(dataSource);
  const dispatch = createDispatch({
    handlers: createHandlers(services),
    dataSource,
    writes,
    events,
    now,
    ...(options.log ? { log: options.log } : {}),
  });
  const background: BackgroundWork = options.background === false ? { stop: () => Promise.resolve() } : startBackgroundWork(services, events, writes, now, options.log ?? ((message, error) => console.error(message, error)));
  return {
    dispatch,
    events,
    services,
    dataSource,
    session: { userId: user.id },
    migration: { status, backupPath },
    close: async () => {
      await background.stop();
      services.campaigns.close();
      for (const running of services.imports.running.values()) running.cancel();
      await services.imports.searchBacklog.stop();
      services.imports.staging.dispose();
      await dataSource.destroy();
    },
  };
}
