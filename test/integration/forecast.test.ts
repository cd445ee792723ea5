import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpportunityInput, Pipeline } from '../../shared/contract/opportunities';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let sales: Pipeline;
let ada: number;
let bea: number;
const stage = (name: string) => sales.stages.find((s) => s.name === name)!.id;
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const DAY = 86_400_000;

beforeEach(async () => {
  host = await tempHost();
  sales = (await host.call('pipelines.list', {}))[0]!;
  ada = host.session.userId;
  await host.dataSource.query(
    `INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES ('Bea Rep', NULL, 'sales_rep', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  bea = (await host.dataSource.query(`SELECT id FROM users WHERE name = 'Bea Rep'`))[0].id;
});
afterEach(async () => {
  await host.close();
});

const create = (name: string, input: Partial<OpportunityInput> & { amount: OpportunityInput['amount'] }) => host.call('opportunities.create', { name, ...input });
async function close(id: number, stageName: 'Closed won' | 'Closed lost', lostReason?: string) {
  const o = await host.call('opportunities.get', { id });
  return host.call('opportunities.move', { id, version: o.version, stageId: stage(stageName), ...(lostReason ? { lostReason } : {}) });
}

describe('forecast.summary', () => {
  it('adds up pipeline, weighted, best case, commit, closed won and quota per owner and quarter (hand-computed)', async () => {
    // Ada, Q1 (expected close in Jan–Mar): pipeline 10 000 + 5 005 + 1 010 = 16 015
    await create('o1', { amount: eur(10_000), stageId: stage('Proposal'), expectedCloseDate: '2026-03-15', forecastCategory: 'commit' }); // 60 % → 6 000
    await create('o2', { amount: eur(5_005), stageId: stage('Negotiation'), expectedCloseDate: '2026-02-10', forecastCategory: 'best_case' }); // 80 % → 4 004
    await create('o11', { amount: eur(1_010), stageId: stage('Proposal'), probability: 45, expectedCloseDate: '2026-01-20' }); // 454.5 → 455
    // Ada, Q2: 3 333 at 10 % → 333.3 → 333
    await create('o3', { amount: eur(3_333), expectedCloseDate: '2026-05-01' });
    // Left out: omitted, another currency, outside the range, no close date, in the recycle bin, lost.
    await create('omitted', { amount: eur(99_999), expectedCloseDate: '2026-03-01', forecastCategory: 'omitted' });
    await create('usd', { amount: { amountMinor: 50_000, currency: 'USD' }, expectedCloseDate: '2026-03-01' });
    await create('later', { amount: eur(77_777), expectedCloseDate: '2026-09-01' });
    await create('undated', { amount: eur(66_666) });
    const deleted = await create('deleted', { amount: eur(55_555), expectedCloseDate: '2026-03-01' });
    await host.call('opportunities.delete', { id: deleted.id });
    const lost = await create('lost', { amount: eur(1_000), expectedCloseDate: '2026-03-01' });
    await close(lost.id, 'Closed lost', 'Price');
    // Won on 1 March (Q1) by Ada: closed won 7 000, whatever its expected close date.
    const won = await create('o6', { amount: eur(7_000), expectedCloseDate: '2026-08-01' });
    await close(won.id, 'Closed won');
    // Bea, Q2: open commit 2 501 at 20 % → 500.2 → 500; won on 2 April: 4 000.
    await create('b1', { amount: eur(2_501), stageId: stage('Qualification'), expectedCloseDate: '2026-04-30', forecastCategory: 'commit', ownerId: bea });
    const bWon = await create('b2', { amount: eur(4_000), ownerId: bea });
    host.clock.advance(32 * DAY);
    await close(bWon.id, 'Closed won');

    await host.call('quotas.set', { userId: ada, period: '2026-Q1', amount: eur(20_000) });
    await host.call('quotas.set', { userId: ada, period: '2026-Q2', amount: { amountMinor: 5_000, currency: 'USD' } });
    await host.call('quotas.set', { userId: bea, period: '2026-Q2', amount: eur(7_000) });
    await host.call('quotas.set', { userId: bea, period: '2026-Q2', amount: eur(8_000) }); // replaces
    await host.call('quotas.set', { userId: bea, period: '2026-Q1', amount: eur(1_000) });

    const summary = await host.call('forecast.summary', { period: 'quarter', from: '2026-01-01', to: '2026-06-30', currency: 'EUR' });
    expect(summary.periods).toEqual(['2026-Q1', '2026-Q2']);
    const figures = summary.rows.map(({ owner, period, ...f }) => [owner.name, period, f]);
    expect(figures).toEqual([
      ['Bea Rep', '2026-Q1', { pipelineMinor: 0, weightedMinor: 0, bestCaseMinor: 0, commitMinor: 0, closedWonMinor: 0, quotaMinor: 1_000 }],
      ['Bea Rep', '2026-Q2', { pipelineMinor: 2_501, weightedMinor: 500, bestCaseMinor: 6_501, commitMinor: 6_501, closedWonMinor: 4_000, quotaMinor: 8_000 }],
      ['Test Admin', '2026-Q1', { pipelineMinor: 16_015, weightedMinor: 10_459, bestCaseMinor: 22_005, commitMinor: 17_000, closedWonMinor: 7_000, quotaMinor: 20_000 }],
      ['Test Admin', '2026-Q2', { pipelineMinor: 3_333, weightedMinor: 333, bestCaseMinor: 0, commitMinor: 0, closedWonMinor: 0, quotaMinor: null }],
    ]);
    expect(summary.totals).toEqual([
      { period: '2026-Q1', pipelineMinor: 16_015, weightedMinor: 10_459, bestCaseMinor: 22_005, commitMinor: 17_000, closedWonMinor: 7_000, quotaMinor: 21_000 },
      { period: '2026-Q2', pipelineMinor: 5_834, weightedMinor: 833, bestCaseMinor: 6_501, commitMinor: 6_501, closedWonMinor: 4_000, quotaMinor: 8_000 },
    ]);

    const monthly = await host.call('forecast.summary', { period: 'month', from: '2026-02-01', to: '2026-03-31', currency: 'EUR', ownerId: ada });
    expect(monthly.periods).toEqual(['2026-02', '2026-03']);
    expect(monthly.rows.map((r) => [r.period, r.pipelineMinor, r.weightedMinor, r.closedWonMinor, r.quotaMinor])).toEqual([
      ['2026-02', 5_005, 4_004, 0, null],
      ['2026-03', 10_000, 6_000, 7_000, null],
    ]);

    const usd = await host.call('forecast.summary', { period: 'quarter', from: '2026-01-01', to: '2026-06-30', currency: 'USD' });
    expect(usd.rows.map((r) => [r.owner.name, r.period, r.pipelineMinor, r.quotaMinor])).toEqual([
      ['Test Admin', '2026-Q1', 50_000, null],
      ['Test Admin', '2026-Q2', 0, 5_000],
    ]);
  });

  it('lists quotas per user and year', async () => {
    await host.call('quotas.set', { userId: ada, period: '2026-03', amount: eur(100) });
    await host.call('quotas.set', { userId: ada, period: '2027-Q1', amount: eur(200) });
    await host.call('quotas.set', { userId: bea, period: '2026-Q1', amount: eur(300) });
    const q = await host.call('quotas.list', { year: 2026 });
    expect(q.map((x) => [x.user.name, x.period, x.amount.amountMinor])).toEqual([
      ['Bea Rep', '2026-Q1', 300],
      ['Test Admin', '2026-03', 100],
    ]);
    expect((await host.call('quotas.list', { userId: ada })).map((x) => x.period)).toEqual(['2026-03', '2027-Q1']);
    expect((await host.fail('quotas.set', { userId: 9999, period: '2026-Q1', amount: eur(1) })).code).toBe('validation');
  });
});

describe('forecast.winLoss', () => {
  it('win rate, average deal size, cycle length and lost reasons by owner and quarter (hand-computed)', async () => {
    // Everything is created on 1 March 2026, 09:00.
    const w1 = await create('w1', { amount: eur(1_000) });
    const w2 = await create('w2', { amount: eur(2_001) });
    const w3 = await create('w3', { amount: { amountMinor: 500, currency: 'USD' } });
    const l1 = await create('l1', { amount: eur(9_000) });
    const l2 = await create('l2', { amount: eur(9_000) });
    const l3 = await create('l3', { amount: eur(9_000) });
    const bw = await create('bw', { amount: eur(3_000), ownerId: bea });
    const bl1 = await create('bl1', { amount: eur(1), ownerId: bea });
    const bl2 = await create('bl2', { amount: eur(1), ownerId: bea });
    const late = await create('late', { amount: eur(1) });
    await create('still open', { amount: eur(1) });

    host.clock.advance(10 * DAY); // 11 March
    for (const o of [w1, w2, w3]) await close(o.id, 'Closed won');
    host.clock.advance(10 * DAY); // 21 March
    await close(l1.id, 'Closed lost', 'Price');
    await close(l2.id, 'Closed lost', 'Price');
    await close(l3.id, 'Closed lost', 'Timing');
    host.clock.advance(20 * DAY); // 10 April
    await close(bw.id, 'Closed won');
    await close(bl1.id, 'Closed lost', 'Budget');
    await close(bl2.id, 'Closed lost', 'Budget');
    host.clock.advance(90 * DAY); // 9 July: outside the range
    await close(late.id, 'Closed lost', 'Price');

    const result = await host.call('forecast.winLoss', { from: '2026-01-01', to: '2026-06-30' });
    expect(result.rows).toEqual([
      {
        owner: { id: bea, name: 'Bea Rep' },
        period: '2026-Q2',
        won: 1,
        lost: 2,
        winRatePercent: 33,
        averageDealSize: [eur(3_000)],
        averageCycleDays: 40,
        lostReasons: [{ reason: 'Budget', count: 2 }],
      },
      {
        owner: { id: ada, name: 'Test Admin' },
        period: '2026-Q1',
        won: 3,
        lost: 3,
        winRatePercent: 50,
        averageDealSize: [eur(1_501), { amountMinor: 500, currency: 'USD' }],
        averageCycleDays: 15,
        lostReasons: [
          { reason: 'Price', count: 2 },
          { reason: 'Timing', count: 1 },
        ],
      },
    ]);
    expect(result.totals).toEqual({
      won: 4,
      lost: 5,
      winRatePercent: 44,
      averageDealSize: [eur(2_000), { amountMinor: 500, currency: 'USD' }],
      averageCycleDays: 23.3,
      lostReasons: [
        { reason: 'Budget', count: 2 },
        { reason: 'Price', count: 2 },
        { reason: 'Timing', count: 1 },
      ],
    });

    const beaOnly = await host.call('forecast.winLoss', { from: '2026-01-01', to: '2026-06-30', ownerId: bea, period: 'month' });
    expect(beaOnly.rows.map((r) => [r.period, r.won, r.lost])).toEqual([['2026-04', 1, 2]]);
    expect(beaOnly.totals).toMatchObject({ won: 1, lost: 2, winRatePercent: 33 });

    const nothing = await host.call('forecast.winLoss', { from: '2025-01-01', to: '2025-12-31' });
    expect(nothing).toEqual({ rows: [], totals: { won: 0, lost: 0, winRatePercent: null, averageDealSize: [], averageCycleDays: null, lostReasons: [] } });
  });
});
