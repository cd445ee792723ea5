import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHost } from '../../electron/main/host/host';
import { Sql } from '../../electron/main/db/sql';
import type { TerritoryInput, TerritoryRuleInput } from '../../shared/contract/territories';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

async function user(name: string, role = 'sales_rep', capacity = 100): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  const { lastId } = await new Sql(host.dataSource).run(`INSERT INTO users (name, role, active, capacity, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?)`, [
    name,
    role,
    capacity,
    now,
    now,
  ]);
  return lastId;
}

const territory = (input: TerritoryInput) => host.call('territories.save', input);
const gridTriggers = async () => (await host.dataSource.query(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_grid_a[iud]'`))[0].n as number;
const country = (...values: string[]): TerritoryRuleInput => ({ field: 'country', values });

async function account(name: string, address: { country?: string; region?: string; city?: string; postcode?: string }, extra: Record<string, unknown> = {}) {
  return host.call('accounts.create', { name, billingAddress: address, ...extra });
}

async function owners(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['accounts', 'leads', 'contacts', 'opportunities']) {
    const territoryCol = t === 'accounts' || t === 'leads' ? ', territory_id' : '';
    out[t] = await host.dataSource.query(`SELECT id, owner_id${territoryCol} FROM ${t} ORDER BY id`);
  }
  return out;
}

describe('which territory a record lands in', () => {
  it('the most specific matching territory wins; no match goes to the fallback queue', async () => {
    const [emeaRep, dachRep, bavRep, queue] = [await user('Emma EMEA'), await user('Dieter DACH'), await user('Berta Bayern'), await user('Quinn Queue', 'sales_manager')];
    await host.call('assignment.saveSettings', { queueOwnerId: queue, assignOnCreate: true });
    const emea = await territory({ name: 'EMEA', rules: [country('DE', 'AT', 'CH', 'FR', 'GB', 'PL')], memberIds: [emeaRep] });
    const dach = await territory({ name: 'DACH', parentId: emea.id, rules: [country('DE', 'AT', 'CH')], memberIds: [dachRep] });
    const bavaria = await territory({ name: 'Bavaria', parentId: dach.id, rules: [{ field: 'region', values: ['Bayern'] }], memberIds: [bavRep] });

    const munich = await account('München GmbH', { country: 'DE', region: 'BAYERN', city: 'München' });
    const berlin = await account('Berlin AG', { country: 'DE', region: 'Berlin' });
    const paris = await account('Paris SA', { country: 'FR', region: 'Bayern' });
    const boston = await account('Boston Inc', { country: 'US' });
    expect(munich.owner.id).toBe(bavRep);
    expect(berlin.owner.id).toBe(dachRep);
    // "Bayern" in France: Bavaria sits under DACH, whose country rule does not hold.
    expect(paris.owner.id).toBe(emeaRep);
    expect(boston.owner.id).toBe(queue);

    const queued = await host.call('assignment.queue', {});
    expect(queued.rows.map((r) => r.name)).toEqual(['Boston Inc']);
    const history = await host.call('assignment.history', { entity: 'account', recordId: munich.id });
    expect(history).toMatchObject([{ reason: 'round_robin', to: { id: bavRep }, toTerritory: { id: bavaria.id, name: 'Bavaria' } }]);
    // An owner chosen in the form is kept.
    const chosen = await account('Chosen', { country: 'DE', region: 'Bayern' }, { ownerId: emeaRep });
    expect(chosen.owner.id).toBe(emeaRep);
  });

  it('between equally specific siblings, the earlier one in the tree wins', async () => {
    const [a, b] = [await user('Anna'), await user('Bert')];
    const first = await territory({ name: 'Industry: software', rules: [{ field: 'industry', values: ['Software'] }], memberIds: [a] });
    await territory({ name: 'Size: large', rules: [{ field: 'employees', band: { min: 500 } }], memberIds: [b] });
    expect((await account('Big software', {}, { industry: 'Software', employees: 1000 })).owner.id).toBe(a);
    await host.call('territories.move', { id: first.id, parentId: null, position: 1 });
    expect((await account('Big software 2', {}, { industry: 'Software', employees: 1000 })).owner.id).toBe(b);
  });

  it('matches postcodes by prefix, by numeric range with leading zeros, and by UK outward-code range', async () => {
    const [num, uk, pre] = [await user('Numeric'), await user('London'), await user('Munich')];
    await territory({ name: 'FR 01–19', rules: [{ field: 'postcode', ranges: [{ from: '01000', to: '19999' }] }], memberIds: [num] });
    await territory({ name: 'London SW', rules: [{ field: 'postcode', ranges: [{ from: 'SW1', to: 'SW20' }] }], memberIds: [uk] });
    await territory({ name: 'Munich 80', rules: [{ field: 'postcode', prefixes: ['80'] }], memberIds: [pre] });
    const owner = async (postcode: string) => (await account(`PC ${postcode}`, { postcode })).owner.id;
    const admin = (await host.call('session.current', {})).user.id;
    expect(await owner('08001')).toBe(num);
    expect(await owner('01000')).toBe(num);
    expect(await owner('19999')).toBe(num);
    expect(await owner('20000')).toBe(admin);
    expect(await owner('9001')).toBe(admin);
    expect(await owner('sw1a 1aa')).toBe(uk);
    expect(await owner('SW19 5AE')).toBe(uk);
    expect(await owner('SW20-1AA')).toBe(uk);
    expect(await owner('SW21 1AA')).toBe(admin);
    expect(await owner('SE1 7PB')).toBe(admin);
    expect(await owner('80331')).toBe(pre);
    expect(await owner('8033')).toBe(pre);
  });

  it('compares cities and regions without case or accents', async () => {
    const rep = await user('Rhône rep');
    await territory({ name: 'Lyon', rules: [{ field: 'city', values: ['Lyon'] }, { field: 'region', values: ['Auvergne-Rhône-Alpes'] }], memberIds: [rep] });
    expect((await account('A', { city: 'LYON', region: 'auvergne-rhone-alpes' })).owner.id).toBe(rep);
    expect((await account('B', { city: 'Lyon', region: 'Provence' })).owner.id).not.toBe(rep);
    expect((await host.call('territories.countMatches', { rules: [{ field: 'city', values: ['lyón'] }] })).accounts).toBe(2);
  });

  it('leads match on lead source; a revenue rule never matches a lead', async () => {
    const [web, big] = [await user('Web'), await user('Big')];
    await territory({ name: 'Big accounts', rules: [{ field: 'revenue', currency: 'EUR', band: { min: 1_000_000_00 } }], memberIds: [big] });
    await territory({ name: 'Web leads', rules: [{ field: 'leadSource', values: ['web'] }], memberIds: [web] });
    const lead = await host.call('leads.create', { lastName: 'Nowak', source: 'web' });
    expect(lead.owner.id).toBe(web);
    expect((await account('Rich', {}, { annualRevenue: { amountMinor: 5_000_000_00, currency: 'EUR' } })).owner.id).toBe(big);
    expect((await account('Rich in USD', {}, { annualRevenue: { amountMinor: 5_000_000_00, currency: 'USD' } })).owner.id).not.toBe(big);
  });
});

describe('assigning on demand', () => {
  it('assigns records from the fallback queue once rules exist, round-robin continuing across the list', async () => {
    const admin = (await host.call('session.current', {})).user.id;
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await account(`Queue ${i}`, { country: 'DE' }));
    expect(made.every((a) => a.owner.id === admin)).toBe(true);
    const [r1, r2] = [await user('One'), await user('Two')];
    expect((await host.fail('assignment.run', { entity: 'account', ids: [made[0]!.id] })).message).toMatch(/no territories/);
    const de = await territory({ name: 'DE', rules: [country('DE')], memberIds: [r1, r2] });
    expect((await host.call('assignment.queue', {})).total).toBe(4);
    const result = await host.call('assignment.run', { entity: 'account', ids: made.map((a) => a.id) });
    expect(result.map((r) => [r.owner.id, r.territory?.id, r.reason])).toEqual([
      [r1, de.id, 'round_robin'],
      [r2, de.id, 'round_robin'],
      [r1, de.id, 'round_robin'],
      [r2, de.id, 'round_robin'],
    ]);
    expect((await host.call('assignment.queue', {})).total).toBe(0);
    expect((await account('Next', { country: 'DE' })).owner.id).toBe(r1);
    expect((await host.fail('assignment.run', { entity: 'account', ids: [99999] })).code).toBe('not_found');
  });
});

describe('choosing the rep', () => {
  it('round-robin is fair and keeps its place across a restart', async () => {
    const reps = [await user('R1'), await user('R2'), await user('R3')];
    await territory({ name: 'All', memberIds: reps });
    const got: number[] = [];
    for (let i = 0; i < 4; i++) got.push((await account(`Before ${i}`, {})).owner.id);
    await host.close();
    const again = await openHost({ database: host.file, now: host.clock.now, log: () => undefined });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await again.dispatch('accounts.create', { name: `After ${i}` }, again.session);
        if (!res.ok) throw new Error(res.error.message);
        got.push((res.data as { owner: { id: number } }).owner.id);
      }
    } finally {
      await again.close();
    }
    expect(got).toEqual([reps[0], reps[1], reps[2], reps[0], reps[1], reps[2], reps[0], reps[1], reps[2]]);
    host = await tempHost();
  });

  it('least-loaded divides open leads and opportunities by capacity', async () => {
    const small = await user('Small', 'sales_rep', 100);
    const large = await user('Large', 'sales_rep', 300);
    for (let i = 0; i < 2; i++) await host.call('leads.create', { lastName: `Existing ${i}`, ownerId: small });
    await territory({ name: 'Leads', rules: [{ field: 'leadSource', values: ['referral'] }], method: 'least_loaded', memberIds: [small, large] });
    const got: number[] = [];
    for (let i = 0; i < 8; i++) got.push((await host.call('leads.create', { lastName: `New ${i}`, source: 'referral' })).owner.id);
    // Load ÷ capacity: Large takes new leads until 6/300 equals Small's 2/100, then they alternate by that ratio.
    const count = (id: number) => got.filter((x) => x === id).length;
    expect(got.slice(0, 6).every((x) => x === large)).toBe(true);
    expect(count(large)).toBe(7);
    expect(count(small)).toBe(1);
  });

  it('a fixed territory gives everything to its owner; an empty one to its fallback, then its parent’s', async () => {
    const [fixed, fallback, inactive] = [await user('Fixed'), await user('Fallback'), await user('Gone')];
    await new Sql(host.dataSource).run(`UPDATE users SET active = 0 WHERE id = ?`, [inactive]);
    await territory({ name: 'Fixed', rules: [country('PL')], method: 'fixed', fixedOwnerId: fixed });
    const parent = await territory({ name: 'Nordics', rules: [country('SE', 'NO')], fallbackOwnerId: fallback });
    await territory({ name: 'Sweden', parentId: parent.id, rules: [country('SE')] });
    expect((await account('Kraków', { country: 'PL' })).owner.id).toBe(fixed);
    const sweden = await account('Malmö', { country: 'SE' });
    expect(sweden.owner.id).toBe(fallback);
    expect((await host.call('assignment.history', { entity: 'account', recordId: sweden.id }))[0]!.reason).toBe('fallback');
    expect((await host.fail('territories.save', { name: 'Bad', memberIds: [inactive] })).message).toMatch(/not an active user/);
  });
});

describe('bulk realignment', () => {
  async function office() {
    const [a, b, c] = [await user('Alice'), await user('Bob'), await user('Carol')];
    const admin = (await host.call('session.current', {})).user.id;
    const accounts = [];
    for (let i = 0; i < 12; i++) {
      const acc = await account(`Firma ${i}`, { country: i % 2 ? 'DE' : 'AT' }, { ownerId: admin });
      accounts.push(acc);
      await host.call('contacts.create', { lastName: `Kontakt ${i}`, accountId: acc.id, ownerId: admin });
      await host.call('opportunities.create', { name: `Deal ${i}`, accountId: acc.id, amount: { amountMinor: 1000, currency: 'EUR' }, ownerId: admin });
    }
    return { a, b, c, admin, accounts };
  }

  it('previews who moves to whom, applies it all in one go with followers, and undo restores every owner exactly', async () => {
    const { a, b, admin, accounts } = await office();
    const locked = await host.call('contacts.create', { lastName: 'Locked', accountId: accounts[1]!.id, ownerId: admin });
    await new Sql(host.dataSource).run(`UPDATE contacts SET owner_locked = 1 WHERE id = ?`, [locked.id]);
    await territory({ name: 'Germany', rules: [country('DE')], memberIds: [a] });
    await territory({ name: 'Austria', rules: [country('AT')], memberIds: [b] });
    const before = await owners();

    const preview = await host.call('assignment.preview', { kind: 'realignment' });
    expect(preview.byEntity).toEqual({ account: 12, lead: 0, contact: 12, opportunity: 12 });
    expect(preview.moves.map((m) => [m.from?.id, m.to.id, m.count]).sort()).toEqual([
      [admin, a, 18],
      [admin, b, 18],
    ]);
    expect(preview.moves[0]!.sample[0]).toMatchObject({ entity: 'account' });
    expect(await owners()).toEqual(before);

    const generation = async () => (await host.dataSource.query(`SELECT generation FROM grid_generation`))[0].generation as number;
    const beforeApply = await generation();
    const { batch } = await host.call('assignment.apply', { kind: 'realignment' });
    expect(batch).toMatchObject({ kind: 'realignment', status: 'applied', moveCount: 36 });
    // The grids learn of the move: once for the whole batch, with the row-by-row triggers set aside meanwhile and back after.
    expect(await generation()).toBe(beforeApply + 1);
    expect(await gridTriggers()).toBe(15);
    const germanAccount = await host.call('accounts.get', { id: accounts[1]!.id });
    expect(germanAccount.owner.id).toBe(a);
    const contacts = (await host.dataSource.query(`SELECT last_name, owner_id FROM contacts WHERE account_id = ?`, [accounts[1]!.id])) as { last_name: string; owner_id: number }[];
    expect(Object.fromEntries(contacts.map((c) => [c.last_name, c.owner_id]))).toEqual({ 'Kontakt 1': a, Locked: admin });
    expect((await host.call('assignment.history', { batchId: batch.id })).length).toBe(36);
    // A second realignment finds nothing to do: records already in place stay put.
    expect((await host.call('assignment.preview', { kind: 'realignment' })).total).toBe(0);

    const beforeUndo = await generation();
    const undone = await host.call('assignment.undo', { batchId: batch.id });
    expect(undone).toMatchObject({ restored: 36, batch: { status: 'undone' } });
    expect(await generation()).toBe(beforeUndo + 1);
    expect(await gridTriggers()).toBe(15);
    expect(await owners()).toEqual(before);
    expect((await host.fail('assignment.undo', { batchId: batch.id })).message).toMatch(/already undone/);
  });

  it('reports progress under the caller’s task id, announces one bulk change, and spreads least-loaded runs', async () => {
    const { a, b } = await office();
    await territory({ name: 'Even', method: 'least_loaded', memberIds: [a, b] });
    const seen: [string, unknown][] = [];
    const stop = host.events.subscribe((event, payload) => seen.push([event, payload]));
    const taskId = '2f1c8c0e-5b7a-4c59-9a53-6f3d1e0f7a11';
    await host.call('assignment.apply', { kind: 'realignment', taskId });
    stop();
    const progress = seen.filter(([e]) => e === 'progress').map(([, p]) => p as { taskId: string; finished: boolean; done: number });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.taskId === taskId)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ finished: true });
    expect(seen.filter(([e]) => e === 'records.reassigned')).toEqual([['records.reassigned', { entities: ['account', 'lead', 'contact', 'opportunity'] }]]);
    // Each account brings itself and its open deal: the twelve split evenly.
    const counts = (await host.dataSource.query(`SELECT owner_id, COUNT(*) AS n FROM accounts GROUP BY owner_id ORDER BY owner_id`)) as { owner_id: number; n: number }[];
    expect(counts).toEqual([
      { owner_id: a, n: 6 },
      { owner_id: b, n: 6 },
    ]);
  });

  it('is all-or-nothing when something fails midway', async () => {
    const { a } = await office();
    await territory({ name: 'All', memberIds: [a] });
    const before = await owners();
    const lastDeal = (await host.dataSource.query(`SELECT MAX(id) AS id FROM opportunities`))[0].id as number;
    await host.dataSource.query(`CREATE TRIGGER fail_midway BEFORE UPDATE OF owner_id ON opportunities WHEN NEW.id = ${lastDeal} BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const error = await host.fail('assignment.apply', { kind: 'realignment' });
    expect(error.message).toMatch(/disk says no/);
    expect(await owners()).toEqual(before);
    expect(await gridTriggers()).toBe(15);
    expect(await host.dataSource.query(`SELECT COUNT(*) AS n FROM assignment_log`)).toEqual([{ n: 0 }]);
    expect(await host.dataSource.query(`SELECT COUNT(*) AS n FROM assignment_batches`)).toEqual([{ n: 0 }]);
  });

  it('a leaving rep’s records go to a named successor, locks included, and undo brings the rep back', async () => {
    const { a, c, accounts } = await office();
    const leaving = await user('Leaving Lou');
    await new Sql(host.dataSource).run(`UPDATE accounts SET owner_id = ? WHERE id IN (?, ?)`, [leaving, accounts[0]!.id, accounts[1]!.id]);
    await new Sql(host.dataSource).run(`UPDATE contacts SET owner_id = ?, owner_locked = 1 WHERE account_id = ?`, [leaving, accounts[5]!.id]);
    await host.call('leads.create', { lastName: 'Open lead', ownerId: leaving });
    const before = await owners();
    const preview = await host.call('assignment.preview', { kind: 'rep_leaves', userId: leaving, toUserId: c });
    expect(preview.byEntity).toEqual({ account: 2, lead: 1, contact: 3, opportunity: 2 });
    const { batch } = await host.call('assignment.apply', { kind: 'rep_leaves', userId: leaving, toUserId: c });
    expect(batch.label).toBe('Leaving Lou leaves: records to Carol');
    const left = await host.dataSource.query(`SELECT active FROM users WHERE id = ?`, [leaving]);
    expect(left).toEqual([{ active: 0 }]);
    expect(await host.dataSource.query(`SELECT COUNT(*) AS n FROM contacts WHERE owner_id = ?`, [leaving])).toEqual([{ n: 0 }]);
    await host.call('assignment.undo', { batchId: batch.id });
    expect(await owners()).toEqual(before);
    expect(await host.dataSource.query(`SELECT active FROM users WHERE id = ?`, [leaving])).toEqual([{ active: 1 }]);
    void a;
  });

  it('a leaving rep’s records go by the rules, never back to the rep', async () => {
    const { a, b, accounts } = await office();
    await territory({ name: 'Team', memberIds: [a, b] });
    await new Sql(host.dataSource).run(`UPDATE accounts SET owner_id = ? WHERE id IN (?, ?, ?)`, [a, accounts[0]!.id, accounts[1]!.id, accounts[2]!.id]);
    const { batch } = await host.call('assignment.apply', { kind: 'rep_leaves', userId: a, toUserId: null, deactivate: false });
    const moved = await host.call('assignment.history', { batchId: batch.id });
    expect(moved.filter((m) => m.entity === 'account').every((m) => m.to.id === b)).toBe(true);
  });

  it('only sales managers and admins move records', async () => {
    const rep = await user('Rep');
    host.session.userId = rep;
    expect((await host.fail('assignment.apply', { kind: 'realignment' })).code).toBe('forbidden');
    expect((await host.fail('territories.save', { name: 'Mine' })).code).toBe('forbidden');
  });
});

describe('the tree', () => {
  it('re-parents by drag, refuses loops, and deletes only leaves', async () => {
    const emea = await territory({ name: 'EMEA' });
    const dach = await territory({ name: 'DACH', parentId: emea.id });
    const nordics = await territory({ name: 'Nordics' });
    const tree = await host.call('territories.move', { id: nordics.id, parentId: emea.id, position: 0 });
    expect(tree.map((t) => [t.name, t.depth])).toEqual([
      ['EMEA', 0],
      ['Nordics', 1],
      ['DACH', 1],
    ]);
    expect((await host.fail('territories.move', { id: emea.id, parentId: dach.id, position: 0 })).message).toMatch(/under itself/);
    expect((await host.fail('territories.delete', { id: emea.id })).message).toMatch(/children/);
    // Saving without a parent keeps the territory where it is.
    await territory({ id: nordics.id, name: 'Nordics & Baltics' });
    expect((await host.call('territories.list', {})).find((t) => t.id === nordics.id)?.parentId).toBe(emea.id);
    await host.call('territories.delete', { id: dach.id });
    expect((await host.call('territories.list', {})).map((t) => t.name)).toEqual(['EMEA', 'Nordics & Baltics']);
  });
});
