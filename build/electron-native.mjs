#!/usr/bin/env node
/**
 * Before `npm start`: make a better-sqlite3 binary for Electron's ABI in
 * .electron-native/electron-<version>/, from a private copy of the package.
 * node_modules keeps its Node build, which `npm test`, the CLI and the harness
 * use, so `npm start` and `npm test` work in either order. The main process
 * picks the Electron build up through better-sqlite3's `nativeBinding` option
 * (electron/main/config/native-binding.ts). Needs internet once per Electron
 * version (a prebuilt download, else Electron's headers for a local compile).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const target = join(root, '.electron-native', `electron-${electronVersion}`, 'better_sqlite3.node');

if (existsSync(target)) {
  console.log(`better-sqlite3 for Electron ${electronVersion}: ${target}`);
  process.exit(0);
}

console.log(`Building better-sqlite3 for Electron ${electronVersion} (once per Electron version)…`);
const work = mkdtempSync(join(tmpdir(), 'crm-electron-native-'));
try {
  const pkg = join(work, 'node_modules', 'better-sqlite3');
  cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true, filter: (src) => !src.includes(`${'better-sqlite3'}/build`) });
  const env = {
    ...process.env,
    // prebuild-install and node-gyp both read these: fetch or compile for Electron, not Node.
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_arch: process.arch,
    npm_config_build_from_source: process.env.CRM_NATIVE_FROM_SOURCE ?? '',
    // A machine-wide nodedir would make node-gyp compile against Node's headers again.
    npm_config_nodedir: join(work, 'no-nodedir'),
  };
  const prebuild = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'prebuild-install.cmd' : 'prebuild-install');
  try {
    execFileSync(prebuild, ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`], { cwd: pkg, env, stdio: 'inherit', shell: process.platform === 'win32' });
  } catch {
    console.log('No prebuilt binary; compiling against Electron headers…');
    delete env.npm_config_nodedir;
    execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`], {
      cwd: pkg,
      env,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  }
  const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`No binary at ${built}`);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(built, target);
  console.log(`better-sqlite3 for Electron ${electronVersion}: ${target}`);
} catch (error) {
  console.error(`Could not build better-sqlite3 for Electron: ${error instanceof Error ? error.message : error}`);
  console.error('`npm start` needs internet once per Electron version. `npm run start:browser` works offline.');
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
