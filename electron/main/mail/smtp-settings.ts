import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { PasswordProtection, TlsMode, MailSettingsInput, type MailSettings } from '../../../shared/contract/mail';
import { CrmError } from '../../../shared/errors';
import type { AppSettingsStore } from '../domain/settings/app-settings.store';
import type { SecretCipher } from './secret-cipher';

/** The app_settings key of the SMTP settings. */
export const SMTP_KEY = 'mail.smtp';

/**
 * The stored document. The password is never stored in plain text: `data` is the base64 of
 * the cipher's output and `protection` says which cipher made it, so a value encrypted on
 * another computer (or by the OS key store when this process only has the local key) is
 * recognised as unreadable instead of being fed to the wrong cipher.
 */
export const StoredSmtpSettings = z.object({
  host: z.string().default(''),
  port: z.number().int().min(1).max(65535).default(587),
  tlsMode: TlsMode.default('starttls'),
  user: z.string().nullable().default(null),
  password: z.object({ protection: PasswordProtection, data: z.string().min(1) }).nullable().default(null),
  fromAddress: z.string().default(''),
  fromName: z.string().default(''),
});
export type StoredSmtpSettings = z.output<typeof StoredSmtpSettings>;

/** The settings a transport needs, with the password decrypted (null when none is usable). */
export interface SmtpSettings {
  host: string;
  port: number;
  tlsMode: TlsMode;
  user: string | null;
  password: string | null;
  fromAddress: string;
  fromName: string;
}

export function readStoredSmtpSettings(store: AppSettingsStore, em?: EntityManager): Promise<StoredSmtpSettings> {
  return store.read(SMTP_KEY, StoredSmtpSettings, em);
}

/** The stored password in plain text, or null when none is stored or this cipher cannot read it. */
export function decryptPassword(stored: StoredSmtpSettings, cipher: SecretCipher): string | null {
  if (!stored.password || stored.password.protection !== cipher.protection) return null;
  try {
    return cipher.decrypt(Buffer.from(stored.password.data, 'base64'));
  } catch {
    return null;
  }
}

export async function readSmtpSettings(store: AppSettingsStore, cipher: SecretCipher, em?: EntityManager): Promise<SmtpSettings> {
  const stored = await readStoredSmtpSettings(store, em);
  return {
    host: stored.host,
    port: stored.port,
    tlsMode: stored.tlsMode,
    user: stored.user,
    password: decryptPassword(stored, cipher),
    fromAddress: stored.fromAddress,
    fromName: stored.fromName,
  };
}

/** What getSettings shows: everything but the password. */
export function describeSmtpSettings(stored: StoredSmtpSettings, cipher: SecretCipher): MailSettings {
  return {
    host: stored.host,
    port: stored.port,
    tlsMode: stored.tlsMode,
    user: stored.user,
    passwordSet: decryptPassword(stored, cipher) !== null,
    fromAddress: stored.fromAddress,
    fromName: stored.fromName,
    passwordProtection: cipher.protection,
  };
}

/**
 * Writes the settings in the caller's transaction. The password: a non-empty one replaces the
 * stored one (encrypted here), `clearPassword` removes it, otherwise the stored one is kept.
 */
export async function saveSmtpSettings(
  store: AppSettingsStore,
  cipher: SecretCipher,
  em: EntityManager,
  input: z.output<typeof MailSettingsInput>,
  userId: number,
  now: string,
): Promise<StoredSmtpSettings> {
  const previous = await readStoredSmtpSettings(store, em);
  let password = previous.password;
  if (input.clearPassword) password = null;
  else if (input.password) password = { protection: cipher.protection, data: encryptPassword(cipher, input.password) };
  const next: StoredSmtpSettings = {
    host: input.host,
    port: input.port,
    tlsMode: input.tlsMode,
    user: input.user,
    password,
    fromAddress: input.fromAddress,
    fromName: input.fromName,
  };
  await store.write(em, SMTP_KEY, next, userId, now);
  return next;
}

function encryptPassword(cipher: SecretCipher, plain: string): string {
  try {
    return cipher.encrypt(plain).toString('base64');
  } catch (error) {
    throw new CrmError('internal', `The password could not be encrypted on this computer, so nothing was saved: ${(error as Error).message}`);
  }
}
