/**
 * The durable scheduler (issue #7). Decisions:
 *
 * - **Writes go through the WriteQueue.** The main process has one SQLite connection; a
 *   transaction held across an await must not interleave with a dispatched call's, and while
 *   the import or territory worker writes through its own connection the queue is held
 *   (`exclusive`), so a runner write from the main connection would block the main thread on
 *   SQLite's lock for up to the busy timeout. So every runner transaction (claim, lease check,
 *   once(), complete, fail) is queued like any other write. The idle poll is a read, inside
 *   `exclusive` only so that a wake-up after a commit is ordered after it: an idle runner never
 *   takes the write lock, and never competes with another desktop's writer.
 * - **No network inside a transaction.** An SMTP send happens between two short commits
 *   (effects.ts), so the queue is never held for the seconds a mail server takes.
 * - **Every runner transaction starts with a write** (the lease check is an UPDATE), so a
 *   deferred SQLite transaction never has to upgrade a read snapshot another app instance has
 *   outdated meanwhile (that fails at once, without the busy timeout).
 * - **Claiming** is one `UPDATE … WHERE id = (SELECT … ORDER BY run_at, id LIMIT 1) RETURNING`:
 *   atomic under SQLite's single writer, so two instances never claim the same job (on
 *   PostgreSQL the subquery takes `FOR UPDATE SKIP LOCKED`). A job whose lease ran out is put
 *   back in the queue first (its runner died), or failed when that was its last attempt.
 *   Completing a job and claiming the next share one transaction: one commit per job.
 * - **The lease** (60 s, renewed every 20 s while the job runs) is checked at the start of every
 *   transaction the handler makes, so a job paused, cancelled or taken over writes nothing more;
 *   pause and cancel therefore take effect between two steps, never halfway through one.
 * - **Exactly once** comes from the effects ledger, not from the lease: see effects.ts.
 * - **Retries** back off 30 s × 2ⁿ up to an hour, without jitter (one office's few runners need
 *   no spreading, and tests and docs can state the schedule). A refusal (CrmError other than
 *   'internal', JobError with retry: false, a payload that no longer fits) fails at once.
 */
import type { DataSource } from 'typeorm';
import type { jobsContract } from '../../../shared/contract/jobs';
import { AppSettingsStore } from '../domain/settings/app-settings.store';
import { requireRole } from '../domain/users/require-role';
import type { WriteQueue } from '../db/write-queue';
import type { EventBus } from '../host/event-bus';
import type { ModuleHandlers } from '../host/handler-types';
import type { Services } from '../host/services';
import { createMailSender } from '../mail/mail-sender';
import type { SecretCipher } from '../mail/secret-cipher';
import { JobRegistry } from './job-registry';
import { JobRunner, type JobRunnerOptions } from './job-runner';
import { JobStore } from './job-store';
import { MAIL_SEND, mailSendJob } from './kinds/mail-send.job';

export interface JobsServices {
  /** The connection the store and the runner read through. */
  dataSource: DataSource;
  registry: JobRegistry;
  store: JobStore;
  /** This process's runner once the host has started it (background.ts); null in between and after close. */
  runner: JobRunner | null;
}

export interface JobsServicesOptions {
  /** Protects the SMTP password: the mail.send kind sends with the stored settings. */
  cipher: SecretCipher;
}

/** The registry with the built-in kinds, and the store. Other modules register their kinds on `registry` (campaigns: 'campaign.step'). */
export function createJobsServices(dataSource: DataSource, now: () => string, options: JobsServicesOptions): JobsServices {
  const registry = new JobRegistry();
  const settings = new AppSettingsStore(dataSource);
  registry.register(MAIL_SEND, mailSendJob({ sender: createMailSender({ store: settings, cipher: options.cipher }), settings }));
  return { dataSource, registry, store: new JobStore(registry, now), runner: null };
}

/**
 * Starts this process's runner (one per app instance). Its writes go through the
 * write queue — see RunnerWrites in job-runner.ts for why — and progress goes to
 * the renderer as `jobs.progress` events.
 */
export function startJobRunner(
  jobs: JobsServices,
  writes: WriteQueue,
  events: EventBus,
  now: () => Date,
  log: (message: string, error: unknown) => void,
  options: Partial<Pick<JobRunnerOptions, 'timer' | 'pollMs' | 'startDelayMs' | 'leaseMs' | 'runnerId'>> = {},
): { runner: JobRunner; stop(): Promise<void> } {
  const runner = new JobRunner({
    dataSource: jobs.dataSource,
    writes,
    registry: jobs.registry,
    store: jobs.store,
    now,
    onProgress: (counts) => events.emit('jobs.progress', counts),
    log,
    ...options,
  });
  jobs.runner = runner;
  runner.start();
  return {
    runner,
    stop: () => {
      if (jobs.runner === runner) jobs.runner = null;
      return runner.stop();
    },
  };
}

const ADMIN = ['admin'] as const;

export function jobsHandlers(services: Services): ModuleHandlers<typeof jobsContract> {
  const { store } = services.jobs;
  const wake = () => services.jobs.runner?.wake();
  return {
    'jobs.list': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ADMIN, 'see the background jobs');
      return store.list(ctx.em, input);
    },
    'jobs.counts': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ADMIN, 'see the background jobs');
      return store.counts(ctx.em, input.group);
    },
    'jobs.pause': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ADMIN, 'pause background jobs');
      await store.pauseGroup(ctx.em, input.group, ctx.userId);
      const counts = await store.counts(ctx.em, input.group);
      ctx.events.emit('jobs.progress', counts);
      return counts;
    },
    'jobs.resume': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ADMIN, 'resume background jobs');
      await store.resumeGroup(ctx.em, input.group);
      const counts = await store.counts(ctx.em, input.group);
      ctx.events.emit('jobs.progress', counts);
      wake();
      return counts;
    },
    'jobs.cancel': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ADMIN, 'cancel background jobs');
      await store.cancelGroup(ctx.em, input.group);
      const counts = await store.counts(ctx.em, input.group);
      ctx.events.emit('jobs.progress', counts);
      return counts;
    },
    'jobs.retry': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ADMIN, 'retry background jobs');
      const job = await store.retry(ctx.em, input.id, input.resendUncertain);
      if (job.group) ctx.events.emit('jobs.progress', await store.counts(ctx.em, job.group));
      wake();
      return job;
    },
  };
}
