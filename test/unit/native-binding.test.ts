import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { electronNativeBinding } from '../../electron/main/config/native-binding';
import { tempDir } from '../support/temp-host';

it('uses the Electron build only inside Electron and only when it was built for that version', () => {
  const root = tempDir();
  expect(electronNativeBinding(root, undefined)).toBeUndefined();
  expect(electronNativeBinding(root, '45.4.1')).toBeUndefined();
  const dir = join(root, '.electron-native', 'electron-45.4.1');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'better_sqlite3.node'), '');
  expect(electronNativeBinding(root, '45.4.1')).toBe(join(dir, 'better_sqlite3.node'));
  expect(electronNativeBinding(root, '46.0.0')).toBeUndefined();
  expect(electronNativeBinding(root, undefined)).toBeUndefined();
});
