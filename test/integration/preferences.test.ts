import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

it('remembers grid columns per user and grid, replacing the previous state', async () => {
  expect(await host.call('preferences.getGridState', { grid: 'contacts' })).toEqual({ grid: 'contacts', columns: null });
  await host.call('preferences.setGridState', { grid: 'contacts', columns: [{ colId: 'email', width: 300, hide: false }] });
  await host.call('preferences.setGridState', { grid: 'contacts', columns: [{ colId: 'title', hide: true }, { colId: 'email', width: 250 }] });
  expect((await host.call('preferences.getGridState', { grid: 'contacts' })).columns).toEqual([
    { colId: 'title', hide: true },
    { colId: 'email', width: 250 },
  ]);
  expect((await host.call('preferences.getGridState', { grid: 'accounts' })).columns).toBeNull();
});

it('knows who is using the app and lists users for owner pickers', async () => {
  const { user } = await host.call('session.current', undefined);
  expect(user).toMatchObject({ name: 'Test Admin', role: 'admin', active: true });
  expect((await host.call('users.list', undefined)).map((u) => u.name)).toEqual(['Test Admin']);
});
