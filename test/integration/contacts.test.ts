import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

describe('contacts', () => {
  it('creates a contact of an account with several e-mails and phones; the first is primary', async () => {
    const account = await host.call('accounts.create', { name: 'Kowalski Sp. z o.o.' });
    const c = await host.call('contacts.create', {
      firstName: 'Łukasz',
      lastName: 'Żółkiewski',
      title: 'Dyrektor',
      accountId: account.id,
      emails: [{ label: 'work', address: ' lukasz@kowalski.pl ' }, { label: 'home', address: 'l.z@example.com' }],
      phones: [{ label: 'mobile', number: '+48 601 234 567' }],
      address: { city: 'Kraków', country: 'PL' },
      birthday: '1980-05-17',
      emailOptOut: true,
    });
    expect(c).toMatchObject({
      firstName: 'Łukasz',
      lastName: 'Żółkiewski',
      account: { id: account.id, name: 'Kowalski Sp. z o.o.' },
      emails: [{ label: 'work', address: 'lukasz@kowalski.pl' }, { label: 'home', address: 'l.z@example.com' }],
      emailOptOut: true,
      doNotCall: false,
      birthday: '1980-05-17',
    });
    const page = await host.call('contacts.list', { startRow: 0, endRow: 10 });
    expect(page.rows[0]).toMatchObject({ email: 'lukasz@kowalski.pl', phone: '+48 601 234 567', accountName: 'Kowalski Sp. z o.o.', city: 'Kraków' });
    expect((await host.call('accounts.get', { id: account.id })).contactCount).toBe(1);
  });

  it('refuses bad e-mails, phones, future birthdays and unknown accounts with field paths', async () => {
    const bad = await host.fail('contacts.create', {
      lastName: 'X',
      emails: [{ address: 'not-an-email' }],
      phones: [{ number: 'call me' }],
      birthday: '2999-01-01',
    });
    expect(bad.code).toBe('validation');
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['birthday', 'emails.0.address', 'phones.0.number']);
    const noAccount = await host.fail('contacts.create', { lastName: 'X', accountId: 12345 });
    expect(noAccount.issues?.[0]?.path).toBe('accountId');
  });

  it('a patch changes only what it names: defaults never overwrite stored values', async () => {
    const c = await host.call('contacts.create', { lastName: 'Lind', emails: [{ address: 'a@b.se' }], doNotCall: true });
    const updated = await host.call('contacts.update', { id: c.id, version: c.version, patch: { title: 'CFO' } });
    expect(updated).toMatchObject({ title: 'CFO', emails: [{ address: 'a@b.se' }], doNotCall: true, version: 2 });
    const history = await host.call('audit.forRecord', { entity: 'contact', id: c.id });
    expect(history[0]!.changes).toEqual({ title: [null, 'CFO'] });
  });

  it('keeps the sort key in step when only the first name changes', async () => {
    const a = await host.call('contacts.create', { lastName: 'Berg', firstName: 'Zoe' });
    await host.call('contacts.create', { lastName: 'Berg', firstName: 'Mia' });
    await host.call('contacts.update', { id: a.id, version: 1, patch: { firstName: 'Anna' } });
    const rows = (await host.call('contacts.list', { startRow: 0, endRow: 10 })).rows;
    expect(rows.map((r) => r.firstName)).toEqual(['Anna', 'Mia']);
  });

  it('lists the contacts of one account, and filters by account name', async () => {
    const a = await host.call('accounts.create', { name: 'Alpha' });
    const b = await host.call('accounts.create', { name: 'Beta' });
    await host.call('contacts.create', { lastName: 'One', accountId: a.id });
    await host.call('contacts.create', { lastName: 'Two', accountId: b.id });
    await host.call('contacts.create', { lastName: 'Three' });
    expect((await host.call('contacts.list', { startRow: 0, endRow: 10, accountId: a.id })).rows.map((r) => r.lastName)).toEqual(['One']);
    const byName = await host.call('contacts.list', { startRow: 0, endRow: 10, filter: { accountName: { filterType: 'text', type: 'contains', filter: 'bet' } } });
    expect(byName.rows.map((r) => r.lastName)).toEqual(['Two']);
  });

  it('hides the account of a contact while that account is in the recycle bin', async () => {
    const a = await host.call('accounts.create', { name: 'Gone Ltd' });
    const c = await host.call('contacts.create', { lastName: 'Stays', accountId: a.id });
    await host.call('accounts.delete', { id: a.id });
    expect((await host.call('contacts.get', { id: c.id })).account).toBeNull();
    await host.call('accounts.restore', { id: a.id });
    expect((await host.call('contacts.get', { id: c.id })).account?.name).toBe('Gone Ltd');
  });

  it('conflicts on a stale save, deletes, and restores', async () => {
    const c = await host.call('contacts.create', { lastName: 'Novak' });
    await host.call('contacts.update', { id: c.id, version: 1, patch: { title: 'First' } });
    expect((await host.fail('contacts.update', { id: c.id, version: 1, patch: { title: 'Second' } })).code).toBe('conflict');
    await host.call('contacts.delete', { id: c.id });
    expect((await host.call('contacts.list', { startRow: 0, endRow: 10, withTotal: true })).total).toBe(0);
    await host.call('contacts.restore', { id: c.id });
    expect((await host.call('contacts.get', { id: c.id })).title).toBe('First');
  });

  it('sorts by last name then first name, accents and case folded', async () => {
    for (const [lastName, firstName] of [
      ['Öztürk', 'Ayşe'],
      ['ozturk', 'Ali'],
      ['Olsen', 'Ole'],
      ['Zimmermann', 'Jörg'],
      ['Ávila', 'Teresa'],
    ] as const) {
      await host.call('contacts.create', { lastName, firstName });
    }
    const rows = (await host.call('contacts.list', { startRow: 0, endRow: 10 })).rows;
    expect(rows.map((r) => `${r.lastName}, ${r.firstName}`)).toEqual(['Ávila, Teresa', 'Olsen, Ole', 'ozturk, Ali', 'Öztürk, Ayşe', 'Zimmermann, Jörg']);
  });
});

describe('contacts grid totals', () => {
  it('counts with and without an owner filter, and leaves deleted contacts out', async () => {
    for (const lastName of ['A', 'B', 'C']) await host.call('contacts.create', { lastName });
    const c = await host.call('contacts.create', { lastName: 'D' });
    await host.call('contacts.delete', { id: c.id });
    expect((await host.call('contacts.list', { startRow: 0, endRow: 2, withTotal: true })).total).toBe(3);
    const byOwner = await host.call('contacts.list', { startRow: 0, endRow: 2, withTotal: true, filter: { ownerName: { filterType: 'text', type: 'equals', filter: 'test admin' } } });
    expect(byOwner.total).toBe(3);
    const nobody = await host.call('contacts.list', { startRow: 0, endRow: 2, withTotal: true, filter: { ownerName: { filterType: 'text', type: 'equals', filter: 'nobody' } } });
    expect(nobody).toEqual({ rows: [], total: 0 });
  });
});
