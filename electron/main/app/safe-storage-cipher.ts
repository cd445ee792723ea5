import { safeStorage } from 'electron';
import { localKeyCipher, type SecretCipher } from '../mail/secret-cipher';

/** The part of Electron's safeStorage the cipher uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Linux backends that are no protection at all: 'basic_text' encrypts with a key compiled
 * into Chromium (weaker than our own key file), 'unknown' means the app is not ready yet.
 */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

function usableStorage(storage: SafeStorageLike | undefined, platform: NodeJS.Platform): SafeStorageLike | null {
  try {
    // Reading the export can itself throw (an older Electron, a mocked module without it).
    const s = storage ?? safeStorage;
    if (!s || !s.isEncryptionAvailable()) return null;
    if (platform === 'linux' && WEAK_LINUX_BACKENDS.has(s.getSelectedStorageBackend?.() ?? 'unknown')) return null;
    return s;
  } catch {
    return null;
  }
}

/**
 * A SecretCipher over the operating system's key store (Windows DPAPI, macOS Keychain, Linux
 * libsecret/KWallet) through Electron's safeStorage: protection 'os'. Where that is not
 * available (a Linux desktop without a keyring), the local key file `fallbackKeyFile`
 * (protection 'local-key'). Call after the app is ready.
 *
 * The synchronous safeStorage calls are deprecated in favour of async ones, but SecretCipher is
 * synchronous and the values are a few bytes; switch when the async API becomes the only one.
 */
export function safeStorageCipher(fallbackKeyFile: string, storage?: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher {
  const os = usableStorage(storage, platform);
  if (!os) return localKeyCipher(fallbackKeyFile);
  return {
    protection: 'os',
    encrypt: (plain) => os.encryptString(plain),
    decrypt: (data) => os.decryptString(data),
  };
}
