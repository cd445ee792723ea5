import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlobalSearchInput, GlobalSearchResult, SearchKind } from '../../shared/contract/search';
import { RANKED_MATCHES } from '../../electron/main/domain/search/search.service';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const search = (text: string, more: Omit<GlobalSearchInput, 'text'> = {}) => host.call('search.global', { text, ...more });

function group(result: GlobalSearchResult, kind: SearchKind) {
  const g = result.groups.find((x) => x.kind === kind);
  if (!g) throw new Error(`no ${kind} group in ${JSON.stringify(result)}`);
  return g;
}
const titles = (result: GlobalSearchResult, kind: SearchKind) => group(result, kind).hits.map((h) => h.title);

async function account(name: string, city?: string) {
  return host.call('accounts.create', { name, billingAddress: city ? { city, country: 'DE' } : {} });
}
async function contact(firstName: string, lastName: string, accountId: number | null = null, email?: string) {
  return host.call('contacts.create', { firstName, lastName, accountId, emails: email ? [{ address: email }] : [] });
}

/** Leads and opportunities have no services yet: written with plain SQL, indexed by the triggers. */
async function lead(firstName: string, lastName: string, company: string, email: string | null = null): Promise<number> {
  const now = '2026-03-01T09:00:00.000Z';
  const user = host.session.userId;
  await host.dataSource.query(
    `INSERT INTO leads (created_at, created_by_id, updated_at, updated_by_id, first_name, last_name, sort_name, company, email, owner_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [now, user, now, user, firstName, lastName, lastName.toLowerCase(), company, email, user],
  );
  const [row] = await host.dataSource.query(`SELECT max(id) AS id FROM leads`);
  return Number(row.id);
}
async function opportunity(name: string, accountId: number | null): Promise<number> {
  const now = '2026-03-01T09:00:00.000Z';
  const user = host.session.userId;
  const [stage] = await host.dataSource.query(
    `SELECT s.id, s.pipeline_id FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id WHERE p.is_default = 1 ORDER BY s.position LIMIT 1`,
  );
  await host.dataSource.query(
    `INSERT INTO opportunities (created_at, created_by_id, updated_at, updated_by_id, name, sort_name, account_id, pipeline_id, stage_id, currency, probability, owner_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', 10, ?)`,
    [now, user, now, user, name, name.toLowerCase(), accountId, stage.pipeline_id, stage.id, user],
  );
  const [row] = await host.dataSource.query(`SELECT max(id) AS id FROM opportunities`);
  return Number(row.id);
}

describe('global search', () => {
  it('matches word prefixes regardless of case and accents', async () => {
    const muller = await account('Müller Maschinenbau GmbH', 'München');
    const ayse = await contact('Ayşe', 'Çelik', muller.id, 'ayse.celik@mueller.example');
    await account('Schmidt Logistik');

    // Two letters take the counted path, longer words the one-pass path: both find it.
    for (const text of ['mull', 'Müll', 'MULLER', 'muller masch', 'maschinenbau', 'gmb', 'mü', 'M']) {
      expect(titles(await search(text), 'account'), text).toEqual(['Müller Maschinenbau GmbH']);
    }
    for (const text of ['celik', 'ÇEL', 'ayse', 'Ayşe Çelik', 'aysE cEl']) {
      const contacts = group(await search(text), 'contact').hits;
      expect(contacts, text).toEqual([
        {
          kind: 'contact',
          id: ayse.id,
          title: 'Ayşe Çelik',
          subtitle: 'Müller Maschinenbau GmbH · ayse.celik@mueller.example',
          route: `/contacts/${ayse.id}`,
        },
      ]);
    }
    // Every word must match; a word inside another word is not a prefix.
    expect(titles(await search('mull logistik'), 'account')).toEqual([]);
    expect(titles(await search('aschinen'), 'account')).toEqual([]);
    expect(group(await search('mull'), 'account').hits[0]).toEqual({
      kind: 'account',
      id: muller.id,
      title: 'Müller Maschinenbau GmbH',
      subtitle: 'München, DE',
      route: `/accounts/${muller.id}`,
    });
  });

  it('ranks a match in the name above a match in the detail line', async () => {
    const bergmann = await account('Bergmann Bau');
    await contact('Max', 'Meier', bergmann.id); // "berg" only through the account name
    await contact('Anna', 'Berg'); // "berg" in the name
    await contact('Zoe', 'Zimmer', bergmann.id, 'zoe@bergmann.example'); // "berg" twice in the detail
    for (let i = 0; i < 6; i++) await contact('Filler', `Person ${i}`);
    expect(titles(await search('berg'), 'contact')).toEqual(['Anna Berg', 'Zoe Zimmer', 'Max Meier']);

    await account('Rhein Handel', 'Köln'); // "koln" in the city
    await account('Kölner Werkstätten'); // "koln" in the name
    expect(titles(await search('koln'), 'account')).toEqual(['Kölner Werkstätten', 'Rhein Handel']);
  });

  it('groups by record type in a fixed order, at most `limit` hits per group, with the total', async () => {
    for (let i = 1; i <= 8; i++) {
      const a = await account(`Alpha ${i}`);
      if (i <= 4) await contact('Alphonse', `Nr${i}`, a.id);
    }
    const leadId = await lead('Alfred', 'Alphaville', 'Alpha Leads Ltd', 'alfred@alpha.example');
    const alpha1 = await host.call('accounts.lookup', { text: 'Alpha 1', limit: 1 });
    const oppId = await opportunity('Alpha rollout', alpha1[0]!.id);
    await contact('Nobody', 'Else');

    const result = await search('alph', { limit: 3 });
    expect(result.groups.map((g) => [g.kind, g.label, g.hits.length, g.total])).toEqual([
      ['account', 'Accounts', 3, 8],
      ['contact', 'Contacts', 3, 4],
      ['lead', 'Leads', 1, 1],
      ['opportunity', 'Opportunities', 1, 1],
    ]);
    expect(group(result, 'lead').hits).toEqual([
      { kind: 'lead', id: leadId, title: 'Alfred Alphaville', subtitle: 'Alpha Leads Ltd · alfred@alpha.example · Lead: new', route: `/leads/${leadId}` },
    ]);
    expect(group(result, 'opportunity').hits).toEqual([
      { kind: 'opportunity', id: oppId, title: 'Alpha rollout', subtitle: 'Alpha 1 · Prospecting', route: `/opportunities/${oppId}` },
    ]);

    const onlyContacts = await search('alph', { kinds: ['contact'], limit: 10 });
    expect(onlyContacts.groups.map((g) => g.kind)).toEqual(['contact']);
    expect(titles(onlyContacts, 'contact')).toHaveLength(4);
    const two = await search('alph', { kinds: ['opportunity', 'account'] });
    expect(two.groups.map((g) => [g.kind, g.hits.length])).toEqual([
      ['account', 5],
      ['opportunity', 1],
    ]);
  });

  it('empty or syntax-only text gives empty groups', async () => {
    await account('Acme');
    for (const text of ['', '   ', '"', '*', '()', '-', ':^']) {
      const result = await search(text);
      expect(result.groups.map((g) => [g.kind, g.hits.length, g.total]), JSON.stringify(text)).toEqual([
        ['account', 0, 0],
        ['contact', 0, 0],
        ['lead', 0, 0],
        ['opportunity', 0, 0],
      ]);
    }
  });

  it('soft-deleted records disappear from search and come back on restore', async () => {
    const a = await account('Vanishing Ventures');
    const c = await contact('Vera', 'Vanish', a.id);
    expect(titles(await search('vanish'), 'account')).toEqual(['Vanishing Ventures']);
    expect(titles(await search('vanish'), 'contact')).toEqual(['Vera Vanish']);

    await host.call('contacts.delete', { id: c.id });
    await host.call('accounts.delete', { id: a.id });
    const gone = await search('vanish');
    expect(titles(gone, 'account')).toEqual([]);
    expect(titles(gone, 'contact')).toEqual([]);

    await host.call('accounts.restore', { id: a.id });
    await host.call('contacts.restore', { id: c.id });
    const back = await search('vanish');
    expect(titles(back, 'account')).toEqual(['Vanishing Ventures']);
    expect(group(back, 'contact').hits).toMatchObject([{ id: c.id, subtitle: 'Vanishing Ventures' }]);
  });

  it("renaming an account changes its contacts' hits and subtitles", async () => {
    const a = await account('Müller Maschinenbau');
    const c = await contact('Ayşe', 'Çelik', a.id, 'ayse@example.com');
    expect(titles(await search('mull'), 'contact')).toEqual(['Ayşe Çelik']);

    await host.call('accounts.update', { id: a.id, version: a.version, patch: { name: 'Schmidt Antriebe' } });
    expect(titles(await search('mull'), 'contact')).toEqual([]);
    expect(titles(await search('mull'), 'account')).toEqual([]);
    const renamed = await search('schmi antr');
    expect(titles(renamed, 'account')).toEqual(['Schmidt Antriebe']);
    expect(group(renamed, 'contact').hits).toEqual([
      { kind: 'contact', id: c.id, title: 'Ayşe Çelik', subtitle: 'Schmidt Antriebe · ayse@example.com', route: `/contacts/${c.id}` },
    ]);
  });

  it('hostile input never throws and finds what the words say', async () => {
    await account('Müller Maschinenbau');
    await account('Near East Trading');
    const cases: [string, string[]][] = [
      ['"', []],
      ['"mull', ['Müller Maschinenbau']],
      ['"mull"', ['Müller Maschinenbau']],
      ['mull*', ['Müller Maschinenbau']],
      ['*mull', ['Müller Maschinenbau']],
      ['-mull', ['Müller Maschinenbau']],
      ['mull -masch', ['Müller Maschinenbau']],
      ['title:mull', []],
      [':mull', ['Müller Maschinenbau']],
      ['^mull', ['Müller Maschinenbau']],
      ['NEAR(', ['Near East Trading']],
      ['NEAR(mull masch)', []],
      ['near east', ['Near East Trading']],
      ['mull OR near', []],
      ['mull AND', []],
      ['NOT', []],
      ['((mull', ['Müller Maschinenbau']],
      ['mull))', ['Müller Maschinenbau']],
      ['{mull}', ['Müller Maschinenbau']],
      ['mull;DROP TABLE accounts--', []],
      ["mull' OR '1'='1", []],
      ['%_\\', []],
      ['\u0000mull', ['Müller Maschinenbau']],
      ['x'.repeat(1000), []],
      ['mull '.repeat(200), ['Müller Maschinenbau']],
      ['"*^:-()'.repeat(142), []],
    ];
    for (const [text, expected] of cases) {
      const result = await host.dispatch('search.global', { text }, host.session);
      expect(result.ok, JSON.stringify(text.slice(0, 40))).toBe(true);
      if (result.ok) expect(titles(result.data as GlobalSearchResult, 'account'), JSON.stringify(text.slice(0, 40))).toEqual(expected);
    }
    // The tables are still there.
    expect((await host.call('accounts.list', { startRow: 0, endRow: 10 })).rows).toHaveLength(2);
  });

  it('a word that matches more records of a kind than are worth ranking shows the newest of them, with the full count', async () => {
    const user = host.session.userId;
    // One over the limit, written in one statement (the triggers index every row): names Zed0 … ZedN.
    await host.dataSource.query(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO leads (created_at, created_by_id, updated_at, updated_by_id, first_name, last_name, sort_name, company, owner_id)
       SELECT '2026-03-01T09:00:00.000Z', ?, '2026-03-01T09:00:00.000Z', ?, 'Ann', 'Zed' || i, 'zed' || i, 'Acme', ? FROM n`,
      [RANKED_MATCHES, user, user, user],
    );
    const newest = (await host.dataSource.query(`SELECT last_name FROM leads ORDER BY id DESC LIMIT 5`)).map((r: { last_name: string }) => `Ann ${r.last_name}`);
    // Two letters are counted first; three letters try the one ranked pass and find it too broad.
    for (const text of ['ze', 'zed']) {
      const broad = group(await search(text), 'lead');
      expect(broad.total, text).toBe(RANKED_MATCHES + 1);
      expect(broad.hits.map((h) => h.title), text).toEqual(newest);
    }
    // A narrower word is ranked again: the name match first.
    await lead('Zed', 'Other', 'Zed1999 Holdings');
    expect(titles(await search('zed1999'), 'lead')).toEqual(['Ann Zed1999', 'Zed Other']);
  });
});
