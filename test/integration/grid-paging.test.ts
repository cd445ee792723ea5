import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeAll(async () => {
  host = await tempHost();
  const cities = ['Lyon', null, 'Berlin', 'Łódź', null, 'Zürich'];
  for (let i = 0; i < 230; i++) {
    await host.call('contacts.create', {
      lastName: ['Müller', 'Muller', 'Li', 'Lim', 'Ångström', 'Öztürk', 'Smith'][i % 7]!,
      firstName: `P${String(i).padStart(3, '0')}`,
      address: { city: cities[i % cities.length] ?? null },
    });
  }
});
afterAll(async () => {
  await host.close();
});

async function allPages(sort: { colId: 'lastName' | 'city' | 'firstName'; sort: 'asc' | 'desc' }[], size: number) {
  const ids: number[] = [];
  for (let start = 0; ; start += size) {
    const page = await host.call('contacts.list', { startRow: start, endRow: start + size, sort });
    ids.push(...page.rows.map((r) => r.id));
    if (page.total !== null) {
      expect(page.total).toBe(230);
      return ids;
    }
  }
}

describe('grid paging', () => {
  it('pages cover every row exactly once, in the same order as one big page, for indexed and nullable sorts', async () => {
    for (const sort of [[], [{ colId: 'city', sort: 'asc' }], [{ colId: 'city', sort: 'desc' }, { colId: 'firstName', sort: 'desc' }]] as const) {
      const whole = (await host.call('contacts.list', { startRow: 0, endRow: 500, sort: [...sort] })).rows.map((r) => r.id);
      expect(whole).toHaveLength(230);
      expect(await allPages([...sort], 37)).toEqual(whole);
    }
  });

  it('sorts blank cities last in both directions', async () => {
    const asc = (await host.call('contacts.list', { startRow: 0, endRow: 500, sort: [{ colId: 'city', sort: 'asc' }] })).rows;
    const desc = (await host.call('contacts.list', { startRow: 0, endRow: 500, sort: [{ colId: 'city', sort: 'desc' }] })).rows;
    expect(asc.at(-1)!.city).toBeNull();
    expect(desc.at(-1)!.city).toBeNull();
    expect(asc[0]!.city).toBe('Berlin');
  });
});

describe('name filters fold case and accents', () => {
  const names = async (type: 'startsWith' | 'equals' | 'contains' | 'notEqual' | 'endsWith', filter: string) => {
    const page = await host.call('contacts.list', { startRow: 0, endRow: 500, filter: { lastName: { filterType: 'text', type, filter } } });
    return [...new Set(page.rows.map((r) => r.lastName))].sort();
  };

  it('"starts with" finds Müller from "mu" and Öztürk from "OZ"', async () => {
    expect(await names('startsWith', 'mu')).toEqual(['Muller', 'Müller']);
    expect(await names('startsWith', 'MÜL')).toEqual(['Muller', 'Müller']);
    expect(await names('startsWith', 'OZ')).toEqual(['Öztürk']);
    expect(await names('startsWith', 'li')).toEqual(['Li', 'Lim']);
  });

  it('"equals" is the whole last name, not a prefix of it', async () => {
    expect(await names('equals', 'LI')).toEqual(['Li']);
    expect(await names('notEqual', 'li')).toEqual(['Lim', 'Muller', 'Müller', 'Smith', 'Ångström', 'Öztürk']);
  });

  it('"contains" and "ends with" look at the last name only', async () => {
    expect(await names('contains', 'ngstr')).toEqual(['Ångström']);
    expect(await names('contains', 'p00')).toEqual([]); // first names are P000…, not matched
    expect(await names('endsWith', 'urk')).toEqual(['Öztürk']);
  });

  it('the accounts name filter folds too', async () => {
    await host.call('accounts.create', { name: 'Société Générale' });
    await host.call('accounts.create', { name: 'Sony' });
    const page = await host.call('accounts.list', { startRow: 0, endRow: 10, filter: { name: { filterType: 'text', type: 'contains', filter: 'GENERALE' } } });
    expect(page.rows.map((r) => r.name)).toEqual(['Société Générale']);
    const eq = await host.call('accounts.list', { startRow: 0, endRow: 10, filter: { name: { filterType: 'text', type: 'equals', filter: 'societe generale' } } });
    expect(eq.rows.map((r) => r.name)).toEqual(['Société Générale']);
  });
});
