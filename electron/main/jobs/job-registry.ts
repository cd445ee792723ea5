import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { JobKind } from '../../../shared/contract/jobs';
import type { BackoffPolicy } from './backoff';
import type { ExternalEffect, ExternalOutcome, OnceOutcome } from './effects';

/** What a handler knows about the job it runs. */
export interface JobInfo {
  id: number;
  kind: string;
  group: string | null;
  /** 1 on the first run; counts claims, so a run cut short by a crash counts too. */
  attempt: number;
  maxAttempts: number;
  /** The runner (app instance) running it. */
  runnerId: string;
}

export interface JobContext<P> {
  job: JobInfo;
  /** The payload, validated by the kind's schema. */
  payload: P;
  /** The injected clock, as an ISO-8601 UTC string. */
  now(): string;
  /**
   * Aborted when this runner no longer holds the job: it was paused or cancelled,
   * its lease passed to another runner, or the app is closing. A long handler checks it
   * between steps; every `transaction`/`once` call refuses anyway once it is lost.
   */
  signal: AbortSignal;
  /**
   * A write transaction (through the main process's write queue) that first
   * checks and extends this runner's lease: a runner that lost the job writes
   * nothing (it throws LeaseLostError).
   */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /**
   * Does a database effect exactly once for `key`: the key and the effect's own
   * writes commit together in one lease-checked transaction; a key already
   * recorded skips the effect. E.g. `once('campaign-step:7:contact:42', em => …)`.
   */
  once<T>(key: string, effect: (em: EntityManager) => Promise<T>): Promise<OnceOutcome<T>>;
  /** An effect outside the database (an SMTP send) under `key`; see effects.ts for what "once" can mean there. */
  onceExternal<R>(key: string, effect: ExternalEffect<R>): Promise<ExternalOutcome<R>>;
}

export interface JobHandler<S extends z.ZodType = z.ZodType> {
  /** Checked when the job is enqueued and again before it runs (an older payload may no longer fit). */
  payload: S;
  /** Throw to fail the attempt: JobError decides whether and when it is retried; other errors are retried with backoff. */
  run(ctx: JobContext<z.output<S>>): Promise<void>;
  /** How many attempts a job of this kind gets unless enqueued with its own (default 5). */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
}

/**
 * The kinds this process can run, by name. A runner claims only jobs whose kind
 * it knows, so an older app on the same database leaves newer kinds alone.
 */
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register<S extends z.ZodType>(kind: string, handler: JobHandler<S>): void {
    JobKind.parse(kind);
    if (this.handlers.has(kind)) throw new Error(`The job kind ${kind} is registered twice.`);
    this.handlers.set(kind, handler as unknown as JobHandler);
  }

  get(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.handlers.keys()].sort();
  }
}

/** `registerJobHandler(registry, 'campaign.step', { payload, run })`: the same as `registry.register`. */
export function registerJobHandler<S extends z.ZodType>(registry: JobRegistry, kind: string, handler: JobHandler<S>): void {
  registry.register(kind, handler);
}

/**
 * A failure whose retry the handler decides: `retry: false` fails the job for
 * good (an administrator can still retry it); `retryAfterMs` replaces the backoff.
 */
export class JobError extends Error {
  readonly retry: boolean;
  readonly retryAfterMs: number | null;

  constructor(message: string, options: { retry?: boolean; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'JobError';
    this.retry = options.retry ?? true;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/**
 * Not now: the job goes back to the queue for `until` (ISO UTC) without using an attempt — quiet hours, a
 * throttle, an A/B test still deciding. Not a failure: nothing is logged and its last error stays as it was.
 */
export class JobDeferred extends Error {
  constructor(
    readonly until: string,
    readonly reason: string,
  ) {
    super(`Deferred until ${until}: ${reason}`);
    this.name = 'JobDeferred';
  }
}

/** This runner no longer holds the job (paused, cancelled, or taken over after its lease ran out): stop, write nothing. */
export class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`Job ${jobId} is no longer held by this runner (paused, cancelled, or taken over after its lease ran out).`);
    this.name = 'LeaseLostError';
  }
}
