import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, defaultFontDir } from '../../electron/main/pdf/pdf-fonts';

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

describe('the fonts in a packaged app', () => {
  it('are copied by electron-builder to <resources>/fonts, which is the first place the PDF renderer looks', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { build: { extraResources: { from: string; to: string }[] } };
    const entry = pkg.build.extraResources.find((r) => r.from === 'resources/fonts');
    expect(entry?.to).toBe('fonts');
    const resources = mkdtempSync(join(tmpdir(), 'crm-resources-'));
    cpSync(resolve(__dirname, '../../resources/fonts'), join(resources, entry!.to), { recursive: true });
    const proc = process as NodeJS.Process & { resourcesPath?: string };
    proc.resourcesPath = resources;
    try {
      expect(defaultFontDir()).toBe(join(resources, 'fonts'));
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath');
    }
  });
});
