import { afterEach, beforeEach, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

async function addUser(name: string, active: boolean): Promise<number> {
  const now = new Date().toISOString();
  const { lastId } = await new Sql(host.dataSource).run(`INSERT INTO users (name, role, active, created_at, updated_at) VALUES (?, 'sales_manager', ?, ?, ?)`, [name, active ? 1 : 0, now, now]);
  return lastId;
}

it('the profile picker switches who later calls run as, and refuses inactive or unknown users', async () => {
  const admin = (await host.call('session.current', {})).user;
  const mona = await addUser('Mona Manager', true);
  const gone = await addUser('Gone Person', false);
  expect((await host.call('session.switch', { userId: mona })).user).toMatchObject({ id: mona, role: 'sales_manager' });
  expect((await host.call('session.current', {})).user.id).toBe(mona);
  const account = await host.call('accounts.create', { name: 'Made by Mona' });
  expect(account.createdBy).toEqual({ id: mona, name: 'Mona Manager' });

  expect(await host.fail('session.switch', { userId: gone })).toMatchObject({ code: 'validation', message: 'Gone Person is no longer active.' });
  expect((await host.fail('session.switch', { userId: 999 })).code).toBe('not_found');
  expect((await host.call('session.current', {})).user.id).toBe(mona);
  await host.call('session.switch', { userId: admin.id });
  expect((await host.call('session.current', {})).user.id).toBe(admin.id);
});
