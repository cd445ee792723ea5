import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHost, type Host } from '../../electron/main/host/host';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { seedDatabase } from '../../electron/main/seed/seed-database';
import { seedIfEmpty } from '../../electron/main/seed/seed-if-empty';
import { EmailEntry, PhoneEntry } from '../../shared/contract/contacts';
import { COUNTRY_CODES } from '../../shared/countries';
import { INDUSTRIES } from '../../shared/picklists';
import { foldForSort, personSortKey } from '../../shared/text';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const open: { host: Host; dir: string }[] = [];

async function freshHost(): Promise<Host> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-seed-'));
  const host = await openHost({ database: join(dir, 'crm.sqlite'), defaultUserName: 'Erika Mustermann', now: () => NOW });
  open.push({ host, dir });
  return host;
}

afterEach(async () => {
  for (const { host, dir } of open.splice(0)) {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const count = (host: Host, table: string) => sqliteHandle(host.dataSource).prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const rows = (host: Host, sql: string) => sqliteHandle(host.dataSource).prepare(sql).all() as Record<string, any>[];

describe('sample data seeding', () => {
  it('adds exactly the requested accounts and contacts, owned by several reps, with no audit rows and intact indexes', async () => {
    const host = await freshHost();
    const indexesBefore = rows(host, `SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`);
    const result = seedDatabase(host.dataSource, { accounts: 150, contacts: 1200, seed: 7, now: NOW });

    expect(result).toMatchObject({ accounts: 150, contacts: 1200 });
    expect(count(host, 'accounts')).toBe(150);
    expect(count(host, 'contacts')).toBe(1200);
    expect(count(host, 'audit_log')).toBe(0);
    expect(count(host, 'users')).toBeGreaterThanOrEqual(2);
    expect(rows(host, `SELECT DISTINCT owner_id FROM contacts`).length).toBeGreaterThanOrEqual(2);
    expect(rows(host, `PRAGMA foreign_key_check`)).toEqual([]);
    expect(rows(host, `SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`)).toEqual(indexesBefore);
    expect(sqliteHandle(host.dataSource).pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('gives records that contacts.get, accounts.get and contacts.list return through the contract', async () => {
    const host = await freshHost();
    seedDatabase(host.dataSource, { accounts: 100, contacts: 600, seed: 3, now: NOW });
    const contactIds = rows(host, `SELECT id FROM contacts ORDER BY id LIMIT 50`).map((r) => r.id as number);
    const accountIds = rows(host, `SELECT id FROM accounts ORDER BY parent_account_id IS NULL, id LIMIT 50`).map((r) => r.id as number);
    for (const id of contactIds) {
      const res = await host.dispatch('contacts.get', { id }, host.session);
      expect(res, `contact ${id}`).toMatchObject({ ok: true });
    }
    for (const id of accountIds) {
      const res = await host.dispatch('accounts.get', { id }, host.session);
      expect(res, `account ${id}`).toMatchObject({ ok: true });
    }
    const page = await host.dispatch(
      'contacts.list',
      { startRow: 0, endRow: 100, sort: [{ colId: 'lastName', sort: 'asc' }], withTotal: true },
      host.session,
    );
    expect(page.ok && page.data).toMatchObject({ total: 600 });
  });

  it('stores the sort keys shared/text.ts computes, for every row', async () => {
    const host = await freshHost();
    seedDatabase(host.dataSource, { accounts: 200, contacts: 1500, seed: 11, now: NOW });
    for (const c of rows(host, `SELECT first_name, last_name, sort_name FROM contacts`)) {
      expect(c.sort_name).toBe(personSortKey(c.last_name, c.first_name));
    }
    for (const a of rows(host, `SELECT name, sort_name FROM accounts`)) expect(a.sort_name).toBe(foldForSort(a.name));
  });

  it('looks like a European and American customer base: accents, many countries, local money and valid e-mails and phones', async () => {
    const host = await freshHost();
    seedDatabase(host.dataSource, { accounts: 300, contacts: 2000, seed: 5, now: NOW });
    const contacts = rows(host, `SELECT * FROM contacts`);
    const accounts = rows(host, `SELECT * FROM accounts`);

    expect(contacts.filter((c) => /[^\x00-\x7f]/.test(`${c.first_name}${c.last_name}`)).length).toBeGreaterThan(100);
    const countries = new Set(accounts.map((a) => a.billing_country));
    expect(countries.size).toBeGreaterThanOrEqual(8);
    for (const code of countries) expect(COUNTRY_CODES).toContain(code);

    const currencyOf: Record<string, string> = { DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', GR: 'EUR', PL: 'PLN', SE: 'SEK', GB: 'GBP', US: 'USD', TR: 'TRY' };
    for (const a of accounts) {
      if (a.annual_revenue_minor !== null) expect(a.annual_revenue_currency).toBe(currencyOf[a.billing_country]);
      if (a.industry !== null) expect(INDUSTRIES).toContain(a.industry);
    }
    expect(accounts.some((a) => a.parent_account_id !== null)).toBe(true);

    for (const c of contacts) {
      const emails = JSON.parse(c.emails) as unknown[];
      const phones = JSON.parse(c.phones) as unknown[];
      for (const e of emails) expect(EmailEntry.safeParse(e).success, JSON.stringify(e)).toBe(true);
      for (const p of phones) expect(PhoneEntry.safeParse(p).success, JSON.stringify(p)).toBe(true);
      expect(c.email).toBe((emails[0] as { address: string } | undefined)?.address ?? null);
      expect(c.phone).toBe((phones[0] as { number: string } | undefined)?.number ?? null);
      if (c.birthday !== null) expect(c.birthday).toMatch(/^(19[5-9]\d|200[0-3])-\d\d-\d\d$/);
    }
    expect(contacts.some((c) => c.account_id === null)).toBe(true);
    expect(contacts.some((c) => c.email_opt_out === 1)).toBe(true);
    expect(contacts.some((c) => c.do_not_call === 1)).toBe(true);
    expect(contacts.some((c) => c.birthday !== null)).toBe(true);
  });

  it('gives the same rows for the same seed, and different ones for another seed', async () => {
    const [a, b, c] = [await freshHost(), await freshHost(), await freshHost()];
    seedDatabase(a.dataSource, { accounts: 50, contacts: 300, seed: 42, now: NOW });
    seedDatabase(b.dataSource, { accounts: 50, contacts: 300, seed: 42, now: NOW });
    seedDatabase(c.dataSource, { accounts: 50, contacts: 300, seed: 43, now: NOW });
    for (const table of ['accounts', 'contacts']) {
      const dump = (h: Host) => rows(h, `SELECT * FROM ${table} ORDER BY id`);
      expect(dump(b)).toEqual(dump(a));
      expect(dump(c)).not.toEqual(dump(a));
    }
  });
});

describe('seedIfEmpty', () => {
  it('fills an empty database once, then leaves it alone', async () => {
    const host = await freshHost();
    expect(await seedIfEmpty(host.dataSource, { accounts: 20, contacts: 100, opportunities: 30, leads: 10, activities: 50 })).toEqual({
      accounts: 20,
      contacts: 100,
      opportunities: 30,
      leads: 10,
      activities: 50,
    });
    const counts = await host.dataSource.query(`SELECT (SELECT COUNT(*) FROM opportunities) AS o, (SELECT COUNT(*) FROM leads) AS l, (SELECT COUNT(*) FROM activities) AS a`);
    expect(counts).toEqual([{ o: 30, l: 10, a: 50 }]);
    expect(await seedIfEmpty(host.dataSource, { accounts: 20, contacts: 100 })).toBeNull();
    expect(count(host, 'accounts')).toBe(20);
    expect(count(host, 'contacts')).toBe(100);
  });

  it('does nothing to a database where someone already entered a contact', async () => {
    const host = await freshHost();
    const created = await host.dispatch('contacts.create', { lastName: 'Çelik', firstName: 'Ayşe' }, host.session);
    expect(created.ok).toBe(true);
    expect(await seedIfEmpty(host.dataSource, { accounts: 20, contacts: 100 })).toBeNull();
    expect(count(host, 'contacts')).toBe(1);
    expect(count(host, 'accounts')).toBe(0);
    expect(count(host, 'users')).toBe(1);
  });
});
