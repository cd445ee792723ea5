import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import type { JobGroupCounts } from '../../../shared/contract/jobs';
import { CrmError } from '../../../shared/errors';
import { sqliteHandle } from '../db/sqlite-handle';
import { once, onceExternal, type EffectEnv } from './effects';
import { JobDeferred, JobError, LeaseLostError, type JobContext, type JobRegistry } from './job-registry';
import { JobStore, errorText, type ClaimedJob } from './job-store';

/** setTimeout/clearTimeout, injectable so a test decides when a poll or a lease renewal "goes off". */
export interface JobTimer {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realJobTimer: JobTimer = {
  set: (fire, ms) => {
    const t = setTimeout(fire, ms);
    t.unref?.();
    return t;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * How the runner writes. In the main process this is the WriteQueue: the one
 * SQLite connection is shared with every dispatched call and with the import
 * worker's hold on the database, so the runner's transactions queue behind them
 * like any other write instead of interleaving across an await (or blocking the
 * main thread on a lock a worker holds). A standalone runner (a child process, the
 * bench) gives its own queue.
 */
export interface RunnerWrites {
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export interface JobRunnerOptions {
  dataSource: DataSource;
  writes: RunnerWrites;
  registry: JobRegistry;
  store: JobStore;
  /** The injected clock: run times, leases and backoff are all read from it. */
  now: () => Date;
  /** A group's counts after its jobs moved on (throttled per group to one per `progressMs`, and once when the runner goes idle). */
  onProgress?: (counts: JobGroupCounts) => void;
  log?: (message: string, error: unknown) => void;
  timer?: JobTimer;
  /** Unique per process; defaults to host/pid/random. */
  runnerId?: string;
  /** How often an idle runner looks for due jobs (a read; default 2 s). */
  pollMs?: number;
  /** Delay of the first look after start (default pollMs: a short CLI call closes before it). */
  startDelayMs?: number;
  /** How long a claim holds a job without renewal (default 60 s); renewed every third of it while the job runs. */
  leaseMs?: number;
  progressMs?: number;
}

function defaultRunnerId(): string {
  return `${hostname().slice(0, 60)}/${process.pid}/${randomUUID().slice(0, 8)}`;
}

/** Failures worth trying again by themselves: not a refusal the same input would meet again. */
function isRetryable(error: unknown): boolean {
  if (error instanceof JobError) return error.retry;
  if (error instanceof CrmError) return error.code === 'internal';
  return true;
}

/**
 * Claims due jobs one at a time under a lease and runs them. Idle, it looks every
 * `pollMs` with a read (no write lock). Each job's lease is renewed while it runs and
 * checked (the fence) at the start of every transaction the handler makes, so a job
 * that was paused, cancelled, or taken over by another runner after its lease ran out
 * stops writing at its next step.
 */
export class JobRunner {
  readonly id: string;
  private readonly timer: JobTimer;
  private readonly pollMs: number;
  private readonly startDelayMs: number;
  private readonly leaseMs: number;
  private readonly progressMs: number;
  private started = false;
  private stopped = false;
  private handle: unknown = null;
  private draining: Promise<number> | null = null;
  private wakeRequested = false;
  private current: { job: ClaimedJob; controller: AbortController } | null = null;
  private readonly dirty = new Set<string>();
  private readonly lastProgress = new Map<string, number>();

  constructor(private readonly options: JobRunnerOptions) {
    this.id = options.runnerId ?? defaultRunnerId();
    this.timer = options.timer ?? realJobTimer;
    this.pollMs = options.pollMs ?? 2_000;
    this.startDelayMs = options.startDelayMs ?? this.pollMs;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.progressMs = options.progressMs ?? 500;
  }

  get leaseDurationMs(): number {
    return this.leaseMs;
  }

  /** Whether a poll timer is armed (diagnostics and tests: none is left once stopped). */
  get polling(): boolean {
    return this.handle !== null;
  }

  /** The job running now, if any (diagnostics and tests). */
  get runningJobId(): number | null {
    return this.current?.job.id ?? null;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.arm(this.startDelayMs);
  }

  /** Something was enqueued or resumed: look now rather than at the next poll. */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.draining) this.wakeRequested = true;
    else this.arm(0);
  }

  /**
   * Stops polling at once. A job in flight is aborted (its signal) and handed back to
   * the queue right away when the connection is free, else left to its lease; the
   * returned promise settles when its handler has returned.
   */
  stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    const current = this.current;
    if (current) {
      this.release(current.job);
      current.controller.abort(new LeaseLostError(current.job.id));
    }
    return (this.draining ?? Promise.resolve(0)).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Runs due jobs one after another until none is due; how many ran. Polls call it; tests call it directly. */
  runUntilIdle(): Promise<number> {
    if (this.draining) return this.draining;
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private iso(): string {
    return this.options.now().toISOString();
  }

  private async drain(): Promise<number> {
    const { writes, store, dataSource, registry } = this.options;
    const kinds = registry.kinds();
    let ran = 0;
    let next: ClaimedJob | null = null;
    while (!this.stopped) {
      let job = next;
      if (!job) {
        const due = await writes.exclusive(() => store.hasDue(dataSource, kinds));
        if (!due || this.stopped) break;
        job = await writes.run((em) => store.claim(em, this.id, kinds, this.leaseMs));
        if (!job) break;
      }
      ran++;
      next = await this.execute(job, kinds);
      await this.flushProgress(false);
    }
    // Claimed together with the last completion just as the runner was stopped: hand it back.
    if (next && this.stopped) this.release(next);
    await this.flushProgress(true);
    return ran;
  }

  private fenced<T>(job: ClaimedJob, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.options.writes.run(async (em) => {
      if (!(await this.options.store.renew(em, job.id, this.id, this.leaseMs))) throw new LeaseLostError(job.id);
      return work(em);
    });
  }

  /**
   * Runs one job. A job that succeeds is completed in the same transaction that claims the
   * next one (one commit per job instead of two: the commit is most of the scheduler's cost);
   * that next job is returned.
   */
  private async execute(job: ClaimedJob, kinds: string[]): Promise<ClaimedJob | null> {
    const { registry, writes, store } = this.options;
    const handler = registry.get(job.kind)!;
    const controller = new AbortController();
    this.current = { job, controller };
    const stopHeartbeat = this.heartbeat(job, controller);
    const env: EffectEnv = {
      jobId: job.id,
      now: () => this.iso(),
      fenced: (work) => this.fenced(job, work),
      record: (work) => writes.run(work),
    };
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(job.payload);
      } catch {
        throw new JobError('The stored payload is not JSON.', { retry: false });
      }
      const parsed = handler.payload.safeParse(raw);
      if (!parsed.success) throw new JobError(`The payload no longer fits ${job.kind}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { retry: false });
      const ctx: JobContext<unknown> = {
        job: { id: job.id, kind: job.kind, group: job.group, attempt: job.attempts, maxAttempts: job.maxAttempts, runnerId: this.id },
        payload: parsed.data,
        now: () => this.iso(),
        signal: controller.signal,
        transaction: (work) => this.fenced(job, work),
        once: (key, effect) => this.fenced(job, (em) => once(em, key, job.id, this.iso(), effect)),
        onceExternal: (key, effect) => onceExternal(env, key, effect),
      };
      await handler.run(ctx);
      if (this.stopped) return null;
      return await writes.run(async (em) => {
        await store.complete(em, job.id, this.id);
        return this.stopped ? null : store.claim(em, this.id, kinds, this.leaseMs);
      });
    } catch (error) {
      if (this.stopped || error instanceof LeaseLostError) return null;
      if (error instanceof JobDeferred) {
        await writes.run((em) => store.defer(em, job.id, this.id, error.until));
        return null;
      }
      const outcome = await writes.run((em) =>
        store.fail(em, job, this.id, errorText(error), {
          retryable: isRetryable(error),
          retryAfterMs: error instanceof JobError ? error.retryAfterMs : null,
          backoff: handler.backoff,
        }),
      );
      if (outcome === 'failed') this.options.log?.(`Background job ${job.id} (${job.kind}) failed`, error);
      return null;
    } finally {
      stopHeartbeat();
      this.current = null;
      if (job.group) this.dirty.add(job.group);
    }
  }

  /** Renews the lease every third of its length while the job runs; a renewal that finds the job gone aborts it. */
  private heartbeat(job: ClaimedJob, controller: AbortController): () => void {
    let handle: unknown = null;
    let ended = false;
    const beat = () => {
      handle = null;
      if (ended || this.stopped) return;
      this.options.writes
        .run((em) => this.options.store.renew(em, job.id, this.id, this.leaseMs))
        .then(
          (held) => {
            if (!held) controller.abort(new LeaseLostError(job.id));
            else if (!ended) handle = this.timer.set(beat, this.leaseMs / 3);
          },
          (error: unknown) => {
            if (ended || this.stopped) return;
            this.options.log?.(`Renewing the lease of job ${job.id} failed`, error);
            handle = this.timer.set(beat, this.leaseMs / 3);
          },
        );
    };
    handle = this.timer.set(beat, this.leaseMs / 3);
    return () => {
      ended = true;
      if (handle !== null) this.timer.clear(handle);
    };
  }

  /**
   * Hands the job back synchronously when closing (the host destroys the connection right
   * after): only when no transaction is open on it, else the lease simply runs out.
   */
  private release(job: ClaimedJob): void {
    const { dataSource } = this.options;
    try {
      if (!dataSource.isInitialized || dataSource.options.type !== 'better-sqlite3') return;
      const db = sqliteHandle(dataSource);
      if (!db.open || db.inTransaction) return;
      db.prepare(JobStore.releaseSql).run(this.iso(), job.id, this.id);
    } catch (error) {
      this.options.log?.(`Handing back job ${job.id} failed; it runs again once its lease has passed`, error);
    }
  }

  private async flushProgress(all: boolean): Promise<void> {
    const { onProgress, writes, store, dataSource } = this.options;
    if (!onProgress || this.dirty.size === 0 || this.stopped) return;
    const nowMs = this.options.now().getTime();
    for (const group of [...this.dirty]) {
      if (!all && nowMs - (this.lastProgress.get(group) ?? -Infinity) < this.progressMs) continue;
      this.dirty.delete(group);
      this.lastProgress.set(group, nowMs);
      onProgress(await writes.exclusive(() => store.counts(dataSource, group)));
    }
  }

  private arm(ms: number): void {
    this.disarm();
    this.handle = this.timer.set(() => {
      this.handle = null;
      void this.tick();
    }, ms);
  }

  private disarm(): void {
    if (this.handle !== null) this.timer.clear(this.handle);
    this.handle = null;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.wakeRequested = false;
    try {
      await this.runUntilIdle();
    } catch (error) {
      // The database is busy or closing: look again at the next poll rather than crash the main process.
      if (!this.stopped) this.options.log?.('Running background jobs failed', error);
    }
    if (!this.stopped) this.arm(this.wakeRequested ? 0 : this.pollMs);
  }
}
