import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/main/config/data-dir';
import { ConfigError, loadDeploymentConfig, looksLikeNetworkPath } from '../../electron/main/config/deployment-config';
import { tempDir } from '../support/temp-host';

describe('deployment config', () => {
  it('defaults to crm.sqlite in the same folder Electron calls userData', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Office CRM');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toContain('Office CRM');
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Office CRM');
    const dir = tempDir();
    expect(loadDeploymentConfig({ CRM_DATA_DIR: dir })).toMatchObject({ databasePath: join(dir, 'crm.sqlite'), configPath: null });
  });

  it('reads crm.config.json with a database path relative to the file and an update feed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'crm.config.json'), JSON.stringify({ database: { path: 'data/office.sqlite' }, updates: { url: 'https://updates.office.local/crm/' } }));
    const resolved = loadDeploymentConfig({ CRM_DATA_DIR: dir });
    expect(resolved.databasePath).toBe(join(dir, 'data', 'office.sqlite'));
    expect(resolved.config.updates).toEqual({ url: 'https://updates.office.local/crm/', channel: 'latest' });
  });

  it('names the file and the setting when the config is wrong', () => {
    const dir = tempDir();
    const file = join(dir, 'crm.config.json');
    writeFileSync(file, '{ "database": { "path": 5 } }');
    expect(() => loadDeploymentConfig({ CRM_CONFIG: file })).toThrow(ConfigError);
    expect(() => loadDeploymentConfig({ CRM_CONFIG: file })).toThrow(/crm\.config\.json has settings .*database\.path/);
    writeFileSync(file, '{ not json');
    expect(() => loadDeploymentConfig({ CRM_CONFIG: file })).toThrow(/is not valid JSON/);
    expect(() => loadDeploymentConfig({ CRM_CONFIG: join(dir, 'missing.json') })).toThrow(/does not exist/);
  });

  it('recognises network paths, where SQLite is unsafe for several writers', () => {
    expect(looksLikeNetworkPath('\\\\fileserver\\crm\\crm.sqlite')).toBe(true);
    expect(looksLikeNetworkPath('//nas/share/crm.sqlite')).toBe(true);
    expect(looksLikeNetworkPath('/Volumes/Office/crm.sqlite')).toBe(true);
    expect(looksLikeNetworkPath('C:\\Users\\ana\\AppData\\Roaming\\Office CRM\\crm.sqlite')).toBe(false);
    expect(looksLikeNetworkPath('/home/ana/.config/Office CRM/crm.sqlite')).toBe(false);
  });
});
