import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../electron/main/seed/seed-database';
import { seedSales } from '../../electron/main/seed/seed-sales';
import { tempHost, type TestHost } from '../support/temp-host';

const NOW = new Date('2026-11-01T00:00:00.000Z');
let host: TestHost;
let result: ReturnType<typeof seedSales>;

beforeAll(async () => {
  host = await tempHost();
  seedDatabase(host.dataSource, { accounts: 60, contacts: 400, seed: 7, now: NOW });
  result = seedSales(host.dataSource, { opportunities: 300, leads: 200, activities: 1500, seed: 7, now: NOW });
});
afterAll(async () => {
  await host.close();
});

const q = <T>(sql: string, params: unknown[] = []) => host.dataSource.query(sql, params) as Promise<T[]>;

describe('sales sample data', () => {
  it('adds exactly what was asked, with stage history and no broken references', async () => {
    expect(result).toMatchObject({ opportunities: 300, leads: 200, activities: 1500 });
    const [counts] = await q<Record<string, number>>(
      `SELECT (SELECT COUNT(*) FROM opportunities) AS o, (SELECT COUNT(*) FROM leads) AS l, (SELECT COUNT(*) FROM activities) AS a,
              (SELECT COUNT(*) FROM opportunity_stage_history) AS h`,
    );
    expect(counts).toEqual({ o: 300, l: 200, a: 1500, h: result.stageChanges });
    expect(await q(`PRAGMA foreign_key_check`)).toEqual([]);
  });

  it('each opportunity’s history ends in its stage; closed ones have a close date, lost ones a reason', async () => {
    const wrong = await q(
      `SELECT o.id FROM opportunities o
        JOIN pipeline_stages s ON s.id = o.stage_id
       WHERE o.stage_id <> (SELECT h.to_stage_id FROM opportunity_stage_history h WHERE h.opportunity_id = o.id ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)
          OR (s.kind = 'open') <> (o.closed_at IS NULL)
          OR (s.kind = 'lost') <> (o.lost_reason IS NOT NULL)
          OR o.probability <> s.probability`,
    );
    expect(wrong).toEqual([]);
    const kinds = await q<{ kind: string; n: number }>(`SELECT s.kind, COUNT(*) AS n FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id GROUP BY s.kind ORDER BY s.kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['lost', 'open', 'won']);
  });

  it('gives records the contract accepts, and the search index knows them', async () => {
    for (const [method, table] of [['opportunities.get', 'opportunities'], ['leads.get', 'leads'], ['activities.get', 'activities']] as const) {
      const ids = (await q<{ id: number }>(`SELECT id FROM ${table} ORDER BY id LIMIT 25`)).map((r) => r.id);
      for (const id of ids) expect((await host.dispatch(method, { id }, host.session)).ok, `${method} ${id}`).toBe(true);
    }
    const indexed = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM search_index WHERE kind IN (2, 3)`);
    expect(indexed).toEqual([{ n: 500 }]);
  });

  it('is repeatable for the same seed and clock', async () => {
    const other = await tempHost();
    try {
      seedDatabase(other.dataSource, { accounts: 60, contacts: 400, seed: 7, now: NOW });
      seedSales(other.dataSource, { opportunities: 300, leads: 200, activities: 1500, seed: 7, now: NOW });
      const sample = `SELECT name, amount_minor, stage_id, expected_close_date FROM opportunities ORDER BY id LIMIT 50`;
      expect(await other.dataSource.query(sample)).toEqual(await q(sample));
    } finally {
      await other.close();
    }
  });
});
