import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SegmentRule } from '../../shared/contract/segments';
import { openHost, type Host } from '../../electron/main/host/host';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { compileSegment, fromClause } from '../../electron/main/domain/segments/compile-segment';
import { seedDatabase } from '../../electron/main/seed/seed-database';
import { seedSales } from '../../electron/main/seed/seed-sales';
import { timeRuns, type Summary } from './stats';

/**
 * Issue #7's figure: a segment count with three conditions at a million
 * contacts (goal ≤ 200 ms), through dispatch and as the bare compiled SQL,
 * with SQLite's plan. The database is a file of its own, seeded once with the
 * sample-data generator (1M contacts, 100k accounts, 200k opportunities and
 * leads, 500k activities) and migrated by openHost, so a file from an older
 * build is brought up to date rather than measured with a stale schema.
 */
export interface SegmentCase {
  name: string;
  total: number;
  /** segments.count through dispatch (validation, compile, COUNT, the 20-row sample). */
  dispatch: Summary;
  /** The compiled COUNT alone on the same connection. */
  countOnly: Summary;
  plan: string[];
}

export interface SegmentBench {
  contacts: number;
  seededSeconds: number | null;
  cases: SegmentCase[];
}

async function prepare(path: string, contacts: number, log: (line: string) => void): Promise<{ host: Host; seededSeconds: number | null }> {
  const fresh = !existsSync(path);
  const host = await openHost({ database: path, log: () => undefined });
  if (!fresh) return { host, seededSeconds: null };
  const started = performance.now();
  log(`Seeding ${path}: ${contacts.toLocaleString('en')} contacts, ${(contacts / 10).toLocaleString('en')} accounts…`);
  seedDatabase(host.dataSource, { accounts: contacts / 10, contacts, seed: 7, now: new Date('2026-11-01T09:00:00.000Z') });
  log(`  opportunities, leads and activities…`);
  seedSales(host.dataSource, { opportunities: contacts / 5, leads: contacts / 5, activities: contacts / 2, seed: 7, now: new Date('2026-11-01T09:00:00.000Z') });
  return { host, seededSeconds: (performance.now() - started) / 1000 };
}

const and = (...items: SegmentRule['root']['items']): SegmentRule => ({ entity: 'contact', root: { type: 'group', op: 'and', items } });

export function segmentRules(ownerIds: number[]): { name: string; rule: SegmentRule; channels?: boolean }[] {
  const de = { type: 'field', field: 'country', op: 'equals', value: 'DE' } as const;
  const mailable = { type: 'field', field: 'emailOptOut', op: 'isFalse' } as const;
  const quiet = { type: 'fact', fact: 'lastActivity', op: 'olderThanDays', days: 90 } as const;
  return [
    { name: 'country = DE, not opted out, no activity for 90 days', rule: and(de, mailable, quiet) },
    {
      name: 'country in (DE, FR), owner in 2 reps, won an opportunity in 12 months',
      rule: and({ type: 'field', field: 'country', op: 'in', values: ['DE', 'FR'] }, { type: 'field', field: 'owner', op: 'in', values: ownerIds.slice(0, 2) }, { type: 'fact', fact: 'wonOpportunity', withinMonths: 12 }),
    },
    {
      name: 'title contains "manager", created within 365 days, account industry Software',
      rule: and({ type: 'field', field: 'title', op: 'contains', value: 'manager' }, { type: 'field', field: 'createdAt', op: 'withinLastDays', days: 365 }, { type: 'field', field: 'accountIndustry', op: 'equals', value: 'Software' }),
    },
    {
      name: '(DE or open pipeline > 50,000 EUR) and not opted out',
      rule: {
        entity: 'contact',
        root: { type: 'group', op: 'and', items: [{ type: 'group', op: 'or', items: [de, { type: 'fact', fact: 'openPipeline', op: 'gt', amountMinor: 5_000_000, currency: 'EUR' }] }, mailable] },
      },
    },
    { name: 'country = DE, not opted out, no activity for 90 days + channel counts', rule: and(de, mailable, quiet), channels: true },
  ];
}

export async function measureSegments(dir: string, contacts: number, runs: number, log: (line: string) => void): Promise<SegmentBench> {
  const path = join(dir, `segments-${contacts}c.sqlite`);
  const { host, seededSeconds } = await prepare(path, contacts, log);
  try {
    const db = sqliteHandle(host.dataSource);
    const owners = db.prepare(`SELECT id FROM users WHERE role = 'sales_rep' ORDER BY id LIMIT 2`).pluck().all() as number[];
    const now = new Date().toISOString();
    const cases: SegmentCase[] = [];
    for (const c of segmentRules(owners)) {
      log(`Segment count: ${c.name} (${runs} runs)…`);
      const where = compileSegment(c.rule, now);
      const sql = `SELECT COUNT(*) FROM ${fromClause(c.rule.entity)} WHERE ${where.sql}`;
      const statement = db.prepare(sql).pluck();
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...where.params) as { detail: string }[]).map((r) => r.detail);
      let total = 0;
      const call = async () => {
        const result = await host.dispatch('segments.count', { rule: c.rule, channels: c.channels ?? false }, host.session);
        if (!result.ok) throw new Error(`segments.count failed: ${result.error.message}`);
        total = (result.data as { total: number }).total;
      };
      const dispatch = await timeRuns(runs, call);
      const countOnly = await timeRuns(runs, () => statement.get(...where.params));
      cases.push({ name: c.name, total, dispatch, countOnly, plan });
    }
    return { contacts: db.prepare(`SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL`).pluck().get() as number, seededSeconds, cases };
  } finally {
    await host.close();
  }
}

export function formatSegmentTable(r: SegmentBench): string {
  const ms = (s: Summary) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`;
  const lines = [`Segment counts over ${r.contacts.toLocaleString('en')} contacts (ms p50 / p95; goal ≤ 200 ms)`];
  const width = Math.max(...r.cases.map((c) => c.name.length));
  lines.push(`${'case'.padEnd(width)}  ${'matches'.padStart(9)}  ${'segments.count'.padStart(15)}  ${'COUNT only'.padStart(15)}`);
  for (const c of r.cases) lines.push(`${c.name.padEnd(width)}  ${c.total.toLocaleString('en').padStart(9)}  ${ms(c.dispatch).padStart(15)}  ${ms(c.countOnly).padStart(15)}`);
  for (const c of r.cases) lines.push(`  plan of "${c.name}":\n    ${c.plan.join('\n    ')}`);
  return lines.join('\n');
}

// Standalone: `npx tsx test/bench/segment-cases.ts [contacts] [runs]` (default 1,000,000 contacts, 20 runs).
if (process.argv[1]?.endsWith('segment-cases.ts')) {
  const contacts = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 20);
  measureSegments(resolve(__dirname, '../../bench-results'), contacts, runs, (line) => console.log(line)).then(
    (r) => console.log(formatSegmentTable(r)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
