import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../shared/contract/opportunities';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let sales: Pipeline;
const stage = (name: string) => sales.stages.find((s) => s.name === name)!.id;
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

beforeEach(async () => {
  host = await tempHost();
  sales = (await host.call('pipelines.list', {})).find((p) => p.isDefault)!;
});
afterEach(async () => {
  await host.close();
});

describe('opportunities', () => {
  it('creates in the default pipeline’s first open stage with the stage’s probability, and records the first stage', async () => {
    const account = await host.call('accounts.create', { name: 'Acme' });
    const contact = await host.call('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', accountId: account.id });
    const o = await host.call('opportunities.create', {
      name: ' Big deal ',
      accountId: account.id,
      primaryContactId: contact.id,
      amount: eur(1_000_00),
      expectedCloseDate: '2026-06-30',
    });
    expect(o).toMatchObject({
      name: 'Big deal',
      account: { id: account.id, name: 'Acme' },
      primaryContact: { id: contact.id, name: 'Ada Lovelace' },
      pipeline: { id: sales.id, name: 'Sales' },
      stage: { name: 'Prospecting', kind: 'open' },
      amount: eur(100_000),
      probability: 10,
      forecastCategory: 'pipeline',
      closedAt: null,
      version: 1,
    });
    expect(await host.call('opportunities.get', { id: o.id })).toEqual(o);
    const history = await host.call('opportunities.stageHistory', { id: o.id });
    expect(history).toEqual([
      expect.objectContaining({ fromStage: null, toStage: { id: stage('Prospecting'), name: 'Prospecting' }, amount: eur(100_000), probability: 10 }),
    ]);
    const audit = await host.call('audit.forRecord', { entity: 'opportunity', id: o.id });
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('an explicit probability overrides the stage default', async () => {
    const o = await host.call('opportunities.create', { name: 'D', amount: eur(1), stageId: stage('Proposal'), probability: 75 });
    expect(o.probability).toBe(75);
    expect(o.stage.name).toBe('Proposal');
  });

  it('updates with optimistic locking and audits the change', async () => {
    const o = await host.call('opportunities.create', { name: 'D', amount: eur(500) });
    const updated = await host.call('opportunities.update', { id: o.id, version: 1, patch: { amount: eur(700), nextStep: 'Call CFO' } });
    expect(updated).toMatchObject({ version: 2, amount: eur(700), nextStep: 'Call CFO' });
    const stale = await host.fail('opportunities.update', { id: o.id, version: 1, patch: { name: 'X' } });
    expect(stale.code).toBe('conflict');
    const audit = await host.call('audit.forRecord', { entity: 'opportunity', id: o.id });
    expect(audit[0]!.changes).toEqual({ amount_minor: [500, 700], next_step: [null, 'Call CFO'] });
  });

  it('soft-deletes and restores', async () => {
    const o = await host.call('opportunities.create', { name: 'D', amount: eur(1) });
    await host.call('opportunities.delete', { id: o.id });
    expect((await host.call('opportunities.list', { startRow: 0, endRow: 10 })).rows).toHaveLength(0);
    expect((await host.fail('opportunities.move', { id: o.id, version: 2, stageId: stage('Proposal') })).code).toBe('not_found');
    await host.call('opportunities.restore', { id: o.id });
    expect((await host.call('opportunities.list', { startRow: 0, endRow: 10 })).rows).toHaveLength(1);
  });

  it('moving records every stage change with amount and probability at the time, sets and clears closed_at', async () => {
    let o = await host.call('opportunities.create', { name: 'D', amount: eur(10_000) });
    host.clock.advance(60_000);
    o = await host.call('opportunities.move', { id: o.id, version: o.version, stageId: stage('Proposal') });
    expect(o).toMatchObject({ probability: 60, closedAt: null });
    o = await host.call('opportunities.update', { id: o.id, version: o.version, patch: { amount: eur(12_000) } });
    host.clock.advance(60_000);
    o = await host.call('opportunities.move', { id: o.id, version: o.version, stageId: stage('Negotiation'), probability: 90 });
    expect(o.probability).toBe(90);
    host.clock.advance(60_000);
    o = await host.call('opportunities.move', { id: o.id, version: o.version, stageId: stage('Closed won') });
    expect(o).toMatchObject({ probability: 100, closedAt: '2026-03-01T09:03:00.000Z', stage: { kind: 'won' } });
    host.clock.advance(60_000);
    o = await host.call('opportunities.move', { id: o.id, version: o.version, stageId: stage('Negotiation') });
    expect(o).toMatchObject({ probability: 80, closedAt: null });

    const history = await host.call('opportunities.stageHistory', { id: o.id });
    expect(history.map((h) => [h.fromStage?.name ?? null, h.toStage.name, h.amount.amountMinor, h.probability, h.changedAt])).toEqual([
      [null, 'Prospecting', 10_000, 10, '2026-03-01T09:00:00.000Z'],
      ['Prospecting', 'Proposal', 10_000, 60, '2026-03-01T09:01:00.000Z'],
      ['Proposal', 'Negotiation', 12_000, 90, '2026-03-01T09:02:00.000Z'],
      ['Negotiation', 'Closed won', 12_000, 100, '2026-03-01T09:03:00.000Z'],
      ['Closed won', 'Negotiation', 12_000, 80, '2026-03-01T09:04:00.000Z'],
    ]);
    expect(history.every((h) => h.changedBy.name === 'Test Admin')).toBe(true);
  });

  it('a stage change through update is recorded like a move', async () => {
    const o = await host.call('opportunities.create', { name: 'D', amount: eur(1) });
    await host.call('opportunities.update', { id: o.id, version: 1, patch: { stageId: stage('Qualification') } });
    const history = await host.call('opportunities.stageHistory', { id: o.id });
    expect(history.map((h) => h.toStage.name)).toEqual(['Prospecting', 'Qualification']);
  });

  it('moving to a lost stage requires a reason, and reopening clears it', async () => {
    let o = await host.call('opportunities.create', { name: 'D', amount: eur(1) });
    const refused = await host.fail('opportunities.move', { id: o.id, version: 1, stageId: stage('Closed lost') });
    expect(refused).toMatchObject({ code: 'validation', issues: [{ path: 'patch.lostReason' }] });
    expect((await host.call('opportunities.stageHistory', { id: o.id })).length).toBe(1);
    o = await host.call('opportunities.move', { id: o.id, version: 1, stageId: stage('Closed lost'), lostReason: 'Price' });
    expect(o).toMatchObject({ lostReason: 'Price', probability: 0, closedAt: '2026-03-01T09:00:00.000Z' });
    // Editing another field of a lost deal keeps its reason; removing the reason is refused.
    o = await host.call('opportunities.update', { id: o.id, version: o.version, patch: { nextStep: 'none' } });
    expect(o.lostReason).toBe('Price');
    expect((await host.fail('opportunities.update', { id: o.id, version: o.version, patch: { lostReason: '' } })).code).toBe('validation');
    o = await host.call('opportunities.move', { id: o.id, version: o.version, stageId: stage('Proposal') });
    expect(o).toMatchObject({ lostReason: null, closedAt: null, probability: 60 });
    expect((await host.fail('opportunities.create', { name: 'L', amount: eur(1), stageId: stage('Closed lost') })).code).toBe('validation');
  });

  it('refuses a stage of another pipeline', async () => {
    const other = await host.call('pipelines.save', {
      name: 'Renewals',
      stages: [
        { name: 'Open', probability: 50, kind: 'open' },
        { name: 'Renewed', probability: 100, kind: 'won' },
        { name: 'Churned', probability: 0, kind: 'lost' },
      ],
    });
    const o = await host.call('opportunities.create', { name: 'D', amount: eur(1) });
    const error = await host.fail('opportunities.move', { id: o.id, version: 1, stageId: other.stages[0]!.id });
    expect(error).toMatchObject({ code: 'validation' });
    const inOther = await host.call('opportunities.create', { name: 'R', amount: eur(1), pipelineId: other.id });
    expect(inOther.stage.name).toBe('Open');
  });

  it('lists a grid page filtered and sorted on whitelisted columns', async () => {
    const account = await host.call('accounts.create', { name: 'Zeta' });
    await host.call('opportunities.create', { name: 'Ähnlich', amount: eur(300), accountId: account.id });
    await host.call('opportunities.create', { name: 'beta', amount: eur(100) });
    await host.call('opportunities.create', { name: 'Alpha', amount: eur(200), stageId: stage('Proposal') });
    const byName = await host.call('opportunities.list', { startRow: 0, endRow: 10 });
    expect(byName.rows.map((r) => r.name)).toEqual(['Ähnlich', 'Alpha', 'beta']);
    expect(byName.total).toBe(3);
    const byAmount = await host.call('opportunities.list', { startRow: 0, endRow: 10, sort: [{ colId: 'amountMinor', sort: 'desc' }] });
    expect(byAmount.rows.map((r) => r.amountMinor)).toEqual([300, 200, 100]);
    const proposal = await host.call('opportunities.list', { startRow: 0, endRow: 10, filter: { stageName: { filterType: 'text', type: 'equals', filter: 'proposal' } } });
    expect(proposal.rows.map((r) => r.name)).toEqual(['Alpha']);
    const acct = await host.call('opportunities.list', { startRow: 0, endRow: 10, filter: { accountName: { filterType: 'text', type: 'contains', filter: 'zet' } } });
    expect(acct.rows).toEqual([expect.objectContaining({ name: 'Ähnlich', accountName: 'Zeta', stageKind: 'open', pipelineName: 'Sales' })]);
    const folded = await host.call('opportunities.list', { startRow: 0, endRow: 10, filter: { name: { filterType: 'text', type: 'startsWith', filter: 'ah' } } });
    expect(folded.rows.map((r) => r.name)).toEqual(['Ähnlich']);
  });
});

describe('the board', () => {
  it('shows per stage the count, totals per currency and weighted totals rounded half away from zero per opportunity', async () => {
    const proposal = stage('Proposal'); // 60 %
    const make = (name: string, amountMinor: number, extra: Record<string, unknown> = {}) =>
      host.call('opportunities.create', { name, amount: eur(amountMinor), stageId: proposal, ...extra });
    // weighted: 1001 × 60 % = 600.6 → 601; 1002 × 60 % = 601.2 → 601; 999 × 33 % = 329.67 → 330; 1 × 50 % = 0.5 → 1
    await make('A', 1001, { expectedCloseDate: '2026-05-01' });
    await make('B', 1002, { expectedCloseDate: '2026-04-01' });
    await make('C', 999, { probability: 33 });
    await make('D', 1, { probability: 50, expectedCloseDate: '2026-04-15' });
    await host.call('opportunities.create', { name: 'USD', amount: { amountMinor: 5000, currency: 'USD' }, stageId: proposal });
    const gone = await make('Deleted', 1_000_000);
    await host.call('opportunities.delete', { id: gone.id });

    const board = await host.call('opportunities.board', { pipelineId: sales.id, limit: 3 });
    expect(board.columns.map((c) => c.stage.name)).toEqual(sales.stages.map((s) => s.name));
    const column = board.columns.find((c) => c.stage.id === proposal)!;
    expect(column.count).toBe(5);
    expect(column.totals).toEqual([
      { currency: 'EUR', count: 4, amountMinor: 3003, weightedMinor: 601 + 601 + 330 + 1 },
      { currency: 'USD', count: 1, amountMinor: 5000, weightedMinor: 3000 },
    ]);
    // Capped, ordered by expected close date (none last).
    expect(column.cards.map((c) => c.name)).toEqual(['B', 'D', 'A']);
    expect(column.cards[0]).toMatchObject({ amount: eur(1002), probability: 60, owner: { name: 'Test Admin' }, expectedCloseDate: '2026-04-01' });
    const wide = await host.call('opportunities.board', { pipelineId: sales.id, limit: 5 });
    expect(wide.columns.find((c) => c.stage.id === proposal)!.cards.map((c) => c.name)).toEqual(['B', 'D', 'A', 'C', 'USD']);
    const empty = board.columns.find((c) => c.stage.name === 'Prospecting')!;
    expect(empty).toMatchObject({ count: 0, totals: [], cards: [] });
  });

  it('filters by owner', async () => {
    await host.dataSource.query(
      `INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES ('Bea Rep', NULL, 'sales_rep', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    const [{ id: bea }] = await host.dataSource.query(`SELECT id FROM users WHERE name = 'Bea Rep'`);
    await host.call('opportunities.create', { name: 'Mine', amount: eur(100) });
    await host.call('opportunities.create', { name: 'Hers', amount: eur(250), ownerId: bea });
    const hers = await host.call('opportunities.board', { pipelineId: sales.id, ownerId: bea });
    expect(hers.columns[0]).toMatchObject({ count: 1, totals: [{ currency: 'EUR', count: 1, amountMinor: 250, weightedMinor: 25 }] });
    expect(hers.columns[0]!.cards.map((c) => c.name)).toEqual(['Hers']);
    const all = await host.call('opportunities.board', { pipelineId: sales.id });
    expect(all.columns[0]!.count).toBe(2);
  });
});
