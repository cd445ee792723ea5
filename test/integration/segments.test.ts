import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SegmentRule } from '../../shared/contract/segments';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const inCountry = (...values: string[]): SegmentRule => ({
  entity: 'contact',
  root: { type: 'group', op: 'and', items: [{ type: 'field', field: 'country', op: 'in', values }] },
});

async function people() {
  const acme = await host.call('accounts.create', { name: 'Acme GmbH', industry: 'Retail' });
  const ann = await host.call('contacts.create', { firstName: 'Ann', lastName: 'Adams', emails: [{ address: 'ann@acme.example' }], accountId: acme.id, address: { country: 'DE', city: 'Berlin', street: 'Main 1' } });
  const bob = await host.call('contacts.create', { firstName: 'Bob', lastName: 'Brown', emails: [{ address: 'bob@brown.example' }], emailOptOut: true, address: { country: 'DE' } });
  const cem = await host.call('contacts.create', { firstName: 'Cem', lastName: 'Çelik', phones: [{ number: '+90 212 555 0101' }], address: { country: 'TR' } });
  return { acme, ann, bob, cem };
}

describe('segments', () => {
  it('counts live matches with a sample by name and per channel, and updates as records change', async () => {
    const { ann, bob } = await people();
    const count = await host.call('segments.count', { rule: inCountry('DE'), channels: true });
    expect(count).toMatchObject({ entity: 'contact', total: 2, channels: { email: 1, call: 0, letter: 1, sms: 0 } });
    expect(count.sample.map((s) => [s.name, s.detail, s.company, s.country])).toEqual([
      ['Ann Adams', 'ann@acme.example', 'Acme GmbH', 'DE'],
      ['Bob Brown', 'bob@brown.example', null, 'DE'],
    ]);
    expect((await host.call('segments.count', { rule: inCountry('DE') })).channels).toBeNull();
    await host.call('contacts.delete', { id: bob.id });
    expect((await host.call('segments.count', { rule: inCountry('DE') })).total).toBe(1);
    // OR across a field and a fact, AND inside a nested group.
    const rule: SegmentRule = {
      entity: 'contact',
      root: {
        type: 'group',
        op: 'or',
        items: [
          { type: 'field', field: 'country', op: 'equals', value: 'TR' },
          { type: 'group', op: 'and', items: [{ type: 'field', field: 'accountIndustry', op: 'equals', value: 'Retail' }, { type: 'fact', fact: 'lastActivity', op: 'never' }] },
        ],
      },
    };
    expect((await host.call('segments.count', { rule })).sample.map((s) => s.name)).toEqual(['Ann Adams', 'Cem Çelik']);
    await host.call('activities.create', { type: 'note', subject: 'Met at the fair', contactId: ann.id });
    expect((await host.call('segments.count', { rule })).sample.map((s) => s.name)).toEqual(['Cem Çelik']);
  });

  it('leads by score, source and status; accounts by revenue in one currency and by won opportunities', async () => {
    await host.call('leads.create', { lastName: 'Low', source: 'web' });
    const hot = await host.call('leads.create', { lastName: 'High', source: 'referral', status: 'working' });
    await host.dataSource.query(`UPDATE leads SET score = 80 WHERE id = ?`, [hot.id]);
    const leads = await host.call('segments.count', {
      rule: {
        entity: 'lead',
        root: {
          type: 'group',
          op: 'and',
          items: [
            { type: 'field', field: 'score', op: 'gt', value: 50 },
            { type: 'field', field: 'source', op: 'in', values: ['referral', 'partner'] },
            { type: 'field', field: 'status', op: 'notEquals', value: 'converted' },
          ],
        },
      },
    });
    expect(leads.sample.map((s) => s.name)).toEqual(['High']);

    const big = await host.call('accounts.create', { name: 'Big AG', annualRevenue: { amountMinor: 500_000_00, currency: 'EUR' } });
    await host.call('accounts.create', { name: 'Dollar Inc', annualRevenue: { amountMinor: 900_000_00, currency: 'USD' } });
    const revenue = { type: 'field', field: 'annualRevenue', op: 'gt', value: 100_000_00, currency: 'EUR' } as const;
    expect((await host.call('segments.count', { rule: { entity: 'account', root: { type: 'group', op: 'and', items: [revenue] } } })).sample.map((s) => s.name)).toEqual(['Big AG']);

    const [pipeline] = await host.call('pipelines.list', {});
    const won = pipeline!.stages.find((s) => s.kind === 'won')!;
    await host.call('opportunities.create', { name: 'Deal', accountId: big.id, pipelineId: pipeline!.id, stageId: won.id, amount: { amountMinor: 1000, currency: 'EUR' } });
    const winners = { entity: 'account', root: { type: 'group', op: 'and', items: [{ type: 'fact', fact: 'wonOpportunity', withinMonths: 12 }] } } as const;
    expect((await host.call('segments.count', { rule: winners })).sample.map((s) => s.name)).toEqual(['Big AG']);
    host.clock.advance(400 * 86_400_000);
    expect((await host.call('segments.count', { rule: winners })).total).toBe(0);
  });

  it('saves, lists, reopens and deletes a segment; a stale save, a taken name and an unknown owner are refused', async () => {
    const saved = await host.call('segments.save', { name: 'Germany', description: 'Everyone in DE', ...inCountry('DE') });
    expect(saved).toMatchObject({ name: 'Germany', description: 'Everyone in DE', entity: 'contact', version: 1, createdBy: { name: 'Test Admin' } });
    expect(await host.call('segments.get', { id: saved.id })).toEqual(saved);
    const renamed = await host.call('segments.save', { id: saved.id, version: 1, name: 'DACH', ...inCountry('DE', 'AT', 'CH') });
    expect(renamed).toMatchObject({ version: 2, name: 'DACH', root: inCountry('DE', 'AT', 'CH').root });
    await host.call('segments.save', { name: 'austria', entity: 'lead', root: { type: 'group', op: 'and', items: [] } });
    expect((await host.call('segments.list', {})).map((s) => s.name)).toEqual(['austria', 'DACH']);
    expect((await host.call('segments.list', { entity: 'lead' })).map((s) => s.name)).toEqual(['austria']);

    expect(await host.fail('segments.save', { id: saved.id, version: 1, name: 'Stale', ...inCountry('FR') })).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Test Admin saved this segment .*Reload/) });
    expect(await host.fail('segments.save', { name: 'Austria', ...inCountry('AT') })).toMatchObject({ code: 'conflict', issues: [{ path: 'name' }] });
    const owner = { entity: 'contact', root: { type: 'group', op: 'and', items: [{ type: 'field', field: 'owner', op: 'in', values: [1, 999] }] } } as const;
    expect(await host.fail('segments.save', { name: 'Mine', ...owner })).toMatchObject({ code: 'validation', issues: [{ path: 'root.items.0.values.1', message: 'There is no user with id 999' }] });

    expect(await host.call('segments.delete', { id: saved.id })).toEqual({ id: saved.id });
    expect(await host.fail('segments.get', { id: saved.id })).toMatchObject({ code: 'not_found' });
    expect(await host.fail('segments.delete', { id: saved.id })).toMatchObject({ code: 'not_found' });
  });

  it('freezing snapshots the members: the list stays as it was while the segment moves on, and outlives the segment', async () => {
    await people();
    const segment = await host.call('segments.save', { name: 'Germany', ...inCountry('DE') });
    const frozen = await host.call('segments.freeze', { segmentId: segment.id, name: 'Germany, March' });
    expect(frozen).toMatchObject({ added: 2, leftOut: 0, list: { name: 'Germany, March', entity: 'contact', channel: null, segment: { id: segment.id, name: 'Germany' }, memberCount: 2, eligibleCount: null } });
    await host.call('contacts.create', { lastName: 'Late', address: { country: 'DE' } });
    expect((await host.call('segments.count', { rule: inCountry('DE') })).total).toBe(3);
    expect((await host.call('lists.get', { id: frozen.list.id })).memberCount).toBe(2);

    const mailing = await host.call('segments.freeze', { segmentId: segment.id, name: 'Germany by mail', channel: 'email' });
    expect(mailing).toMatchObject({ added: 1, leftOut: 2, list: { channel: 'email', memberCount: 1, eligibleCount: 1 } });

    await host.call('segments.delete', { id: segment.id });
    expect((await host.call('lists.get', { id: frozen.list.id })).segment).toBeNull();
    expect((await host.call('lists.list', {})).map((l) => [l.name, l.memberCount])).toEqual([
      ['Germany by mail', 1],
      ['Germany, March', 2],
    ]);
  });

  it('lists: add, page with a name filter, hide members in the recycle bin, remove, delete', async () => {
    const { ann, bob, cem } = await people();
    const list = await host.call('lists.create', { name: 'Fair visitors', entity: 'contact' });
    expect(await host.call('lists.add', { listId: list.id, ids: [ann.id, bob.id] })).toEqual({ added: 2, alreadyMembers: 0, leftOut: [] });
    expect(await host.call('lists.add', { listId: list.id, ids: [bob.id, cem.id, 4242] })).toEqual({
      added: 1,
      alreadyMembers: 1,
      leftOut: [{ id: 4242, reason: 'There is no contact with id 4242 (or it is in the recycle bin)' }],
    });
    const page = await host.call('lists.members', { listId: list.id, startRow: 0, endRow: 2, withTotal: true });
    expect(page).toMatchObject({ total: 3, rows: [{ id: ann.id, name: 'Ann Adams', eligible: null }, { id: bob.id }] });
    const byName = await host.call('lists.members', { listId: list.id, startRow: 0, endRow: 100, sort: [{ colId: 'name', sort: 'desc' }], filter: { name: { filterType: 'text', type: 'startsWith', filter: 'c' } } });
    expect(byName.rows.map((r) => r.name)).toEqual(['Cem Çelik']);

    await host.call('contacts.delete', { id: bob.id });
    expect((await host.call('lists.get', { id: list.id })).memberCount).toBe(2);
    await host.call('contacts.restore', { id: bob.id });
    expect((await host.call('lists.get', { id: list.id })).memberCount).toBe(3);

    expect(await host.call('lists.remove', { listId: list.id, ids: [bob.id, 4242] })).toEqual({ removed: 1 });
    const leads = await host.call('lists.create', { name: 'Leads', entity: 'lead' });
    expect((await host.call('lists.add', { listId: leads.id, ids: [ann.id] })).leftOut).toHaveLength(1);
    expect(await host.call('lists.delete', { id: list.id })).toEqual({ id: list.id });
    expect(await host.fail('lists.members', { listId: list.id, startRow: 0, endRow: 10 })).toMatchObject({ code: 'not_found' });
    expect((await host.dataSource.query(`SELECT COUNT(*) AS n FROM target_list_members WHERE list_id = ?`, [list.id]))[0].n).toBe(0);
  });

  it('suppression list: keys addresses, domains and numbers; refuses what is none of them; only admins and marketing take entries off', async () => {
    expect(await host.call('suppressions.add', { kind: 'email', values: ['Ann@Acme.Example', 'ann@acme.example '], reason: 'Unsubscribed' })).toEqual({ added: 1, alreadyListed: 1 });
    expect(await host.call('suppressions.add', { kind: 'domain', values: ['@Competitor.example'] })).toEqual({ added: 1, alreadyListed: 0 });
    expect(await host.call('suppressions.add', { kind: 'phone', values: ['+49 (89) 123-4567 ext. 9'] })).toEqual({ added: 1, alreadyListed: 0 });
    const all = await host.call('suppressions.list', {});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.kind, r.value, r.entered, r.reason])).toEqual([
      ['phone', '91234567', '+49 (89) 123-4567 ext. 9', null],
      ['domain', 'competitor.example', '@Competitor.example', null],
      ['email', 'ann@acme.example', 'Ann@Acme.Example', 'Unsubscribed'],
    ]);
    expect((await host.call('suppressions.list', { kind: 'email' })).total).toBe(1);
    expect((await host.call('suppressions.list', { search: 'competitor' })).rows.map((r) => r.kind)).toEqual(['domain']);

    const bad = await host.fail('suppressions.add', { kind: 'email', values: ['fine@example.com', 'not an address'] });
    expect(bad).toMatchObject({ code: 'validation', issues: [{ path: 'values.1', message: '"not an address" is not an e-mail address' }] });
    expect((await host.fail('suppressions.add', { kind: 'phone', values: ['12345'] })).issues).toEqual([{ path: 'values.0', message: '"12345" has fewer than 6 digits' }]);
    expect((await host.fail('suppressions.add', { kind: 'domain', values: ['localhost'] })).code).toBe('validation');
    expect((await host.call('suppressions.list', {})).total).toBe(3);

    const rep = await host.call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' });
    await host.call('session.switch', { userId: rep.id });
    expect(await host.call('suppressions.add', { kind: 'email', values: ['bob@example.com'] })).toEqual({ added: 1, alreadyListed: 0 });
    expect(await host.fail('suppressions.remove', { ids: [all.rows[0]!.id] })).toMatchObject({ code: 'forbidden' });
    await host.call('session.switch', { userId: 1 });
    expect(await host.call('suppressions.remove', { ids: [all.rows[0]!.id, 4242] })).toEqual({ removed: 1 });
  });
});
