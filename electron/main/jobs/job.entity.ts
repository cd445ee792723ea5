import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../db/record-columns';

/**
 * One unit of background work (issue #7): a campaign send to one recipient, a
 * quote e-mail from the outbox, later a backup. Claimed by one runner at a time
 * under a lease (jobs.module.ts; README "Scheduler (jobs)").
 */
export const JobEntity = new EntitySchema<StoredRow>({
  name: 'Job',
  tableName: 'jobs',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    /** Which handler runs it: 'mail.send', 'campaign.step', … */
    kind: { type: 'varchar', length: 100 },
    /** Jobs paused, resumed and cancelled together, e.g. 'campaign:12'; null for a job on its own. */
    groupKey: { type: 'varchar', length: 100, nullable: true },
    /** The kind's payload as JSON, validated by the kind's zod schema when enqueued and again when run. */
    payload: { type: 'text' },
    /** UTC: not before then (and, after a failure, not before its backoff). */
    runAt: { type: 'datetime' },
    /** queued | running | done | failed | cancelled | paused */
    status: { type: 'varchar', length: 10 },
    /** Claims so far (a claim whose runner died counts too). */
    attempts: { type: 'integer', default: 0 },
    maxAttempts: { type: 'integer', default: 5 },
    /** The runner that holds the job while it runs, and until when; another runner may take it once that has passed. */
    leaseOwner: { type: 'varchar', length: 100, nullable: true },
    leaseUntil: { type: 'datetime', nullable: true },
    lastError: { type: 'text', nullable: true },
    /** Enqueuing a second job with the same key is a no-op (e.g. 'campaign-step:7:contact:42'). */
    dedupeKey: { type: 'varchar', length: 300, nullable: true },
    createdAt: { type: 'datetime' },
    finishedAt: { type: 'datetime', nullable: true },
  },
  indices: [
    // The runner's claim (the oldest due queued job), and the sweep of jobs whose runner died: it reads the
    // few 'running' rows (one per runner) through this index too, so lease renewals touch no index at all.
    { columns: ['status', 'runAt'] },
    // Pause, resume, cancel and progress counts of one group.
    { columns: ['groupKey', 'status'] },
    { columns: ['dedupeKey'], unique: true },
  ],
});

/**
 * The exactly-once record: one row per effect a job had (a message sent, a
 * recipient marked), keyed by what the effect was about, written in the same
 * transaction as the effect itself. 'pending' marks an external effect (SMTP)
 * that was started but is not confirmed; see jobs/once.ts.
 */
export const JobEffectEntity = new EntitySchema<StoredRow>({
  name: 'JobEffect',
  tableName: 'job_effects',
  columns: {
    /** e.g. 'campaign-step:7:contact:42', 'mail:job:5'. */
    key: { type: 'varchar', length: 300, primary: true },
    /** The job whose run recorded it (no foreign key: effects outlive pruned jobs). */
    jobId: { type: 'integer' },
    /** done | pending | uncertain */
    state: { type: 'varchar', length: 10 },
    /** What identifies the external effect if it must be checked later (the message's Message-ID). */
    detail: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    doneAt: { type: 'datetime', nullable: true },
  },
  indices: [{ columns: ['jobId'] }],
});

/** Groups an administrator paused: jobs enqueued into them meanwhile start paused too. */
export const PausedJobGroupEntity = new EntitySchema<StoredRow>({
  name: 'PausedJobGroup',
  tableName: 'paused_job_groups',
  columns: {
    groupKey: { type: 'varchar', length: 100, primary: true },
    pausedAt: { type: 'datetime' },
    pausedById: { type: 'integer', nullable: true },
  },
});
