import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, SEGMENT_ENTITIES, type SegmentRule } from '../../shared/contract/segments';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { compileSegment, fromClause, type RelatedStrategy } from '../../electron/main/domain/segments/compile-segment';
import { eligibleFor, ineligibleReason } from '../../electron/main/domain/segments/consent';
import { eligible, evaluate, recordsOf, type World } from '../support/segment-evaluator';
import { NOW, loadPlan, planArb, ruleArb } from '../support/segment-world';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;

beforeAll(async () => {
  host = await tempHost();
  await host.call('users.create', { name: 'Rep Two', email: 'two@example.com', role: 'sales_rep' });
  await host.call('users.create', { name: 'Rep Three', email: 'three@example.com', role: 'marketing' });
});
afterAll(async () => {
  await host.close();
});

function sqlIds(rule: SegmentRule, related: RelatedStrategy = 'sets'): number[] {
  const where = compileSegment(rule, NOW, related);
  return (sqliteHandle(host.dataSource).prepare(`SELECT r.id FROM ${fromClause(rule.entity)} WHERE ${where.sql} ORDER BY r.id`).pluck().all(...where.params) as number[]);
}

describe('segment SQL agrees with a plain in-memory evaluation on random data', () => {
  it('the same records for random rule trees over random contacts, leads, accounts, opportunities and activities, related facts asked as sets and as probes', () => {
    expect(host.clock.now().toISOString()).toBe(NOW);
    const db = sqliteHandle(host.dataSource);
    let compared = 0;
    let nonTrivial = 0;
    fc.assert(
      fc.property(planArb, fc.array(ruleArb, { minLength: 25, maxLength: 25 }), (plan, rules) => {
        const world = loadPlan(db, plan);
        for (const rule of rules) {
          const expected = evaluate(rule, world);
          expect(sqlIds(rule, 'sets'), `sets: ${JSON.stringify(rule)}`).toEqual(expected);
          expect(sqlIds(rule, 'probes'), `probes: ${JSON.stringify(rule)}`).toEqual(expected);
          compared++;
          const live = recordsOf(rule.entity, world).filter((r) => r.deleted_at === null).length;
          if (expected.length > 0 && expected.length < live) nonTrivial++;
        }
      }),
      { numRuns: 120 },
    );
    // The pools are small on purpose, so a good share of the rules select some records and leave others out.
    expect(compared).toBe(120 * 25);
    expect(nonTrivial).toBeGreaterThan(compared / 5);
  });

  it('the same records eligible for each channel, and a reason exactly for those left out', () => {
    const db = sqliteHandle(host.dataSource);
    fc.assert(
      fc.property(planArb, (plan) => {
        const world: World = loadPlan(db, plan);
        for (const entity of SEGMENT_ENTITIES) {
          for (const channel of CHANNELS) {
            const rows = db
              .prepare(`SELECT r.id, ${eligibleFor(entity, channel).sql} AS ok, ${ineligibleReason(entity, channel).sql} AS reason FROM ${fromClause(entity)} ORDER BY r.id`)
              .all() as { id: number; ok: number; reason: string | null }[];
            const expected = recordsOf(entity, world).map((r) => ({ id: r.id as number, ok: eligible(entity, channel, r, world) ? 1 : 0 }));
            expect(rows.map(({ id, ok }) => ({ id, ok })), `${entity} ${channel}`).toEqual(expected);
            for (const r of rows) expect(r.reason === null, `${entity} ${channel} #${r.id}: ${r.reason}`).toBe(r.ok === 1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('segments.count through dispatch gives the evaluator\'s total and channel counts, and a sample of its members by name', async () => {
    const db = sqliteHandle(host.dataSource);
    const samples = fc.sample(fc.tuple(planArb, fc.array(ruleArb, { minLength: 5, maxLength: 5 })), { numRuns: 12, seed: 7 });
    for (const [plan, rules] of samples) {
      const world = loadPlan(db, plan);
      for (const rule of rules) {
        const result = await host.call('segments.count', { rule, channels: true });
        const ids = evaluate(rule, world);
        expect(result.total).toBe(ids.length);
        const members = recordsOf(rule.entity, world).filter((r) => ids.includes(r.id));
        for (const channel of CHANNELS) expect(result.channels![channel], channel).toBe(members.filter((r) => eligible(rule.entity, channel, r, world)).length);
        expect(result.sample.length).toBe(Math.min(20, ids.length));
        for (const s of result.sample) expect(ids).toContain(s.id);
      }
    }
  });
});
