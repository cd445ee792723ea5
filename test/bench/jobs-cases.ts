import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '../../electron/main/db/open-database';
import { WriteQueue } from '../../electron/main/db/write-queue';
import { JobRegistry } from '../../electron/main/jobs/job-registry';
import { JobRunner } from '../../electron/main/jobs/job-runner';
import { JobStore } from '../../electron/main/jobs/job-store';

export interface JobsBenchResult {
  jobs: number;
  /** One enqueue per write transaction, as a service enqueues alongside its own change. */
  enqueueEachUs: number;
  /** All of them in one transaction, as a campaign step enqueues its recipients. */
  enqueueBulkUs: number;
  /** Claim (sweep + UPDATE … RETURNING) + run a no-op + complete, one job after another, each step its own transaction. */
  runNoopUs: number;
  /** The same with one `once()` effect per job (an extra lease-checked transaction writing the ledger). */
  runOnceUs: number;
  jobsPerSecond: number;
}

/**
 * Issue #7's figure: what the scheduler itself costs per job, on a fresh SQLite file
 * (WAL, synchronous=NORMAL) through the same write queue the app uses.
 */
export async function measureJobs(count: number, log: (line: string) => void): Promise<JobsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-jobs-bench-'));
  const { dataSource } = await openDatabase({ database: join(dir, 'jobs.sqlite') });
  try {
    const registry = new JobRegistry();
    const Payload = z.object({ n: z.number().int() }).strict();
    registry.register('bench.noop', { payload: Payload, run: async () => undefined });
    registry.register('bench.once', { payload: Payload, run: async (ctx) => void (await ctx.once(`bench:${ctx.payload.n}`, async () => undefined)) });
    const now = () => new Date();
    const store = new JobStore(registry, () => now().toISOString());
    const writes = new WriteQueue(dataSource);
    const runner = new JobRunner({ dataSource, writes, registry, store, now, runnerId: 'bench' });

    log(`Jobs: enqueueing ${count.toLocaleString('en')} no-op jobs one transaction each…`);
    let start = performance.now();
    for (let n = 0; n < count; n++) await writes.run((em) => store.enqueue(em, { kind: 'bench.noop', payload: { n } }));
    const enqueueEach = performance.now() - start;

    log('Jobs: running them (claim, run, complete)…');
    start = performance.now();
    const ran = await runner.runUntilIdle();
    const runNoop = performance.now() - start;
    if (ran !== count) throw new Error(`ran ${ran} of ${count} jobs`);

    log(`Jobs: enqueueing ${count.toLocaleString('en')} jobs with an effect in one transaction, then running them…`);
    start = performance.now();
    await writes.run(async (em) => {
      for (let n = 0; n < count; n++) await store.enqueue(em, { kind: 'bench.once', payload: { n }, group: 'campaign:1', dedupeKey: `bench:${n}` });
    });
    const enqueueBulk = performance.now() - start;
    start = performance.now();
    const ranOnce = await runner.runUntilIdle();
    const runOnce = performance.now() - start;
    if (ranOnce !== count) throw new Error(`ran ${ranOnce} of ${count} jobs with an effect`);
    await runner.stop();

    const us = (ms: number) => (ms * 1000) / count;
    return {
      jobs: count,
      enqueueEachUs: us(enqueueEach),
      enqueueBulkUs: us(enqueueBulk),
      runNoopUs: us(runNoop),
      runOnceUs: us(runOnce),
      jobsPerSecond: count / ((enqueueEach + runNoop) / 1000),
    };
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatJobsTable(r: JobsBenchResult): string {
  const f = (x: number) => `${Math.round(x).toLocaleString('en')} µs`;
  return [
    `scheduler overhead per job (${r.jobs.toLocaleString('en')} jobs): enqueue ${f(r.enqueueEachUs)} (own transaction) / ${f(r.enqueueBulkUs)} (bulk);`,
    `  claim + no-op + complete ${f(r.runNoopUs)}; with one once() effect ${f(r.runOnceUs)}; enqueue + run ≈ ${Math.round(r.jobsPerSecond).toLocaleString('en')} jobs/s`,
  ].join('\n');
}

// Standalone: `npx tsx test/bench/jobs-cases.ts [count]` (default 10,000).
if (process.argv[1]?.endsWith('jobs-cases.ts')) {
  measureJobs(Number(process.argv[2] ?? 10_000), (line) => console.log(line)).then(
    (r) => {
      console.log(formatJobsTable(r));
      console.log(JSON.stringify(r));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
