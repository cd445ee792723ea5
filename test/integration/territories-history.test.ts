import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

async function user(name: string, role = 'sales_rep'): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  return (await new Sql(host.dataSource).run(`INSERT INTO users (name, role, active, capacity, created_at, updated_at) VALUES (?, ?, 1, 100, ?, ?)`, [name, role, now, now])).lastId;
}

const HOUR = 3_600_000;

describe('the history of one record', () => {
  it('lists its assignment on create, each bulk move and each undo, newest first, with the time and user of each', async () => {
    const [anna, bert] = [await user('Anna'), await user('Bert')];
    const manager = await user('Mia Manager', 'sales_manager');
    const admin = host.session.userId;
    const germany = await host.call('territories.save', { name: 'Germany', rules: [{ field: 'country', values: ['DE'] }], memberIds: [anna] });
    const created = await host.call('accounts.create', { name: 'Berlin AG', billingAddress: { country: 'DE' } });
    const createdAt = host.clock.now().toISOString();
    expect(created.owner.id).toBe(anna);

    await host.call('territories.save', { id: germany.id, name: 'Germany', rules: [{ field: 'country', values: ['DE'] }], memberIds: [bert] });
    host.clock.advance(HOUR);
    const first = (await host.call('assignment.apply', { kind: 'realignment' })).batch;
    host.clock.advance(HOUR);
    host.session.userId = manager;
    await host.call('assignment.undo', { batchId: first.id });
    const undoneAt = host.clock.now().toISOString();
    host.clock.advance(HOUR);
    host.session.userId = admin;
    const second = (await host.call('assignment.apply', { kind: 'realignment' })).batch;

    const history = await host.call('assignment.history', { entity: 'account', recordId: created.id });
    expect(history.map((h) => [h.reason, h.from?.id ?? null, h.to.id, h.batchId, h.at, h.by.id])).toEqual([
      ['round_robin', anna, bert, second.id, second.createdAt, admin],
      ['undo', bert, anna, first.id, undoneAt, manager],
      ['round_robin', anna, bert, first.id, first.createdAt, admin],
      ['round_robin', admin, anna, null, createdAt, admin],
    ]);
    expect(history[0]).toMatchObject({ entity: 'account', recordName: 'Berlin AG', toTerritory: { id: germany.id, name: 'Germany' } });
    expect(await host.call('assignment.history', { entity: 'account', recordId: created.id, limit: 1 })).toHaveLength(1);
    expect(await host.call('assignment.history', { entity: 'account', recordId: created.id, batchId: first.id })).toHaveLength(2);
  });

  it('a batch’s history holds its moves and, once undone, the undo of each', async () => {
    const anna = await user('Anna');
    const admin = host.session.userId;
    for (let i = 0; i < 3; i++) {
      const account = await host.call('accounts.create', { name: `Firma ${i}`, billingAddress: { country: 'AT' }, ownerId: admin });
      await host.call('contacts.create', { lastName: `Kontakt ${i}`, accountId: account.id, ownerId: admin });
    }
    await host.call('territories.save', { name: 'Austria', rules: [{ field: 'country', values: ['AT'] }], memberIds: [anna] });
    const { batch } = await host.call('assignment.apply', { kind: 'realignment' });
    const moves = await host.call('assignment.history', { batchId: batch.id });
    expect(moves.map((m) => [m.entity, m.reason]).sort()).toEqual([
      ['account', 'round_robin'],
      ['account', 'round_robin'],
      ['account', 'round_robin'],
      ['contact', 'follows_account'],
      ['contact', 'follows_account'],
      ['contact', 'follows_account'],
    ]);
    host.clock.advance(HOUR);
    await host.call('assignment.undo', { batchId: batch.id });
    const after = await host.call('assignment.history', { batchId: batch.id });
    expect(after).toHaveLength(12);
    expect(after.slice(0, 6).every((m) => m.reason === 'undo' && m.to.id === admin && m.from?.id === anna)).toBe(true);
  });
});

describe('the rule editor’s count', () => {
  it('follows the records as they change, between keystrokes and after a bulk move', async () => {
    const anna = await user('Anna');
    const count = () => host.call('territories.countMatches', { rules: [{ field: 'country', values: ['DE'] }] });
    await host.call('accounts.create', { name: 'Erste', billingAddress: { country: 'DE' } });
    expect(await count()).toEqual({ accounts: 1, leads: 0 });
    expect(await count()).toEqual({ accounts: 1, leads: 0 });
    await host.call('accounts.create', { name: 'Zweite', billingAddress: { country: 'DE' } });
    expect(await count()).toEqual({ accounts: 2, leads: 0 });
    // A field the kept records were read without.
    expect(await host.call('territories.countMatches', { rules: [{ field: 'city', values: ['Köln'] }] })).toEqual({ accounts: 0, leads: 0 });
    await host.call('territories.save', { name: 'Germany', rules: [{ field: 'country', values: ['DE'] }], memberIds: [anna] });
    await host.call('assignment.apply', { kind: 'realignment' });
    await host.call('accounts.delete', { id: (await host.call('accounts.create', { name: 'Dritte', billingAddress: { country: 'DE', city: 'Köln' } })).id });
    expect(await host.call('territories.countMatches', { rules: [{ field: 'city', values: ['koln'] }] })).toEqual({ accounts: 0, leads: 0 });
    expect(await count()).toEqual({ accounts: 2, leads: 0 });
  });
});
