import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

describe('accounts', () => {
  it('creates an account with addresses and money in minor units, and reads it back', async () => {
    const created = await host.call('accounts.create', {
      name: '  Müller Maschinenbau GmbH ',
      industry: 'Manufacturing',
      website: 'mueller-maschinenbau.de',
      phone: '+49 89 1234567',
      billingAddress: { street: 'Leopoldstraße 12', city: 'München', region: 'Bayern', postcode: '80802', country: 'de' },
      employees: 240,
      annualRevenue: { amountMinor: 4_250_000_00, currency: 'EUR' },
    });
    expect(created).toMatchObject({
      name: 'Müller Maschinenbau GmbH',
      website: 'https://mueller-maschinenbau.de',
      billingAddress: { city: 'München', country: 'DE', postcode: '80802' },
      shippingAddress: { city: null, country: null },
      annualRevenue: { amountMinor: 425_000_000, currency: 'EUR' },
      version: 1,
      owner: { name: 'Test Admin' },
      createdBy: { name: 'Test Admin' },
      createdAt: '2026-03-01T09:00:00.000Z',
      contactCount: 0,
    });
    expect(await host.call('accounts.get', { id: created.id })).toEqual(created);
  });

  it('saves only changed fields, bumps the version and audits old → new', async () => {
    const a = await host.call('accounts.create', { name: 'Acme', employees: 10 });
    host.clock.advance(60_000);
    const updated = await host.call('accounts.update', { id: a.id, version: 1, patch: { employees: 12, name: 'Acme' } });
    expect(updated.version).toBe(2);
    expect(updated.updatedAt).toBe('2026-03-01T09:01:00.000Z');
    const history = await host.call('audit.forRecord', { entity: 'account', id: a.id });
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]!.changes).toEqual({ employees: [10, 12] });
    // Derived columns (the sort key) are stored but are not history a person reads.
    expect(history[1]!.changes).toEqual({ name: [null, 'Acme'], employees: [null, 10], owner_id: [null, a.owner.id] });
  });

  it('refuses a save based on a stale version and keeps the newer data', async () => {
    const a = await host.call('accounts.create', { name: 'Acme' });
    await host.call('accounts.update', { id: a.id, version: 1, patch: { phone: '111' } });
    const error = await host.fail('accounts.update', { id: a.id, version: 1, patch: { phone: '222' } });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Test Admin saved this account after you opened it/);
    expect((await host.call('accounts.get', { id: a.id })).phone).toBe('111');
  });

  it('an unchanged save does not bump the version or write history', async () => {
    const a = await host.call('accounts.create', { name: 'Acme', phone: '1' });
    const same = await host.call('accounts.update', { id: a.id, version: 1, patch: { phone: '1' } });
    expect(same.version).toBe(1);
    expect(await host.call('audit.forRecord', { entity: 'account', id: a.id })).toHaveLength(1);
  });

  it('moves to the recycle bin and restores, both audited', async () => {
    const a = await host.call('accounts.create', { name: 'Acme' });
    const deleted = await host.call('accounts.delete', { id: a.id });
    expect(deleted.deletedAt).toBe('2026-03-01T09:00:00.000Z');
    expect((await host.call('accounts.list', { startRow: 0, endRow: 100 })).rows).toHaveLength(0);
    expect((await host.call('accounts.get', { id: a.id })).deletedAt).not.toBeNull();
    expect((await host.fail('accounts.update', { id: a.id, version: deleted.version, patch: { name: 'X' } })).code).toBe('not_found');
    expect((await host.fail('accounts.delete', { id: a.id })).code).toBe('not_found');
    const restored = await host.call('accounts.restore', { id: a.id });
    expect(restored.deletedAt).toBeNull();
    expect((await host.call('accounts.list', { startRow: 0, endRow: 100 })).rows).toHaveLength(1);
    const actions = (await host.call('audit.forRecord', { entity: 'account', id: a.id })).map((h) => h.action);
    expect(actions).toEqual(['restore', 'delete', 'create']);
  });

  it('refuses a parent that would make a loop, and a parent that does not exist', async () => {
    const top = await host.call('accounts.create', { name: 'Group' });
    const mid = await host.call('accounts.create', { name: 'Division', parentAccountId: top.id });
    const low = await host.call('accounts.create', { name: 'Team', parentAccountId: mid.id });
    const loop = await host.fail('accounts.update', { id: top.id, version: top.version, patch: { parentAccountId: low.id } });
    expect(loop.code).toBe('validation');
    expect(loop.issues?.[0]?.path).toBe('patch.parentAccountId');
    const self = await host.fail('accounts.update', { id: top.id, version: top.version, patch: { parentAccountId: top.id } });
    expect(self.code).toBe('validation');
    expect((await host.fail('accounts.create', { name: 'Orphan', parentAccountId: 999 })).issues?.[0]?.path).toBe('parentAccountId');
    expect((await host.call('accounts.get', { id: mid.id })).parentAccount).toEqual({ id: top.id, name: 'Group' });
  });

  it('sorts names without regard to case or accents, and pages with a total', async () => {
    for (const name of ['zeta', 'Ángel Corp', 'angela ltd', 'Beta', 'Éclair SA', 'alpha']) await host.call('accounts.create', { name });
    const page = await host.call('accounts.list', { startRow: 0, endRow: 4, withTotal: true });
    expect(page.rows.map((r) => r.name)).toEqual(['alpha', 'Ángel Corp', 'angela ltd', 'Beta']);
    expect(page.total).toBe(6);
    const rest = await host.call('accounts.list', { startRow: 4, endRow: 8 });
    expect(rest.rows.map((r) => r.name)).toEqual(['Éclair SA', 'zeta']);
    expect(rest.total).toBe(6);
    const desc = await host.call('accounts.list', { startRow: 0, endRow: 2, sort: [{ colId: 'name', sort: 'desc' }] });
    expect(desc.rows.map((r) => r.name)).toEqual(['zeta', 'Éclair SA']);
  });

  it('filters by text and number columns on the server side', async () => {
    await host.call('accounts.create', { name: 'Big 100%', employees: 5000, billingAddress: { city: 'Lyon', country: 'FR' } });
    await host.call('accounts.create', { name: 'Small', employees: 5, billingAddress: { city: 'Lyon', country: 'FR' } });
    await host.call('accounts.create', { name: 'Other', employees: 50, billingAddress: { city: 'Paris' } });
    const lyonBig = await host.call('accounts.list', {
      startRow: 0,
      endRow: 10,
      filter: { city: { filterType: 'text', type: 'equals', filter: 'lyon' }, employees: { filterType: 'number', type: 'greaterThan', filter: 100 } },
    });
    expect(lyonBig.rows.map((r) => r.name)).toEqual(['Big 100%']);
    const percent = await host.call('accounts.list', { startRow: 0, endRow: 10, filter: { name: { filterType: 'text', type: 'contains', filter: '%' } } });
    expect(percent.rows.map((r) => r.name)).toEqual(['Big 100%']);
    const either = await host.call('accounts.list', {
      startRow: 0,
      endRow: 10,
      filter: {
        name: {
          filterType: 'text',
          operator: 'OR',
          conditions: [
            { filterType: 'text', type: 'startsWith', filter: 'sm' },
            { filterType: 'text', type: 'endsWith', filter: 'her' },
          ],
        },
      },
    });
    expect(either.rows.map((r) => r.name)).toEqual(['Other', 'Small']);
    const wrongKind = await host.fail('accounts.list', { startRow: 0, endRow: 10, filter: { name: { filterType: 'number', type: 'equals', filter: 1 } } });
    expect(wrongKind.code).toBe('validation');
  });

  it('looks accounts up by the start of their name, accents ignored', async () => {
    await host.call('accounts.create', { name: 'Société Générale' });
    await host.call('accounts.create', { name: 'Sony' });
    expect((await host.call('accounts.lookup', { text: 'soc' })).map((a) => a.name)).toEqual(['Société Générale']);
  });

  it('announces every change on the event channel', async () => {
    const seen: unknown[] = [];
    host.events.subscribe((event, payload) => seen.push([event, payload]));
    const a = await host.call('accounts.create', { name: 'Acme' });
    await host.call('accounts.delete', { id: a.id });
    expect(seen).toEqual([
      ['record.changed', { entity: 'account', id: a.id, action: 'create' }],
      ['record.changed', { entity: 'account', id: a.id, action: 'delete' }],
    ]);
  });
});
