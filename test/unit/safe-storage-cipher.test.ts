import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-host';

// Electron's safeStorage as a fake: "encrypts" by reversing and prefixing, and records the calls.
const fake = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret' as string,
  calls: [] as string[],
  throwOnAccess: false,
}));

vi.mock('electron', () => ({
  get safeStorage() {
    if (fake.throwOnAccess) throw new Error('[vitest] No "safeStorage" export is defined on the "electron" mock');
    return {
      isEncryptionAvailable: () => (fake.calls.push('isEncryptionAvailable'), fake.available),
      getSelectedStorageBackend: () => fake.backend,
      encryptString: (plain: string) => (fake.calls.push('encryptString'), Buffer.concat([Buffer.from('OS:'), Buffer.from(plain, 'utf8').reverse()])),
      decryptString: (data: Buffer) => {
        fake.calls.push('decryptString');
        if (!data.subarray(0, 3).equals(Buffer.from('OS:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(data.subarray(3)).reverse().toString('utf8');
      },
    };
  },
}));

const { safeStorageCipher } = await import('../../electron/main/app/safe-storage-cipher');

beforeEach(() => {
  fake.available = true;
  fake.backend = 'gnome_libsecret';
  fake.calls.length = 0;
  fake.throwOnAccess = false;
});

describe('safeStorageCipher', () => {
  it("uses the OS key store when it is available: protection 'os', no key file", () => {
    const keyFile = join(tempDir(), 'crm.sqlite.key');
    const cipher = safeStorageCipher(keyFile, undefined, 'win32');
    expect(cipher.protection).toBe('os');
    const data = cipher.encrypt('Pässwörd');
    expect(data.subarray(0, 3).toString()).toBe('OS:');
    expect(cipher.decrypt(data)).toBe('Pässwörd');
    expect(() => cipher.decrypt(Buffer.from('garbage'))).toThrow(/decrypting/);
    expect(fake.calls).toEqual(['isEncryptionAvailable', 'encryptString', 'decryptString', 'decryptString']);
    expect(existsSync(keyFile)).toBe(false);
  });

  it('uses a Linux keyring (libsecret, KWallet)', () => {
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6']) {
      fake.backend = backend;
      expect(safeStorageCipher(join(tempDir(), 'k'), undefined, 'linux').protection).toBe('os');
    }
  });

  it("falls back to the local key file when encryption is unavailable: protection 'local-key'", () => {
    fake.available = false;
    const keyFile = join(tempDir(), 'crm.sqlite.key');
    const cipher = safeStorageCipher(keyFile, undefined, 'darwin');
    expect(cipher.protection).toBe('local-key');
    expect(cipher.decrypt(cipher.encrypt('secret'))).toBe('secret');
    expect(existsSync(keyFile)).toBe(true);
    expect(fake.calls).toEqual(['isEncryptionAvailable']);
  });

  it("refuses Linux's basic_text backend (a key compiled into Chromium) and falls back", () => {
    fake.backend = 'basic_text';
    expect(safeStorageCipher(join(tempDir(), 'k'), undefined, 'linux').protection).toBe('local-key');
    fake.backend = 'unknown';
    expect(safeStorageCipher(join(tempDir(), 'k'), undefined, 'linux').protection).toBe('local-key');
    // The backend question is Linux-only.
    expect(safeStorageCipher(join(tempDir(), 'k'), undefined, 'darwin').protection).toBe('os');
  });

  it('falls back when safeStorage itself cannot be read or throws', () => {
    fake.throwOnAccess = true;
    expect(safeStorageCipher(join(tempDir(), 'k'), undefined, 'win32').protection).toBe('local-key');
    const broken = {
      isEncryptionAvailable: () => {
        throw new Error('not ready');
      },
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    };
    expect(safeStorageCipher(join(tempDir(), 'k'), broken, 'win32').protection).toBe('local-key');
  });

  it('a value from the OS store is not readable by the local-key fallback (and vice versa)', () => {
    const keyFile = join(tempDir(), 'crm.sqlite.key');
    const os = safeStorageCipher(keyFile, undefined, 'win32');
    fake.available = false;
    const local = safeStorageCipher(keyFile, undefined, 'win32');
    expect(() => local.decrypt(os.encrypt('x'))).toThrow();
    expect(() => os.decrypt(local.encrypt('x'))).toThrow();
  });
});
