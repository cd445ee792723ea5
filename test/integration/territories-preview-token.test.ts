import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import { MoveSession } from '../../electron/main/domain/territories/engine/move-session';
import { createMovesTable, insertMoves } from '../../electron/main/domain/territories/engine/move-table';
import { writeMoves } from '../../electron/main/domain/territories/engine/write-moves';
import { openWorkerConnection } from '../../electron/main/workers/worker-connection';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let db: Database.Database;
let session: MoveSession;
beforeEach(async () => {
  host = await tempHost();
  // The assignment worker's side: a connection of its own on the same file.
  db = openWorkerConnection(new Database(host.file));
  session = new MoveSession(db);
});
afterEach(async () => {
  db.close();
  await host.close();
});

async function user(name: string): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  return (await new Sql(host.dataSource).run(`INSERT INTO users (name, role, active, capacity, created_at, updated_at) VALUES (?, 'sales_rep', 1, 100, ?, ?)`, [name, now, now])).lastId;
}

/** Six German accounts with a contact each, all the admin's, and a territory that wants them with two reps. */
async function office() {
  const admin = (await host.call('session.current', {})).user.id;
  const [a, b] = [await user('Anna'), await user('Bert')];
  for (let i = 0; i < 6; i++) {
    const account = await host.call('accounts.create', { name: `Firma ${i}`, billingAddress: { country: 'DE' }, ownerId: admin });
    await host.call('contacts.create', { lastName: `Kontakt ${i}`, accountId: account.id, ownerId: admin });
  }
  await host.call('territories.save', { name: 'Germany', rules: [{ field: 'country', values: ['DE'] }], memberIds: [a, b] });
  return { admin, a, b };
}

const by = () => ({ userId: host.session.userId, now: host.clock.now().toISOString() });
const realignment = { kind: 'realignment' } as const;
const movedIn = (batchId: number) => db.prepare(`SELECT COUNT(*) FROM assignment_log WHERE batch_id = ?`).pluck().get(batchId);

describe('apply with the preview’s token', () => {
  it('writes the previewed plan without planning again while nothing changed', async () => {
    await office();
    const preview = session.preview(realignment);
    expect(preview.byEntity).toEqual({ account: 6, lead: 0, contact: 6, opportunity: 0 });
    const applied = session.apply(realignment, preview.previewToken, by());
    expect(applied).toMatchObject({ reused: true, total: 12 });
    expect(movedIn(applied.batchId)).toBe(12);
  });

  it('plans again when another connection committed anything since the preview', async () => {
    await office();
    const preview = session.preview(realignment);
    const admin = (await host.call('session.current', {})).user.id;
    await host.call('accounts.create', { name: 'Late GmbH', billingAddress: { country: 'DE' }, ownerId: admin });
    const applied = session.apply(realignment, preview.previewToken, by());
    expect(applied).toMatchObject({ reused: false, total: 13 });
  });

  it('plans again for another plan, an unknown token, or after this connection wrote', async () => {
    const { a } = await office();
    const first = session.preview(realignment);
    expect(session.apply({ kind: 'rep_leaves', userId: a, toUserId: null, deactivate: false }, first.previewToken, by()).reused).toBe(false);

    const second = session.preview(realignment);
    const applied = session.apply(realignment, second.previewToken.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')), by());
    expect(applied.reused).toBe(false);

    const third = session.preview(realignment);
    session.undo(applied.batchId, by());
    expect(session.apply(realignment, third.previewToken, by()).reused).toBe(false);
  });

  it('through dispatch: the preview hands out a token and apply takes it', async () => {
    await office();
    const preview = await host.call('assignment.preview', { kind: 'realignment' });
    expect(preview.previewToken).toMatch(/^[0-9a-f-]{36}$/);
    const { batch } = await host.call('assignment.apply', { kind: 'realignment', previewToken: preview.previewToken });
    expect(batch.moveCount).toBe(preview.total);
    expect((await host.call('assignment.history', { batchId: batch.id })).length).toBe(preview.total);
  });
});

describe('references of a bulk move', () => {
  it('are checked once per owner and territory: a missing one fails the move and writes nothing', async () => {
    const { admin } = await office();
    const accountId = db.prepare(`SELECT MIN(id) FROM accounts`).pluck().get() as number;
    db.exec('BEGIN IMMEDIATE');
    try {
      createMovesTable(db);
      insertMoves(db, [{ entity: 'account', id: accountId, fromOwnerId: admin, toOwnerId: 99_999, fromTerritoryId: null, toTerritoryId: null, reason: 'manual', ruleId: null }]);
      expect(() => writeMoves(db, { kind: 'realignment', label: 'x', total: 1, deactivate: null, roundRobinNext: [] }, by())).toThrow(/no longer exists/);
    } finally {
      db.exec('ROLLBACK');
    }
    expect(db.prepare(`SELECT owner_id FROM accounts WHERE id = ?`).pluck().get(accountId)).toBe(admin);
  });

  it('leave foreign keys on for everything else the connection does', async () => {
    await office();
    const preview = session.preview(realignment);
    session.apply(realignment, preview.previewToken, by());
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
