import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { GRID_GENERATION_TABLES } from '../../electron/main/db/migrations/grid-generation-triggers';
import { gridPositions, viewIsTracked, type GridView } from '../../electron/main/domain/records/grid-positions';
import { importer } from '../support/import-run';
import { tempHost, type TestHost } from '../support/temp-host';

/*
 * Deep grid pages seek from anchors kept in memory instead of stepping over
 * every earlier row. These tests use an anchor every 7 rows, so that a couple
 * of hundred contacts have dozens of anchors, and hold each page against the
 * same page read with plain OFFSET, before and after changes made through the
 * app, behind its back on another connection, and in the middle of a build.
 */
let host: TestHost;
let other: Database.Database;
const N = 230;
const LAST_NAMES = ['Müller', 'Muller', 'Li', 'Lim', 'Ångström', 'Öztürk', 'Smith', 'Li'];

beforeAll(async () => {
  host = await tempHost();
  for (let i = 0; i < N; i++) {
    await host.call('contacts.create', { lastName: LAST_NAMES[i % LAST_NAMES.length]!, firstName: `P${String(i % 40).padStart(2, '0')}` });
  }
  gridPositions(sqliteHandle(host.dataSource)).every = 7;
  other = new Database(host.file);
});
afterAll(async () => {
  other.close();
  await host.close();
});

type Sort = { colId: 'lastName' | 'firstName' | 'city' | 'ownerName'; sort: 'asc' | 'desc' }[];
type Filter = Record<string, unknown>;

/** The whole view in one page from row 0: plain OFFSET 0, never positions. */
async function truth(sort: Sort, filter: Filter = {}) {
  return (await host.call('contacts.list', { startRow: 0, endRow: 500, sort, filter: filter as never })).rows.map((r) => r.id);
}

async function page(start: number, size: number, sort: Sort, filter: Filter = {}, withTotal = false) {
  return host.call('contacts.list', { startRow: start, endRow: start + size, sort, filter: filter as never, withTotal });
}

async function expectEveryPageMatches(sort: Sort, filter: Filter = {}) {
  const whole = await truth(sort, filter);
  for (const size of [5, 7, 13]) {
    for (let start = 0; start < whole.length + 10; start += size - 2) {
      const p = await page(start, size, sort, filter);
      expect(p.rows.map((r) => r.id), `rows ${start}–${start + size}`).toEqual(whole.slice(start, start + size));
    }
  }
  const first = await page(0, 10, sort, filter, true);
  expect(first.total).toBe(whole.length);
}

const generation = () => other.prepare(`SELECT generation FROM grid_generation`).pluck().get() as number;

describe('deep pages from positions', () => {
  it('give the same rows as OFFSET for every window, ascending, descending and filtered', async () => {
    await expectEveryPageMatches([]);
    await expectEveryPageMatches([{ colId: 'lastName', sort: 'desc' }]);
    await expectEveryPageMatches([], { lastName: { filterType: 'text', type: 'startsWith', filter: 'mu' } });
    // Every contact has the one owner: each anchor shares its first key with all the rows before it.
    await expectEveryPageMatches([{ colId: 'ownerName', sort: 'asc' }]);
    await expectEveryPageMatches([{ colId: 'ownerName', sort: 'desc' }, { colId: 'lastName', sort: 'desc' }]);
    // Nullable sorts cannot seek: they page with OFFSET, and still agree.
    await expectEveryPageMatches([{ colId: 'city', sort: 'asc' }]);
  });

  it('follow changes made through the app and behind its back on another connection', async () => {
    await expectEveryPageMatches([]);
    const made = await host.call('contacts.create', { lastName: 'Li', firstName: 'Zed' });
    await expectEveryPageMatches([]);
    const victim = (await truth([]))[40]!;
    await host.call('contacts.delete', { id: victim });
    await expectEveryPageMatches([]);
    // A rename moves a row across many anchors; it is written on another connection, as a worker or a second app would.
    other.prepare(`UPDATE contacts SET last_name = 'Aalto', sort_name = 'aalto' || char(1) || 'zed' WHERE id = ?`).run(made.id);
    await expectEveryPageMatches([]);
    expect((await page(0, 1, [])).rows[0]!.id).toBe(made.id);
    other.prepare(`INSERT INTO contacts (first_name, last_name, sort_name, emails, phones, owner_id, created_at, updated_at, created_by_id, updated_by_id, version)
                   SELECT 'Ann', 'Zyx', 'zyx' || char(1) || 'ann', '[]', '[]', owner_id, created_at, updated_at, created_by_id, updated_by_id, 1 FROM contacts LIMIT 1`).run();
    await expectEveryPageMatches([]);
    // A sort that cannot seek keeps its count the same way: counted once, and again after a change.
    await expectEveryPageMatches([{ colId: 'city', sort: 'asc' }]);
    other.prepare(`DELETE FROM contacts WHERE id = ?`).run(made.id);
    await expectEveryPageMatches([{ colId: 'city', sort: 'asc' }]);
  });

  it('steps past a crowd of rows sharing one name (more than three anchors of them) by seeking', async () => {
    other.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80)
                   INSERT INTO contacts (first_name, last_name, sort_name, emails, phones, owner_id, created_at, updated_at, created_by_id, updated_by_id, version)
                   SELECT 'Same', 'Same', 'same' || char(1) || 'same', '[]', '[]', c.owner_id, c.created_at, c.updated_at, c.created_by_id, c.updated_by_id, 1
                     FROM n, (SELECT * FROM contacts LIMIT 1) c`).run();
    await expectEveryPageMatches([]);
    await expectEveryPageMatches([{ colId: 'lastName', sort: 'desc' }]);
  });

  it('a page past the end is empty and still carries the total', async () => {
    const whole = await truth([]);
    const p = await page(whole.length + 50, 10, []);
    expect(p.rows).toEqual([]);
    expect(p.total).toBe(whole.length);
  });
});

describe('the generation', () => {
  it('moves on with every insert, update and delete in each tracked table', () => {
    for (const table of GRID_GENERATION_TABLES) {
      const triggers = other.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE '%_grid_%'`).pluck().all(table);
      expect(triggers.sort(), table).toEqual([`${table}_grid_ad`, `${table}_grid_ai`, `${table}_grid_au`]);
    }
    const before = generation();
    other.prepare(`UPDATE users SET name = name WHERE id = (SELECT MIN(id) FROM users)`).run();
    expect(generation()).toBe(before + 1);
  });

  it('moves on once for a bulk import, whose insert triggers are paused', async () => {
    const before = generation();
    const csv = Buffer.from(['First Name,Last Name', ...Array.from({ length: 30 }, (_, i) => `Bo,Imported${i}`)].join('\n'));
    const result = await importer(() => host, 'contacts').run(csv);
    expect(result.counts.created).toBe(30);
    expect(generation()).toBeGreaterThan(before);
    await expectEveryPageMatches([]);
  });
});

describe('building positions', () => {
  const view = (): GridView => ({
    table: 'contacts',
    alias: 'c',
    filterJoins: '',
    where: 'c.deleted_at IS NULL',
    params: [],
    orderBy: 'c.sort_name ASC, c.id ASC',
    seek: { keys: ['c.sort_name', 'c.id'], desc: false },
  });

  it('gives up when another connection writes while it runs, and keeps nothing stale', async () => {
    const positions = gridPositions(sqliteHandle(host.dataSource));
    positions.every = 1; // one anchor per row: several slices, so the build yields in between
    try {
      const building = positions.positions(view());
      await new Promise((resolve) => setImmediate(resolve));
      other.prepare(`UPDATE contacts SET title = 'moved on' WHERE id = (SELECT MIN(id) FROM contacts)`).run();
      expect(await building).toBeNull();
      const fresh = await positions.positions(view());
      const live = other.prepare(`SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL`).pluck().get();
      expect(fresh?.total).toBe(live);
      expect(fresh?.anchors).toHaveLength(live as number);
    } finally {
      positions.every = 7;
    }
  });

  it('is not used while a write transaction is open on the connection', async () => {
    const db = sqliteHandle(host.dataSource);
    db.exec('BEGIN');
    try {
      expect(await gridPositions(db).positions(view())).toBeNull();
    } finally {
      db.exec('ROLLBACK');
    }
    expect(await gridPositions(db).positions(view())).not.toBeNull();
  });

  it('is not built for an order no index gives (it would sort the whole view once per anchor)', async () => {
    const byOwner: GridView = {
      ...view(),
      filterJoins: 'JOIN users o ON o.id = c.owner_id',
      orderBy: 'o.name COLLATE NOCASE ASC, c.id ASC',
      seek: { keys: ['o.name COLLATE NOCASE', 'c.id'], desc: false },
    };
    expect(await gridPositions(sqliteHandle(host.dataSource)).positions(byOwner)).toBeNull();
    expect(await gridPositions(sqliteHandle(host.dataSource)).positions(view())).not.toBeNull();
  });

  it('only serves views whose tables all move the generation on', () => {
    expect(viewIsTracked({ table: 'contacts', filterJoins: 'JOIN users o ON o.id = c.owner_id', where: 'c.deleted_at IS NULL' })).toBe(true);
    expect(viewIsTracked({ table: 'contacts', filterJoins: '', where: '(SELECT a.name FROM accounts a WHERE a.id = c.account_id) LIKE ?' })).toBe(true);
    expect(viewIsTracked({ table: 'quotes', filterJoins: '', where: 'q.deleted_at IS NULL' })).toBe(false);
    expect(viewIsTracked({ table: 'opportunities', filterJoins: 'JOIN pipeline_stages s ON s.id = op.stage_id', where: '1' })).toBe(false);
  });
});
