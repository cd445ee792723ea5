import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ArgError, parseSeedArgs } from '../../electron/main/seed/cli-args';

const ROOT = resolve(__dirname, '../..');
const runSeed = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/main/seed/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });

describe('seed command-line arguments', () => {
  it('reads counts, seed and database in both --flag value and --flag=value forms', () => {
    expect(parseSeedArgs(['--accounts', '10', '--contacts=200', '--db', 'x.sqlite', '--seed=9'])).toEqual({
      accounts: 10,
      contacts: 200,
      opportunities: 0,
      leads: 0,
      activities: 0,
      db: 'x.sqlite',
      seed: 9,
      now: null,
      help: false,
    });
    expect(parseSeedArgs(['--opportunities=50', '--leads', '20', '--activities', '300'])).toMatchObject({
      accounts: 0,
      contacts: 0,
      opportunities: 50,
      leads: 20,
      activities: 300,
    });
    expect(parseSeedArgs(['--contacts', '1', '--now', '2026-11-22T13:00:00Z']).now).toEqual(new Date('2026-11-22T13:00:00Z'));
    expect(parseSeedArgs(['--contacts', '95'])).toMatchObject({ accounts: 10, contacts: 95, db: null, seed: 1 });
  });

  it.each([
    [['--contacts', '-5']],
    [['--contacts', '1.5']],
    [['--contacts', 'many']],
    [['--accounts']],
    [['--contacts', '5', '--contacts', '6']],
    [['--rows', '5']],
    [['--seed', '99999999999', '--contacts', '1']],
    [['--contacts', '1', '--now', 'yesterday']],
    [['--opportunities', 'lots']],
    [['--contacts', '1', '--now', '2026-11-22 13:00']],
    [[]],
  ])('refuses %j', (argv) => {
    expect(() => parseSeedArgs(argv)).toThrow(ArgError);
  });
});

describe('npm run seed', () => {
  it('exits with 2 and says why on a bad argument', () => {
    const run = runSeed(['--contacts', 'lots']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--contacts takes a whole number');
    expect(run.stderr).toContain('Usage:');
  });

  it('migrates and fills the given file, reports counts and speed, and repeats itself for the same --seed and --now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-seed-cli-'));
    try {
      const dump = (file: string) => {
        const db = new Database(file, { readonly: true });
        const rows = [db.prepare(`SELECT * FROM accounts ORDER BY id`).all(), db.prepare(`SELECT * FROM contacts ORDER BY id`).all()];
        db.close();
        return rows;
      };
      const files = [join(dir, 'a.sqlite'), join(dir, 'b.sqlite')];
      for (const file of files) {
        const run = runSeed(['--accounts', '5', '--contacts', '40', '--db', file, '--seed', '8', '--now', '2026-11-22T12:00:00Z']);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/Done: 5 accounts, 40 contacts in [\d.]+ s \([\d,]+ rows\/s\)/);
      }
      const [accounts, contacts] = dump(files[0]!);
      expect([accounts!.length, contacts!.length]).toEqual([5, 40]);
      expect(dump(files[1]!)).toEqual([accounts, contacts]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
