import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../shared/contract';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

/**
 * For every contract method, inputs the renderer (untrusted) might send. Typed
 * as Record<MethodName, …> so a new method without cases does not compile.
 * Ids 1 exist, so a missing check would really write.
 */
const MALFORMED: Record<MethodName, unknown[]> = {
  'accounts.create': [undefined, null, 'Acme', {}, { name: '' }, { name: 'x'.repeat(201) }, { name: 'A', extra: 1 }, { name: 'A', annualRevenue: { amountMinor: 1.5, currency: 'EUR' } }, { name: 'A', annualRevenue: { amountMinor: 1, currency: 'XYZ' } }, { name: 'A', billingAddress: { country: 'Germany' } }, { name: 'A', website: 'javascript:alert(1)' }, { name: 'A', employees: -1 }, { name: 'A', industry: 'Piracy' }],
  'accounts.get': [undefined, {}, { id: 0 }, { id: -1 }, { id: 1.5 }, { id: '1' }, { id: 1, x: 1 }],
  'accounts.update': [{ id: 1, patch: { name: 'B' } }, { id: 1, version: 1 }, { id: 1, version: 1, patch: { name: '' } }, { id: 1, version: 1, patch: { nope: 1 } }, { id: 1, version: 0, patch: {} }, { id: 1, version: 1, patch: { ownerId: 'me' } }],
  'accounts.delete': [undefined, {}, { id: 'all' }, { id: 1, cascade: true }],
  'accounts.restore': [undefined, { id: null }, { id: 2 ** 60 }],
  'accounts.list': [undefined, {}, { startRow: 0, endRow: 0 }, { startRow: 0, endRow: 501 }, { startRow: -1, endRow: 10 }, { startRow: 0, endRow: 10, sort: [{ colId: 'name; DROP TABLE accounts', sort: 'asc' }] }, { startRow: 0, endRow: 10, filter: { 'name) OR 1=1 --': { filterType: 'text', type: 'contains', filter: 'a' } } }, { startRow: 0, endRow: 10, filter: { name: { filterType: 'text', type: 'regex', filter: '.*' } } }, { startRow: 0, endRow: 10, sort: [{ colId: 'name', sort: 'sideways' }] }],
  'accounts.lookup': [undefined, {}, { text: 5 }, { text: 'a', limit: 1000 }],
  'contacts.create': [undefined, {}, { firstName: 'Only' }, { lastName: 'X', emails: 'a@b.c' }, { lastName: 'X', emails: [{ address: 'nope' }] }, { lastName: 'X', phones: [{ number: 'abc' }] }, { lastName: 'X', birthday: '17.05.1980' }, { lastName: 'X', emailOptOut: 'yes' }, { lastName: 'X', emails: Array.from({ length: 11 }, (_, i) => ({ address: `a${i}@b.de` })) }],
  'contacts.get': [undefined, { id: 'x' }, { id: 1, include: 'all' }],
  'contacts.update': [{ id: 1, version: 1, patch: { lastName: '' } }, { id: 1, version: 1, patch: { emails: [{ address: 'x' }] } }, { id: 1, patch: {} }, { id: 1, version: 1, patch: { id: 5 } }],
  'contacts.delete': [undefined, { id: -5 }],
  'contacts.restore': [undefined, { id: 'x' }],
  'contacts.list': [undefined, { startRow: 0, endRow: 10, accountId: 'x' }, { startRow: 0, endRow: 10, filter: { email: { filterType: 'number', type: 'equals', filter: 'x' } } }, { startRow: 0, endRow: 10, sort: [{ colId: 'birthday', sort: 'asc' }] }],
  'session.current': [{ as: 'admin' }, 'root'],
  'users.list': [{ includeInactive: true }, 5],
  'preferences.getGridState': [undefined, { grid: 'secrets' }],
  'preferences.setGridState': [{ grid: 'contacts' }, { grid: 'contacts', columns: [{ colId: '<script>', width: 100 }] }, { grid: 'contacts', columns: [{ colId: 'email', width: 1e9 }] }, { grid: 'contacts', columns: 'all' }],
  'audit.forRecord': [undefined, { entity: 'users', id: 1 }, { entity: 'account', id: 1, limit: 0 }],
};

let host: TestHost;
beforeAll(async () => {
  host = await tempHost();
  const account = await host.call('accounts.create', { name: 'Existing' });
  await host.call('contacts.create', { lastName: 'Existing', accountId: account.id });
});
afterAll(async () => {
  await host.close();
});

describe('every contract method validates its input before anything runs', () => {
  it('has malformed cases for every method', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const method of METHOD_NAMES) {
    it(`${method} refuses malformed input with a validation error and writes nothing`, async () => {
      for (const input of MALFORMED[method]) {
        const before = await snapshot(host);
        const result = await host.dispatch(method, input, host.session);
        expect(result.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${method} ${JSON.stringify(input)}`).toBe('validation');
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(result.error.issues?.length).toBeGreaterThan(0);
        }
        expect(await snapshot(host)).toEqual(before);
      }
    });
  }

  it('an unknown method is refused', async () => {
    const result = await host.dispatch('accounts.dropAll', {}, host.session);
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no method called accounts.dropAll.' } });
    expect((await host.dispatch('__proto__', {}, host.session)).ok).toBe(false);
    expect((await host.dispatch('toString', {}, host.session)).ok).toBe(false);
  });

  it('a failure inside a handler rolls the whole write back, says so plainly, and announces nothing', async () => {
    const before = await snapshot(host);
    const announced: unknown[] = [];
    const unsubscribe = host.events.subscribe((event, payload) => announced.push([event, payload]));
    await host.dataSource.query(`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    try {
      const result = await host.dispatch('accounts.create', { name: 'Half written?' }, host.session);
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      await host.dataSource.query(`DROP TRIGGER fail_audit`);
      unsubscribe();
    }
    expect(await snapshot(host)).toEqual(before);
    expect(announced).toEqual([]);
  });
});
