import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../electron/main/db/open-database';
import { WriteQueue } from '../../electron/main/db/write-queue';
import { JobRegistry } from '../../electron/main/jobs/job-registry';
import { JobRunner, type JobRunnerOptions, type JobTimer } from '../../electron/main/jobs/job-runner';
import { JobStore, type EnqueueInput } from '../../electron/main/jobs/job-store';
import type { JobGroupCounts } from '../../shared/contract/jobs';
import { manualClock, tempDir } from './temp-host';

/** A timer that only goes off when the test says so. */
export function manualTimer() {
  let next = 0;
  const pending = new Map<number, { fire: () => void; ms: number }>();
  const timer: JobTimer = {
    set: (fire, ms) => {
      pending.set(++next, { fire, ms });
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timer,
    /** Delays of the timers armed now. */
    armed: () => [...pending.values()].map((p) => p.ms),
    /** Fires every armed timer (those they arm go off next time). */
    fireAll: () => {
      const due = [...pending.entries()];
      for (const [id] of due) pending.delete(id);
      for (const [, p] of due) p.fire();
      return due.length;
    },
  };
}

export interface JobsFixture {
  file: string;
  dataSource: DataSource;
  writes: WriteQueue;
  registry: JobRegistry;
  store: JobStore;
  clock: ReturnType<typeof manualClock>;
  timer: ReturnType<typeof manualTimer>;
  progress: JobGroupCounts[];
  runner(options?: Partial<JobRunnerOptions>): JobRunner;
  enqueue(input: EnqueueInput): Promise<number>;
  /** Rows of a table, as SQLite has them. */
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A migrated SQLite file with a job store and runners on a manual clock and manual timers (no host). */
export async function jobsFixture(file = join(tempDir('crm-jobs-'), 'crm.sqlite')): Promise<JobsFixture> {
  const { dataSource } = await openDatabase({ database: file });
  const clock = manualClock();
  const timer = manualTimer();
  const registry = new JobRegistry();
  const store = new JobStore(registry, () => clock.now().toISOString());
  const writes = new WriteQueue(dataSource);
  const progress: JobGroupCounts[] = [];
  const runners: JobRunner[] = [];
  return {
    file,
    dataSource,
    writes,
    registry,
    store,
    clock,
    timer,
    progress,
    runner: (options = {}) => {
      const runner = new JobRunner({
        dataSource,
        writes,
        registry,
        store,
        now: clock.now,
        timer: timer.timer,
        onProgress: (c) => progress.push(c),
        ...options,
      });
      runners.push(runner);
      return runner;
    },
    enqueue: async (input) => (await writes.run((em) => store.enqueue(em, input))).id,
    rows: (sql, params = []) => dataSource.query(sql, params),
    close: async () => {
      for (const r of runners) await r.stop();
      await dataSource.destroy();
    },
  };
}
