import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let adminId: number;
beforeEach(async () => {
  host = await tempHost();
  adminId = (await host.call('session.current', {})).user.id;
});
afterEach(async () => {
  await host.close();
});

const as = (userId: number) => {
  host.session.userId = userId;
};

describe('users', () => {
  it('an administrator adds users with role, capacity, manager and team, and lists them by name', async () => {
    const team = await host.call('teams.save', { name: 'North' });
    const mona = await host.call('users.create', { name: 'Mona Manager', email: 'mona@example.com', role: 'sales_manager', capacity: 150, teamId: team.id });
    expect(mona).toEqual({
      id: mona.id,
      name: 'Mona Manager',
      email: 'mona@example.com',
      role: 'sales_manager',
      active: true,
      capacity: 150,
      manager: null,
      team: { id: team.id, name: 'North' },
    });
    const rep = await host.call('users.create', { name: ' Ádám Rep ', email: ' adam@example.com ', role: 'sales_rep', managerId: mona.id });
    expect(rep).toMatchObject({ name: 'Ádám Rep', email: 'adam@example.com', capacity: 100, active: true, manager: { id: mona.id, name: 'Mona Manager' }, team: null });
    const gone = await host.call('users.create', { name: 'Zoe Gone', email: 'zoe@example.com', role: 'marketing', active: false });

    expect((await host.call('users.listAll', {})).map((u) => u.name)).toEqual(['Ádám Rep', 'Mona Manager', 'Test Admin']);
    expect((await host.call('users.listAll', { includeInactive: true })).map((u) => u.name)).toEqual(['Ádám Rep', 'Mona Manager', 'Test Admin', 'Zoe Gone']);
    // Owner pickers keep getting active users only.
    expect((await host.call('users.list', {})).map((u) => u.id)).not.toContain(gone.id);
    expect((await host.call('teams.list', {}))[0]).toMatchObject({ name: 'North', memberCount: 1 });
  });

  it('updates only the fields sent', async () => {
    const rep = await host.call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' });
    const updated = await host.call('users.update', { id: rep.id, patch: { capacity: 200, role: 'sales_manager' } });
    expect(updated).toMatchObject({ name: 'Rita Rep', email: 'rita@example.com', capacity: 200, role: 'sales_manager', active: true });
    const inactive = await host.call('users.update', { id: rep.id, patch: { active: false } });
    expect(inactive.active).toBe(false);
    expect((await host.call('users.list', {})).map((u) => u.id)).not.toContain(rep.id);
    expect(await host.fail('users.update', { id: 999, patch: { capacity: 50 } })).toMatchObject({ code: 'not_found' });
  });

  it('refuses an e-mail address another user has, in any letter case', async () => {
    const anna = await host.call('users.create', { name: 'Anna', email: 'Anna.Schmidt@Example.com', role: 'sales_rep' });
    expect(await host.fail('users.create', { name: 'Other Anna', email: 'anna.schmidt@example.COM', role: 'sales_rep' })).toMatchObject({
      code: 'validation',
      issues: [{ path: 'email', message: 'Already used by Anna' }],
    });
    const bert = await host.call('users.create', { name: 'Bert', email: 'bert@example.com', role: 'sales_rep' });
    expect(await host.fail('users.update', { id: bert.id, patch: { email: 'ANNA.schmidt@example.com' } })).toMatchObject({
      code: 'validation',
      issues: [{ path: 'patch.email' }],
    });
    // Changing the letter case of one's own address is fine.
    expect((await host.call('users.update', { id: anna.id, patch: { email: 'anna.schmidt@example.com' } })).email).toBe('anna.schmidt@example.com');
  });

  it('keeps an active administrator: the only admin cannot demote or deactivate themself; with another admin they can', async () => {
    expect(await host.fail('users.update', { id: adminId, patch: { role: 'sales_manager' } })).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('You cannot remove your own administrator role'),
      issues: [{ path: 'patch.role' }],
    });
    expect(await host.fail('users.update', { id: adminId, patch: { active: false } })).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('You cannot make yourself inactive'),
      issues: [{ path: 'patch.active' }],
    });
    // An inactive admin does not count.
    const dormant = await host.call('users.create', { name: 'Dormant Admin', email: 'dormant@example.com', role: 'admin', active: false });
    expect((await host.fail('users.update', { id: adminId, patch: { role: 'sales_rep' } })).code).toBe('validation');
    expect((await host.call('session.current', {})).user).toMatchObject({ role: 'admin', active: true });

    await host.call('users.update', { id: dormant.id, patch: { active: true } });
    expect((await host.call('users.update', { id: adminId, patch: { role: 'sales_manager' } })).role).toBe('sales_manager');
    // Now only the other admin is left, and an admin-only call is refused for the former one.
    expect((await host.fail('users.create', { name: 'X', email: 'x@example.com', role: 'sales_rep' })).code).toBe('forbidden');
  });

  it('refuses a loop of managers, a user managing themself, and an inactive manager', async () => {
    const a = await host.call('users.create', { name: 'A', email: 'a@example.com', role: 'sales_manager' });
    const b = await host.call('users.create', { name: 'B', email: 'b@example.com', role: 'sales_rep', managerId: a.id });
    const c = await host.call('users.create', { name: 'C', email: 'c@example.com', role: 'sales_rep', managerId: b.id });
    expect(await host.fail('users.update', { id: a.id, patch: { managerId: b.id } })).toMatchObject({
      code: 'validation',
      issues: [{ path: 'patch.managerId', message: 'This would make a loop of managers' }],
    });
    expect((await host.fail('users.update', { id: a.id, patch: { managerId: c.id } })).issues).toEqual([
      { path: 'patch.managerId', message: 'This would make a loop of managers' },
    ]);
    expect((await host.fail('users.update', { id: a.id, patch: { managerId: a.id } })).code).toBe('validation');
    // Moving C under A is no loop; clearing a manager is always fine.
    expect((await host.call('users.update', { id: c.id, patch: { managerId: a.id } })).manager).toEqual({ id: a.id, name: 'A' });
    expect((await host.call('users.update', { id: b.id, patch: { managerId: null } })).manager).toBeNull();

    const gone = await host.call('users.create', { name: 'Gone', email: 'gone@example.com', role: 'sales_manager', active: false });
    expect(await host.fail('users.create', { name: 'D', email: 'd@example.com', role: 'sales_rep', managerId: gone.id })).toMatchObject({
      code: 'validation',
      issues: [{ path: 'managerId', message: 'The manager must be an active user' }],
    });
    expect((await host.fail('users.update', { id: b.id, patch: { managerId: gone.id } })).issues?.[0]?.path).toBe('patch.managerId');
    expect((await host.fail('users.create', { name: 'E', email: 'e@example.com', role: 'sales_rep', teamId: 404 })).issues?.[0]?.path).toBe('teamId');
  });

  it('refuses user and team changes to a sales rep, and team deletion to a sales manager', async () => {
    const rep = await host.call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' });
    const manager = await host.call('users.create', { name: 'Mona Manager', email: 'mona@example.com', role: 'sales_manager' });
    const team = await host.call('teams.save', { name: 'North' });
    as(rep.id);
    expect(await host.fail('users.create', { name: 'Sneaky', email: 'sneaky@example.com', role: 'admin' })).toMatchObject({ code: 'forbidden', message: 'Only an administrator can add users.' });
    expect((await host.fail('users.update', { id: rep.id, patch: { role: 'admin' } })).code).toBe('forbidden');
    expect((await host.fail('teams.save', { name: 'Rita’s team' })).code).toBe('forbidden');
    expect((await host.fail('teams.delete', { id: team.id })).code).toBe('forbidden');
    // Reading is open to everyone.
    expect((await host.call('users.listAll', { includeInactive: true })).length).toBe(3);
    expect((await host.call('teams.list', {})).length).toBe(1);

    as(manager.id);
    expect((await host.call('teams.save', { id: team.id, name: 'North & East', managerId: manager.id })).manager).toEqual({ id: manager.id, name: 'Mona Manager' });
    expect((await host.fail('teams.delete', { id: team.id })).code).toBe('forbidden');
    expect((await host.fail('users.update', { id: manager.id, patch: { capacity: 500 } })).code).toBe('forbidden');
    as(adminId);
    expect((await host.call('users.listAll', {})).find((u) => u.id === rep.id)?.role).toBe('sales_rep');
  });
});

describe('teams', () => {
  it('creates, renames and deletes teams; names are unique in any case; deleting clears the members’ team', async () => {
    const boss = await host.call('users.create', { name: 'Boss', email: 'boss@example.com', role: 'sales_manager' });
    const north = await host.call('teams.save', { name: 'Nord', managerId: boss.id });
    expect(north).toEqual({ id: north.id, name: 'Nord', manager: { id: boss.id, name: 'Boss' }, memberCount: 0 });
    const south = await host.call('teams.save', { name: 'Süd' });
    expect(await host.fail('teams.save', { name: 'nord' })).toMatchObject({ code: 'validation', issues: [{ path: 'name' }] });
    expect((await host.fail('teams.save', { id: south.id, name: 'NORD' })).code).toBe('validation');
    expect((await host.call('teams.save', { id: south.id, name: 'SÜD' })).name).toBe('SÜD');
    expect((await host.fail('teams.save', { id: 999, name: 'Ghost' })).code).toBe('not_found');
    expect((await host.call('teams.save', { id: north.id, name: 'Nord-Ost' })).manager).toBeNull();

    const a = await host.call('users.create', { name: 'A', email: 'a@example.com', role: 'sales_rep', teamId: north.id });
    const b = await host.call('users.create', { name: 'B', email: 'b@example.com', role: 'sales_rep', teamId: north.id, active: false });
    await host.call('users.update', { id: boss.id, patch: { teamId: south.id } });
    expect((await host.call('teams.list', {})).map((t) => [t.name, t.memberCount])).toEqual([
      ['Nord-Ost', 1],
      ['SÜD', 1],
    ]);

    expect(await host.call('teams.delete', { id: north.id })).toEqual({ id: north.id, membersCleared: 2 });
    expect((await host.call('teams.list', {})).map((t) => t.name)).toEqual(['SÜD']);
    const all = await host.call('users.listAll', { includeInactive: true });
    expect(all.find((u) => u.id === a.id)?.team).toBeNull();
    expect(all.find((u) => u.id === b.id)?.team).toBeNull();
    expect(all.find((u) => u.id === boss.id)?.team).toEqual({ id: south.id, name: 'SÜD' });
    expect((await host.fail('teams.delete', { id: north.id })).code).toBe('not_found');

    const gone = await host.call('users.create', { name: 'Gone', email: 'gone@example.com', role: 'sales_manager', active: false });
    expect((await host.fail('teams.save', { id: south.id, name: 'Süd', managerId: gone.id })).issues).toEqual([
      { path: 'managerId', message: 'The manager must be an active user' },
    ]);
  });
});
