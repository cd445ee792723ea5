import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

async function rep(name: string): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  return (await new Sql(host.dataSource).run(`INSERT INTO users (name, role, active, capacity, created_at, updated_at) VALUES (?, 'sales_rep', 1, 100, ?, ?)`, [name, now, now])).lastId;
}

describe('mass update', () => {
  it('changes the owner of selected contacts in one go, audited, skipping those already right; undo gives every value back', async () => {
    const rita = await rep('Rita');
    const a = await host.call('contacts.create', { lastName: 'A' });
    const b = await host.call('contacts.create', { lastName: 'B', ownerId: rita });
    const c = await host.call('contacts.create', { lastName: 'C', title: 'Keep' });
    const result = await host.call('records.massUpdate', { entity: 'contact', ids: [a.id, b.id, c.id], patch: { ownerId: rita, title: 'Buyer' } });
    expect(result).toMatchObject({ updated: 3, unchanged: 0 });
    const after = await Promise.all([a, b, c].map((x) => host.call('contacts.get', { id: x.id })));
    expect(after.map((x) => [x.owner.id, x.title])).toEqual([
      [rita, 'Buyer'],
      [rita, 'Buyer'],
      [rita, 'Buyer'],
    ]);
    expect(after[1]!.version).toBe(2);
    const audit = await new Sql(host.dataSource).all<{ record_id: number }>(`SELECT record_id FROM audit_log WHERE entity = 'contact' AND action = 'update' ORDER BY id`);
    expect(audit.map((r) => r.record_id)).toEqual([a.id, b.id, c.id]);

    const again = await host.call('records.massUpdate', { entity: 'contact', ids: [a.id, b.id], patch: { ownerId: rita } });
    expect(again).toMatchObject({ updated: 0, unchanged: 2 });

    await host.call('records.undoMassUpdate', { batchId: result.batchId });
    const undone = await Promise.all([a, b, c].map((x) => host.call('contacts.get', { id: x.id })));
    expect(undone.map((x) => [x.owner.id, x.title])).toEqual([
      [host.session.userId, null],
      [rita, null],
      [host.session.userId, 'Keep'],
    ]);
    expect(await host.fail('records.undoMassUpdate', { batchId: result.batchId })).toMatchObject({ message: 'This change was already undone.' });
    expect((await host.call('records.massUpdates', {}))[0]).toMatchObject({ entity: 'contact', fields: ['ownerId'], count: 0 });
  });

  it('is all or nothing: one record refusing the change leaves every record as it was', async () => {
    const lead = await host.call('leads.create', { lastName: 'Open' });
    const converted = await host.call('leads.create', { lastName: 'Done', company: 'Done Ltd' });
    await host.call('leads.convert', { id: converted.id, version: converted.version, account: { create: {} }, contact: { create: {} } });
    const before = await snapshot(host);
    // The first lead would change; the converted one refuses: nothing at all is kept.
    const error = await host.fail('records.massUpdate', { entity: 'lead', ids: [lead.id, converted.id], patch: { status: 'working' } });
    expect(error).toMatchObject({ code: 'validation', message: 'A converted lead keeps its status' });
    expect(await snapshot(host)).toEqual(before);
    expect(await host.fail('records.massUpdate', { entity: 'lead', ids: [lead.id, 999_999], patch: { status: 'working' } })).toMatchObject({ code: 'not_found' });
    expect(await snapshot(host)).toEqual(before);
  });
});
