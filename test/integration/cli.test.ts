import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { runCli } from '../../electron/main/cli/run-cli';
import { tempDir } from '../support/temp-host';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('admin CLI', () => {
  it('calls a method through dispatch and prints JSON; errors exit non-zero', async () => {
    const db = join(tempDir(), 'crm.sqlite');
    const created = await cli(['--db', db, 'call', 'accounts.create', '{"name":"Ørsted A/S","billingAddress":{"country":"dk"}}']);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ id: 1, name: 'Ørsted A/S', billingAddress: { country: 'DK' } });
    const got = await cli(['call', 'accounts.get', '{"id":1}', '--db', db]);
    expect(JSON.parse(got.out).name).toBe('Ørsted A/S');
    const bad = await cli(['--db', db, 'call', 'accounts.get', '{"id":"one"}']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err)).toMatchObject({ code: 'validation', issues: [{ path: 'id' }] });
    const notJson = await cli(['--db', db, 'call', 'accounts.get', '{id:1}']);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/not valid JSON/);
  });

  it('reports status, migrates and backs up', async () => {
    const dir = tempDir();
    const db = join(dir, 'crm.sqlite');
    await cli(['--db', db, 'db', 'migrate']);
    await cli(['--db', db, 'call', 'contacts.create', '{"lastName":"Šimek"}']);
    const status = await cli(['--db', db, 'db', 'status']);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.out);
    expect(parsed.migrations.pending).toEqual([]);
    expect(parsed.counts).toEqual({ users: 1, accounts: 0, contacts: 1 });
    const target = join(dir, 'copy', 'backup.sqlite');
    const backup = await cli(['--db', db, 'db', 'backup', target]);
    expect(backup.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT last_name FROM contacts').all()).toEqual([{ last_name: 'Šimek' }]);
    copy.close();
  });

  it('uses the deployment config when no --db is given', async () => {
    const dir = tempDir();
    const result = await cli(['call', 'accounts.create', '{"name":"Via config"}'], { CRM_DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'crm.sqlite'))).toBe(true);
  });

  it('lists every method with its input as JSON Schema', async () => {
    const result = await cli(['methods']);
    const list = JSON.parse(result.out) as { method: string; input: { type?: string } }[];
    expect(list.map((m) => m.method)).toEqual(METHOD_NAMES);
    const create = list.find((m) => m.method === 'accounts.create')!;
    expect(create.input).toMatchObject({ type: 'object', required: ['name'] });
  });

  it('explains its usage on unknown commands', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Unknown command: frobnicate[\s\S]*Usage: npm run crm/);
  });
});
