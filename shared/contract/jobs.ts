import { z } from 'zod';
import { Id, Timestamp } from './common';
import { method } from './define';

/** Where a job stands. queued → running → done, or back to queued after a failure (with backoff) until failed. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'paused'] as const;
export const JobStatus = z.enum(JOB_STATUSES, { error: 'A status is one of queued, running, done, failed, cancelled, paused' });
export type JobStatus = z.infer<typeof JobStatus>;

/** A kind of job: dotted lower-case words, e.g. 'mail.send', 'campaign.step'. */
export const JobKind = z
  .string({ error: 'The kind is text' })
  .max(100, 'At most 100 characters')
  .regex(/^[a-z][a-z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/, "A kind is dotted lower-case words, e.g. 'mail.send'");

/** Jobs paused, resumed and cancelled together: '<what>:<id>', e.g. 'campaign:12'. */
export const JobGroup = z
  .string({ error: 'The group is text' })
  .max(100, 'At most 100 characters')
  .regex(/^[a-z][a-z0-9-]*(:[A-Za-z0-9._-]+)+$/, "A group is '<what>:<id>', e.g. 'campaign:12'");

export const Job = z.object({
  id: Id,
  kind: z.string(),
  group: z.string().nullable(),
  /** The kind's payload as enqueued. */
  payload: z.unknown(),
  runAt: Timestamp,
  status: JobStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** The runner (app instance) holding it while it runs, and until when its lease lasts. */
  leaseOwner: z.string().nullable(),
  leaseUntil: Timestamp.nullable(),
  lastError: z.string().nullable(),
  dedupeKey: z.string().nullable(),
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type Job = z.infer<typeof Job>;

/** How far a group has got; for a campaign, done = sent. */
export const JobGroupCounts = z.object({
  group: z.string(),
  done: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  running: z.number().int(),
  /** Not finished yet: queued, running or paused. */
  remaining: z.number().int(),
  paused: z.boolean(),
});
export type JobGroupCounts = z.infer<typeof JobGroupCounts>;

const GroupInput = z.object({ group: JobGroup }).strict();

export const jobsContract = {
  'jobs.list': method({
    summary: 'Background jobs, newest first, by status, group and kind, a page at a time (admins)',
    writes: false,
    input: z
      .object({
        status: z.array(JobStatus).min(1, 'Give at least one status').max(JOB_STATUSES.length).optional(),
        group: JobGroup.optional(),
        kind: JobKind.optional(),
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(Job) }),
  }),
  'jobs.counts': method({
    summary: "A group's progress: done, failed, cancelled, remaining, and whether it is paused (admins)",
    writes: false,
    input: GroupInput,
    output: JobGroupCounts,
  }),
  'jobs.pause': method({
    summary: 'Pause a group (e.g. a campaign): its queued jobs wait, a running one stops before its next step; jobs added meanwhile wait too (admins)',
    writes: true,
    input: GroupInput,
    output: JobGroupCounts,
  }),
  'jobs.resume': method({
    summary: "Resume a paused group: its jobs run again, skipping every effect that already happened (admins)",
    writes: true,
    input: GroupInput,
    output: JobGroupCounts,
  }),
  'jobs.cancel': method({
    summary: "Cancel a group's unfinished jobs for good; a running one stops before its next step (admins)",
    writes: true,
    input: GroupInput,
    output: JobGroupCounts,
  }),
  'jobs.retry': method({
    summary:
      'Run a failed job again from its first attempt (admins). resendUncertain: also redo effects a crash left uncertain (a message that may have gone out is sent again, with the same Message-ID)',
    writes: true,
    input: z.object({ id: Id, resendUncertain: z.boolean().default(false) }).strict(),
    output: Job,
  }),
};
