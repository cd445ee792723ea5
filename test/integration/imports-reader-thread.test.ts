import { randomUUID } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportSpec } from '../../shared/contract/imports';
import { openHost } from '../../electron/main/host/host';
import { openWorkerConnection } from '../../electron/main/workers/worker-connection';
import { runImport } from '../../electron/main/domain/imports/engine/run-import';
import { tempDir } from '../support/temp-host';

const NOW = '2026-03-01T09:00:00.000Z';
const HEADER = 'First Name,Last Name,Email,Phone,Account Name,Owner,Mailing Country,Birthdate';
const COLUMNS = ['firstName', 'lastName', 'email', 'phone', 'accountName', 'owner', 'country', 'birthday'];
const TABLES = ['contacts', 'accounts', 'record_keys', 'import_changes', 'imports', 'import_errors', 'assignment_log'];

let dir: string;
let office: string;
let userId: number;

/** An office with a rep, an account, two accounts of one name and a contact whose e-mail a row repeats. */
beforeAll(async () => {
  dir = tempDir();
  office = join(dir, 'office.sqlite');
  const host = await openHost({ database: office, defaultUserName: 'Ada Admin' });
  userId = host.session.userId;
  const call = async (method: string, input: unknown) => {
    const r = await host.dispatch(method, input, host.session);
    if (!r.ok) throw new Error(r.error.message);
    return r.data as { id: number };
  };
  const db = new Database(office);
  db.prepare(`INSERT INTO users (name, email, role, active, capacity, created_at, updated_at) VALUES ('Rita Rep', 'rita@example.com', 'sales_rep', 1, 100, ?, ?)`).run(NOW, NOW);
  db.close();
  await call('accounts.create', { name: 'Acme GmbH' });
  await call('accounts.create', { name: 'Twin AG' });
  await call('accounts.create', { name: 'twin ag' });
  await call('contacts.create', { lastName: 'On file', emails: [{ address: 'taken@example.com' }] });
  await host.close();
});

function fileOf(lines: string[]): string {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, [HEADER, ...lines].join('\r\n') + '\r\n');
  return path;
}

const many = (n: number) =>
  Array.from({ length: n }, (_, i) => `Person ${i % 7},Row-${i},row${i}@example.com,+49 89 ${100000 + i},${['ACME gmbh', '', `New ${i % 5}`][i % 3]},${i % 4 === 0 ? 'Rita Rep' : ''},${['DE', 'FR', ''][i % 3]},19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`);

/** Runs one import on a fresh copy of the office, on this thread or with the reader thread; returns its result and every table it touches. */
async function importOn(copy: string, path: string, extra: Partial<ImportSpec>, threaded: boolean, signal?: AbortSignal, progress?: (label: string) => void) {
  copyFileSync(office, copy);
  const db = openWorkerConnection(new Database(copy), { cacheMiB: 16, autoCheckpoint: true });
  try {
    const spec = ImportSpec.parse({ fileId: randomUUID(), target: 'contacts', encoding: 'utf-8', delimiter: ',', columns: COLUMNS, createAccounts: true, ...extra });
    const result = await runImport({ db, spec, file: { path, name: 'people.csv' }, userId, now: NOW, dryRun: false, readerThreadFromBytes: threaded ? 0 : Infinity, ...(signal ? { signal } : {}), ...(progress ? { progress } : {}) }).catch((error: unknown) => {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      throw error;
    });
    const tables = Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
    // A batched import writes with the row-by-row checks off: they are back on after it, and nothing it kept breaks them.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    return { result, tables };
  } finally {
    db.close();
  }
}

async function bothWays(lines: string[], extra: Partial<ImportSpec> = {}) {
  const path = fileOf(lines);
  const inline = await importOn(join(dir, 'inline.sqlite'), path, extra, false);
  const threaded = await importOn(join(dir, 'threaded.sqlite'), path, extra, true);
  return { inline, threaded };
}

describe('a big contacts file read and prepared on a thread of its own', () => {
  it('imports exactly what the same file imports on one thread: records, new accounts, owners, keys, log', async () => {
    const { inline, threaded } = await bothWays(many(1_234));
    expect(inline.result.counts).toMatchObject({ rows: 1_234, created: 1_234, failed: 0 });
    expect(threaded.result).toEqual(inline.result);
    expect(threaded.tables).toEqual(inline.tables);
    expect((inline.tables.accounts as unknown[]).length).toBe(3 + 5);
  });

  it('writes the e-mail keys the insert trigger would: every address of every new contact, trimmed and lower-cased', async () => {
    const path = join(dir, 'two-addresses.csv');
    const lines = Array.from({ length: 300 }, (_, i) => `Row-${i},${[` P${i}@Example.com `, '', `p${i}@example.com`][i % 3]},${i % 2 ? `Second.${i}@Example.org` : ''}`);
    writeFileSync(path, ['Last Name,Email,Email 2', ...lines].join('\r\n') + '\r\n');
    for (const threaded of [false, true]) {
      const { result, tables } = await importOn(join(dir, 'keys.sqlite'), path, { columns: ['lastName', 'email', 'email2'] }, threaded);
      expect(result.counts).toMatchObject({ created: 300, failed: 0 });
      const db = new Database(join(dir, 'keys.sqlite'), { readonly: true });
      try {
        const byTrigger = db
          .prepare(
            `SELECT lower(trim(json_extract(e.value, '$.address'))) AS key, c.id AS record_id FROM contacts c, json_each(c.emails) e
              WHERE trim(COALESCE(json_extract(e.value, '$.address'), '')) <> '' ORDER BY record_id, key`,
          )
          .all();
        const written = db.prepare(`SELECT key, record_id FROM record_keys WHERE entity = 'contact' AND kind = 'email' ORDER BY record_id, key`).all();
        expect(written).toEqual(byTrigger);
        expect(written.filter((k) => (k as { key: string }).key.startsWith('second.'))).toHaveLength(150);
        expect((tables.contacts as { email: string | null }[]).filter((c) => c.email?.startsWith('Second.'))).toHaveLength(50);
      } finally {
        db.close();
      }
    }
  });

  it('checks its references before it commits: an owner gone meanwhile fails the import and keeps nothing', async () => {
    const copy = join(dir, 'gone.sqlite');
    copyFileSync(office, copy);
    const db = openWorkerConnection(new Database(copy), { cacheMiB: 16, autoCheckpoint: true });
    try {
      const rita = db.prepare(`SELECT id FROM users WHERE name = 'Rita Rep'`).pluck().get() as number;
      const spec = ImportSpec.parse({ fileId: randomUUID(), target: 'contacts', encoding: 'utf-8', delimiter: ',', columns: COLUMNS, createAccounts: true });
      // Only something inside the import's own transaction can take a row away: the progress callback runs there.
      const progress = () => db.prepare(`DELETE FROM users WHERE id = ?`).run(rita);
      const run = runImport({ db, spec, file: { path: fileOf(many(1_234)), name: 'people.csv' }, userId, now: NOW, dryRun: false, readerThreadFromBytes: 0, progress });
      await expect(run).rejects.toThrow(`Nothing was imported: a record refers to users #${rita} (contacts.owner_id), which does not exist.`);
      expect(db.prepare(`SELECT count(*) FROM users WHERE id = ?`).pluck().get(rita)).toBe(1);
      expect(db.prepare(`SELECT count(*) FROM contacts`).pluck().get()).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('refuses the same rows with the same words: typed values, look-ups, duplicates, width', async () => {
    const lines = [
      ...many(700),
      'Ann,Twin,ann@example.com,,Twin AG,,DE,',
      'Bo,Taken,TAKEN@example.com,,,,,',
      'Cy,Again,row5@example.com,,,,,',
      'Di,Date,di@example.com,,,,DE,1981-02-29',
      'Ed,Owner,ed@example.com,,,Nobody,,',
      'Short,row',
      'Fay,"O\'Brien, Jr.",fay@example.com,,,,IE,',
      // A NUL in a cell: the reader sends this row's cells one by one (and the row is refused, so they are read).
      'Gus,Nul\u0000Byte,taken@example.com,,,,DE,',
      ...many(600).map((l) => l.replace(/row(\d+)@/, 'late$1@')),
    ];
    const { inline, threaded } = await bothWays(lines);
    expect(inline.result.status).toBe('failed');
    expect(inline.result.errors.map((e) => e.line)).toEqual([702, 703, 704, 705, 706, 707, 709]);
    expect(threaded.result).toEqual(inline.result);
    expect(threaded.tables).toEqual(inline.tables);
  });

  it('finds an e-mail twice in the file whichever rows the reader prepared, and only then', async () => {
    const lines = [
      ...many(400),
      'Ann,Again,Row7@Example.com,,,,,',
      // Created, but planned by the writer (a NUL in a cell): the reader cannot vouch for any row after it.
      'Gus,Nul\u0000Byte,gus@example.com,,,,DE,',
      ...many(300).map((l) => l.replace(/row(\d+)@/, 'late$1@')),
      'Gus,Twice, GUS@example.com ,,,,,',
    ];
    const { inline, threaded } = await bothWays(lines);
    expect(inline.result.errors.map((e) => [e.line, e.field])).toEqual([
      [402, 'email'],
      [704, 'email'],
    ]);
    expect(threaded.result).toEqual(inline.result);
    expect(threaded.tables).toEqual(inline.tables);
  });

  it('a file error comes after the rows before it, worded the same; a cancel keeps nothing', async () => {
    const path = fileOf([...many(900), 'Unclosed,"quote,x@example.com,,,,,']);
    const messageOf = (threadedRun: boolean) => importOn(join(dir, `e${threadedRun}.sqlite`), path, {}, threadedRun).then(() => 'no error', (e: Error) => e.message);
    const [a, b] = [await messageOf(false), await messageOf(true)];
    expect(a).toMatch(/^Line 902: a quoted field/);
    expect(b).toBe(a);

    const cancel = new AbortController();
    cancel.abort();
    const cancelled = await importOn(join(dir, 'cancelled.sqlite'), fileOf(many(2_000)), {}, true, cancel.signal);
    expect(cancelled.result.status).toBe('cancelled');
    expect((cancelled.tables.contacts as unknown[]).length).toBe(1);
  });

  it('a cancel that comes after the last row, while the import finishes, still keeps nothing', async () => {
    for (const threadedRun of [false, true]) {
      const cancel = new AbortController();
      const late = await importOn(join(dir, `late${threadedRun}.sqlite`), fileOf(many(1_500)), {}, threadedRun, cancel.signal, (label) => {
        if (label === 'Updating the search index') cancel.abort();
      });
      expect(late.result).toMatchObject({ status: 'cancelled', counts: { rows: 1_500 } });
      expect((late.tables.contacts as unknown[]).length).toBe(1);
    }
  });
});
