import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openHost, type Host } from '../../electron/main/host/host';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { MoveSession } from '../../electron/main/domain/territories/engine/move-session';
import { openWorkerConnection } from '../../electron/main/workers/worker-connection';
import { seedDatabase } from '../../electron/main/seed/seed-database';
import { seedSales } from '../../electron/main/seed/seed-sales';
import { summarize, type Summary } from './stats';

export interface TerritoryCase {
  name: string;
  detail: string;
  ms: Summary;
  /** Main-thread event-loop delay while the case ran (ms). */
  loopDelay?: { p50: number; p99: number; max: number };
}

async function ok<T>(host: Host, method: string, input: unknown): Promise<T> {
  const result = await host.dispatch(method, input, host.session);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.data as T;
}

const COUNTRIES = ['DE', 'FR', 'ES', 'IT', 'PL', 'SE', 'GB', 'US', 'TR', 'GR'];

/** An office of `accounts` accounts (as many contacts, a fifth as many opportunities) in a file of its own, kept for reuse. */
async function prepare(dir: string, accounts: number, log: (line: string) => void): Promise<Host> {
  const path = join(dir, `territories-${accounts}a.sqlite`);
  const fresh = !existsSync(path);
  const host = await openHost({ database: path, log: () => undefined });
  if (fresh) {
    log(`Seeding ${accounts} accounts, ${accounts} contacts and ${accounts / 5} opportunities for the territory bench…`);
    seedDatabase(host.dataSource, { accounts, contacts: accounts, seed: 5 });
    seedSales(host.dataSource, { opportunities: accounts / 5, leads: accounts / 5, activities: 0 });
  }
  return host;
}

/** The engine alone on a connection of its own, as the worker runs it: preview, apply of its plan, undo, without dispatch or messages. */
function measureInProcess(host: Host, out: TerritoryCase[]): void {
  const { userId } = host.session;
  const db = openWorkerConnection(new Database(host.dataSource.options.database as string));
  try {
    const session = new MoveSession(db);
    const by = () => ({ userId, now: new Date().toISOString() });
    const timed = <T>(name: string, detail: string, work: () => T): T => {
      const start = performance.now();
      const result = work();
      out.push({ name, detail, ms: summarize([performance.now() - start]) });
      return result;
    };
    const plan = { kind: 'realignment' } as const;
    const preview = timed('in-process preview', 'MoveSession on its own connection', () => session.preview(plan));
    const applied = timed('in-process apply', `${preview.total.toLocaleString('en')} moves, the preview's plan`, () => session.apply(plan, preview.previewToken, by()));
    // The worker checkpoints after it has answered; here it is done untimed, between the cases.
    db.pragma('wal_checkpoint(PASSIVE)');
    timed('in-process undo', 'same connection', () => session.undo(applied.batchId, by()));
    db.pragma('wal_checkpoint(PASSIVE)');
    const replanned = timed('in-process apply, no preview token', 'plans again, then moves', () => session.apply(plan, undefined, by()));
    db.pragma('wal_checkpoint(PASSIVE)');
    session.undo(replanned.batchId, by());
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
}

/** Ten reps, a tree per region (EMEA > country, Americas) with round-robin and least-loaded territories. */
async function configure(host: Host): Promise<number[]> {
  const db = sqliteHandle(host.dataSource);
  db.exec(`DELETE FROM territory_members; DELETE FROM territory_rules; UPDATE accounts SET territory_id = NULL; UPDATE leads SET territory_id = NULL; UPDATE territories SET parent_id = NULL; DELETE FROM territories;`);
  const reps = db.prepare(`SELECT id FROM users WHERE active = 1 AND role = 'sales_rep' ORDER BY id LIMIT 10`).pluck().all() as number[];
  const emea = await ok<{ id: number }>(host, 'territories.save', { name: 'EMEA', rules: [{ field: 'country', values: COUNTRIES.filter((c) => c !== 'US') }], memberIds: reps.slice(0, 2) });
  for (const [i, country] of COUNTRIES.filter((c) => c !== 'US').entries()) {
    await ok(host, 'territories.save', {
      name: `EMEA ${country}`,
      parentId: emea.id,
      method: i % 2 ? 'least_loaded' : 'round_robin',
      rules: [{ field: 'country', values: [country] }],
      memberIds: [reps[i % reps.length]!, reps[(i + 3) % reps.length]!],
    });
  }
  await ok(host, 'territories.save', { name: 'Americas', rules: [{ field: 'country', values: ['US'] }], memberIds: reps.slice(5) });
  return reps;
}

/**
 * Issue #5's figures: realignment preview and apply over 100k accounts (with
 * their contacts and open opportunities following) — apply with the
 * preview's token, as the app does, and without one (plans again) — the main
 * thread's event-loop delay while the worker applies, undo, the same engine
 * in-process without dispatch, what assignment adds to creating one record,
 * and the rule editor's count.
 */
export async function measureTerritories(dir: string, accounts: number, log: (line: string) => void): Promise<TerritoryCase[]> {
  const host = await prepare(dir, accounts, log);
  const out: TerritoryCase[] = [];
  try {
    const reps = await configure(host);
    const time = async <T>(name: string, detail: string, work: () => Promise<T>, watchLoop = false) => {
      const loop = monitorEventLoopDelay({ resolution: 5 });
      if (watchLoop) loop.enable();
      const start = performance.now();
      const result = await work();
      const ms = performance.now() - start;
      loop.disable();
      out.push({
        name,
        detail,
        ms: summarize([ms]),
        ...(watchLoop ? { loopDelay: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 } } : {}),
      });
      return result;
    };
    log('Measuring realignment preview…');
    // The first job starts the assignment worker: the preview pays for it, as it does in the app.
    const preview = await time('realignment preview', `${accounts.toLocaleString('en')} accounts (starts the worker)`, () => ok<{ total: number; previewToken: string }>(host, 'assignment.preview', { kind: 'realignment' }), true);
    log(`Applying ${preview.total.toLocaleString('en')} moves…`);
    // A timer keeps the main loop busy with small work, as a window would, so the delay figure means something.
    const ticker = setInterval(() => undefined, 1);
    const applied = await time(
      'realignment apply',
      `${preview.total.toLocaleString('en')} moves (accounts, leads, contacts and opportunities following), the preview's plan`,
      () => ok<{ batch: { id: number } }>(host, 'assignment.apply', { kind: 'realignment', previewToken: preview.previewToken }),
      true,
    );
    clearInterval(ticker);
    await time('preview after apply', 'nothing left to move', () => ok(host, 'assignment.preview', { kind: 'realignment' }));
    await time('undo', `restores ${preview.total.toLocaleString('en')} owners`, () => ok(host, 'assignment.undo', { batchId: applied.batch.id }), true);
    const replanned = await time('realignment apply, no preview token', 'plans again, then moves', () => ok<{ batch: { id: number } }>(host, 'assignment.apply', { kind: 'realignment' }), true);
    await ok(host, 'assignment.undo', { batchId: replanned.batch.id });
    measureInProcess(host, out);
    // Contacts without an account need somewhere to go when their rep leaves: the queue owner.
    await ok(host, 'assignment.saveSettings', { queueOwnerId: reps[reps.length - 1]!, assignOnCreate: true });
    await time('rep leaves preview', 'one rep, by the rules', () => ok(host, 'assignment.preview', { kind: 'rep_leaves', userId: reps[0]!, toUserId: null, deactivate: false }));

    // Creating one account: with the rules on, and with assignment switched off, the same SQL otherwise.
    const create = async (n: number) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        await ok(host, 'accounts.create', { name: `Bench ${i}`, billingAddress: { country: COUNTRIES[i % COUNTRIES.length] } });
        samples.push(performance.now() - start);
      }
      return summarize(samples);
    };
    log('Measuring accounts.create with and without assignment…');
    await create(20);
    const withRules = await create(200);
    await ok(host, 'assignment.saveSettings', { queueOwnerId: reps[reps.length - 1]!, assignOnCreate: false });
    const without = await create(200);
    await ok(host, 'assignment.saveSettings', { queueOwnerId: null, assignOnCreate: true });
    out.push({ name: 'accounts.create, assigned', detail: `${withRules.runs} creates through dispatch`, ms: withRules });
    out.push({ name: 'accounts.create, not assigned', detail: `difference = assignment overhead per record`, ms: without });
    // An import assigns its rows in its own transaction with the rules read once: assignment.run does the same for 1,000.
    const ids = sqliteHandle(host.dataSource).prepare(`SELECT id FROM accounts WHERE deleted_at IS NULL ORDER BY id LIMIT 1000`).pluck().all() as number[];
    await time('assign 1,000 records in one call', 'per row = this ÷ 1,000 (the import path)', () => ok(host, 'assignment.run', { entity: 'account', ids }));
    const rule = { rules: [{ field: 'country', values: ['DE'] }] };
    const count = await time('countMatches, first after a change', 'reads every record in the worker', () => ok<{ accounts: number }>(host, 'territories.countMatches', rule), true);
    await time('countMatches, next keystroke', `country DE: ${count.accounts.toLocaleString('en')} accounts; records kept while nothing changes`, () => ok(host, 'territories.countMatches', rule), true);
    return out;
  } finally {
    await host.close();
  }
}

export function formatTerritoryTable(cases: readonly TerritoryCase[]): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const rows = cases.map((c) => [
    c.name,
    c.ms.runs > 1 ? `${ms(c.ms.p50)} / ${ms(c.ms.p95)}` : ms(c.ms.p50),
    c.loopDelay ? `${ms(c.loopDelay.p50)} / ${ms(c.loopDelay.p99)} / ${ms(c.loopDelay.max)}` : '',
    c.detail,
  ]);
  const head = ['case', 'ms (p50 / p95)', 'event-loop delay p50/p99/max ms', 'what'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
