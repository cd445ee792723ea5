import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../electron/main/pdf/pdf-fonts';

const repo = resolve(__dirname, '../..');
const fonts = join(repo, 'resources/fonts');
const npmPackage = dirname(createRequire(join(repo, 'package.json')).resolve('@expo-google-fonts/noto-sans/package.json'));

describe('the committed PDF fonts', () => {
  // If these fail, someone replaced a font by hand: copy it from the package again
  // (see resources/fonts/README.md) or update the README and this test together.
  it.each([
    [FONT_FILES.regular, '400Regular/NotoSans_400Regular.ttf'],
    [FONT_FILES.bold, '700Bold/NotoSans_700Bold.ttf'],
    ['OFL.txt', 'LICENSE_FONT'],
  ])('%s is byte for byte @expo-google-fonts/noto-sans/%s', (committed, inPackage) => {
    const ours = readFileSync(join(fonts, committed));
    const theirs = readFileSync(join(npmPackage, inPackage));
    expect(ours.length).toBe(theirs.length);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('comes from the package version the README names', () => {
    const { version } = JSON.parse(readFileSync(join(npmPackage, 'package.json'), 'utf8')) as { version: string };
    expect(readFileSync(join(fonts, 'README.md'), 'utf8')).toContain(`@expo-google-fonts/noto-sans@${version}`);
  });
});
