import { afterEach, beforeEach, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let adminId: number;
let repId: number;
beforeEach(async () => {
  host = await tempHost();
  adminId = (await host.call('session.current', {})).user.id;
  repId = (await host.call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' })).id;
});
afterEach(async () => {
  await host.close();
});

it('accounts: ownerLocked defaults to false, round-trips, and the owner changes through update', async () => {
  const created = await host.call('accounts.create', { name: 'Acme' });
  expect(created).toMatchObject({ ownerLocked: false, territory: null });
  const locked = await host.call('accounts.create', { name: 'Kept', ownerId: repId, ownerLocked: true });
  expect(locked).toMatchObject({ owner: { id: repId, name: 'Rita Rep' }, ownerLocked: true });
  expect((await host.call('accounts.get', { id: locked.id })).ownerLocked).toBe(true);

  const updated = await host.call('accounts.update', { id: created.id, version: created.version, patch: { ownerId: repId, ownerLocked: true } });
  expect(updated).toMatchObject({ owner: { id: repId }, ownerLocked: true, version: created.version + 1 });
  // A patch without the flag leaves it alone.
  const renamed = await host.call('accounts.update', { id: created.id, version: updated.version, patch: { name: 'Acme GmbH' } });
  expect(renamed.ownerLocked).toBe(true);
  const unlocked = await host.call('accounts.update', { id: created.id, version: renamed.version, patch: { ownerLocked: false } });
  expect(unlocked.ownerLocked).toBe(false);

  const history = await host.call('audit.forRecord', { entity: 'account', id: created.id });
  expect(history.some((h) => JSON.stringify(h.changes).includes('owner_locked'))).toBe(true);
});

it('accounts and leads show their territory by name (read-only)', async () => {
  const account = await host.call('accounts.create', { name: 'Nordwind' });
  const lead = await host.call('leads.create', { lastName: 'Weber' });
  const sql = new Sql(host.dataSource);
  const now = new Date().toISOString();
  const { lastId: territoryId } = await sql.run(`INSERT INTO territories (name, created_at, updated_at) VALUES ('DACH', ?, ?)`, [now, now]);
  await sql.run(`UPDATE accounts SET territory_id = ? WHERE id = ?`, [territoryId, account.id]);
  await sql.run(`UPDATE leads SET territory_id = ? WHERE id = ?`, [territoryId, lead.id]);
  expect((await host.call('accounts.get', { id: account.id })).territory).toEqual({ id: territoryId, name: 'DACH' });
  expect((await host.call('leads.get', { id: lead.id })).territory).toEqual({ id: territoryId, name: 'DACH' });
});

it('contacts: ownerLocked round-trips and the owner is editable', async () => {
  const created = await host.call('contacts.create', { lastName: 'Müller' });
  expect(created).toMatchObject({ ownerLocked: false, owner: { id: adminId } });
  const updated = await host.call('contacts.update', { id: created.id, version: created.version, patch: { ownerId: repId, ownerLocked: true } });
  expect(updated).toMatchObject({ owner: { id: repId, name: 'Rita Rep' }, ownerLocked: true });
  expect((await host.call('contacts.get', { id: created.id })).ownerLocked).toBe(true);
  const locked = await host.call('contacts.create', { lastName: 'Kept', ownerLocked: true });
  expect(locked.ownerLocked).toBe(true);
});

it('leads: ownerLocked round-trips and the owner is editable', async () => {
  const created = await host.call('leads.create', { lastName: 'Schmidt', company: 'Schmidt KG' });
  expect(created).toMatchObject({ ownerLocked: false, territory: null });
  const updated = await host.call('leads.update', { id: created.id, version: created.version, patch: { ownerId: repId, ownerLocked: true } });
  expect(updated).toMatchObject({ owner: { id: repId }, ownerLocked: true });
  const again = await host.call('leads.update', { id: created.id, version: updated.version, patch: { status: 'working' } });
  expect(again.ownerLocked).toBe(true);
  expect((await host.call('leads.create', { lastName: 'Kept', ownerLocked: true })).ownerLocked).toBe(true);
});

it('opportunities: ownerLocked round-trips and the owner is editable', async () => {
  const created = await host.call('opportunities.create', { name: 'Deal', amount: { amountMinor: 100_000, currency: 'EUR' } });
  expect(created.ownerLocked).toBe(false);
  const updated = await host.call('opportunities.update', { id: created.id, version: created.version, patch: { ownerId: repId, ownerLocked: true } });
  expect(updated).toMatchObject({ owner: { id: repId, name: 'Rita Rep' }, ownerLocked: true });
  expect((await host.call('opportunities.get', { id: created.id })).ownerLocked).toBe(true);
  const locked = await host.call('opportunities.create', { name: 'Kept', amount: { amountMinor: 1, currency: 'EUR' }, ownerLocked: true, ownerId: repId });
  expect(locked).toMatchObject({ ownerLocked: true, owner: { id: repId } });
});

it('an inactive user cannot become an owner', async () => {
  await host.call('users.update', { id: repId, patch: { active: false } });
  const account = await host.call('accounts.create', { name: 'Acme' });
  expect(await host.fail('accounts.update', { id: account.id, version: account.version, patch: { ownerId: repId } })).toMatchObject({
    code: 'validation',
    issues: [{ path: 'patch.ownerId' }],
  });
});
