/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../shared/contract';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';
import type { MalformedCases } from './malformed/cases';

/**
 * For every contract method, inputs the renderer (untrusted) might send, one
 * file per module in ./malformed. Ids 1 exist, so a missing check would really write.
 */
const MALFORMED: Partial<Record<MethodName, unknown[]>> = Object.assign(
  {},
  ...Object.values(import.meta.glob<{ cases: MalformedCases }>('./malformed/*.ts', { eager: true })).map((m) => m.cases ?? {}),
);

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
      const cases = MALFORMED[method] ?? [];
      expect(cases.length, `${method} has no malformed cases in test/integration/malformed/`).toBeGreaterThan(0);
      for (const input of cases) {
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
