import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Who protects a stored secret: the operating system's key store, or a key file next to the database. */
export type SecretProtection = 'os' | 'local-key';

/**
 * Encrypts the few secrets the CRM stores (the SMTP password) before they reach the
 * database. Implementations: `localKeyCipher` below (plain Node) and, inside the
 * Electron app, `safeStorageCipher` (electron/main/app/safe-storage-cipher.ts).
 */
export interface SecretCipher {
  /** Recorded next to every encrypted value: data from another protection is treated as absent. */
  readonly protection: SecretProtection;
  encrypt(plain: string): Buffer;
  /** Throws when the data was not encrypted by this cipher (another key, another machine, tampered). */
  decrypt(data: Buffer): string;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_VERSION = 1;
/** Bound into every ciphertext, so a value cannot be replayed into another format or purpose. */
const AAD = Buffer.from('office-crm:secret:v1', 'utf8');

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

function readKey(keyFile: string): Buffer | null {
  let key: Buffer;
  try {
    key = readFileSync(keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SecretKeyError(`The key file ${keyFile} cannot be read: ${(error as Error).message}`);
  }
  // Never replace a damaged key: that would silently make every stored secret unreadable.
  if (key.length !== KEY_BYTES) throw new SecretKeyError(`The key file ${keyFile} is damaged (expected ${KEY_BYTES} bytes, found ${key.length}).`);
  return key;
}

function createKey(keyFile: string): Buffer {
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    // 'wx': two processes creating the key at once (the app and the CLI) end up sharing the first one.
    writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const existing = readKey(keyFile);
      if (existing) return existing;
    }
    throw new SecretKeyError(`The key file ${keyFile} cannot be created: ${(error as Error).message}`);
  }
  try {
    chmodSync(keyFile, 0o600); // in case a umask or the file system widened it; a no-op on Windows
  } catch {
    // Not fatal: the key was written.
  }
  return key;
}

/**
 * AES-256-GCM with a random 32-byte key kept in `keyFile` (created with mode 0o600 on first
 * encryption). Used wherever Electron's safeStorage is not available: tests, the browser
 * harness, the admin CLI, and Linux desktops without a keyring.
 *
 * The trade-off: the password never sits in the database in plain text, so a copy of the
 * database (a backup, a support dump, a file sent by mistake) does not give it away, and a
 * value cannot be altered without detection. But the key lies on the same disk, readable by
 * the same OS account: anyone who can read both files (that user, an administrator, malware
 * running as that user, a backup that took the whole data folder) can decrypt it. The OS key
 * store ties the secret to the user's login instead and is preferred wherever it exists.
 * Losing the key file only means entering the SMTP password again.
 *
 * Ciphertext layout: version (1 byte) | IV (12) | auth tag (16) | encrypted UTF-8.
 */
export function localKeyCipher(keyFile: string): SecretCipher {
  let cached: Buffer | null = null;
  const key = (create: boolean): Buffer | null => {
    if (!cached) cached = readKey(keyFile) ?? (create ? createKey(keyFile) : null);
    return cached;
  };
  return {
    protection: 'local-key',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key(true)!, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const k = key(false);
      if (!k) throw new SecretKeyError(`There is no key file at ${keyFile}, so the secret cannot be decrypted.`);
      if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== FORMAT_VERSION) throw new SecretKeyError('The secret is not in a format this version understands.');
      const iv = data.subarray(1, 1 + IV_BYTES);
      const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', k, iv);
      decipher.setAAD(AAD);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError('The secret was encrypted with another key (another computer, or the key file was replaced).');
      }
    },
  };
}

const IN_MEMORY = /^(:memory:|file::memory:.*|)$/;

/**
 * Where the local key of a database lives: `<database>.key` beside the file. An in-memory
 * database gets a fresh key in a private temp folder (its secrets die with it anyway).
 */
export function keyFileFor(database: string): string {
  if (IN_MEMORY.test(database.trim())) return join(mkdtempSync(join(tmpdir(), 'crm-secrets-')), 'memory.key');
  return `${database}.key`;
}
