import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Job, JobGroupCounts, JobStatus } from '../../../shared/contract/jobs';
import { JobGroup } from '../../../shared/contract/jobs';
import { CrmError, type ErrorIssue } from '../../../shared/errors';
import { Sql } from '../db/sql';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { JobRegistry } from './job-registry';

export interface EnqueueInput {
  kind: string;
  payload: unknown;
  /** e.g. 'campaign:12': paused, resumed and cancelled together. */
  group?: string | null;
  /** ISO UTC; defaults to now. */
  runAt?: string;
  /** A second job with the same key is not added (the first one's id comes back). */
  dedupeKey?: string | null;
  maxAttempts?: number;
}

export interface Enqueued {
  id: number;
  /** False when a job with the same dedupe key already existed. */
  created: boolean;
}

/** A job as a runner claimed it. */
export interface ClaimedJob {
  id: number;
  kind: string;
  group: string | null;
  payload: string;
  attempts: number;
  maxAttempts: number;
  leaseUntil: string;
}

export interface JobListFilter {
  status?: JobStatus[] | undefined;
  group?: string | undefined;
  kind?: string | undefined;
  offset: number;
  limit: number;
}

interface JobRow {
  id: number;
  kind: string;
  group_key: string | null;
  payload: string;
  run_at: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
}

const MAX_ERROR = 2000;
const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text;
}

function toJob(r: JobRow): Job {
  let payload: unknown;
  try {
    payload = JSON.parse(r.payload);
  } catch {
    payload = r.payload;
  }
  return {
    id: r.id,
    kind: r.kind,
    group: r.group_key,
    payload,
    runAt: r.run_at,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    dedupeKey: r.dedupe_key,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/**
 * Every read and write of the jobs table. Each method takes the transaction to
 * work in (`em`), so a service can enqueue in the same transaction as the change
 * that calls for the job (a transactional outbox: no mail for a quote that was
 * rolled back). Every runner-side write starts with an UPDATE, so on SQLite it
 * takes the write lock first and never fails upgrading a read snapshot.
 */
export class JobStore {
  constructor(
    private readonly registry: JobRegistry,
    private readonly now: () => string,
  ) {}

  async enqueue(em: EntityManager, input: EnqueueInput): Promise<Enqueued> {
    const handler = this.registry.get(input.kind);
    if (!handler) throw new CrmError('validation', `There is no job kind called ${input.kind}.`, [{ path: 'kind', message: 'Unknown job kind' }]);
    const parsed = handler.payload.safeParse(input.payload);
    if (!parsed.success) throw new CrmError('validation', `The payload does not fit ${input.kind}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, issuesOf(parsed.error));
    const group = input.group ?? null;
    if (group !== null && !JobGroup.safeParse(group).success) throw new CrmError('validation', `"${group}" is not a job group ('<what>:<id>').`, [{ path: 'group', message: 'Not a job group' }]);
    const maxAttempts = input.maxAttempts ?? handler.maxAttempts ?? 5;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) throw new CrmError('validation', 'maxAttempts is a whole number from 1 to 100.');
    if (input.dedupeKey != null && (input.dedupeKey.length === 0 || input.dedupeKey.length > 300)) {
      throw new CrmError('validation', 'A dedupe key has 1 to 300 characters.', [{ path: 'dedupeKey', message: 'At most 300 characters' }]);
    }
    const runAtMs = input.runAt === undefined ? Number.NaN : Date.parse(input.runAt);
    if (input.runAt !== undefined && Number.isNaN(runAtMs)) throw new CrmError('validation', `"${input.runAt}" is not a time.`, [{ path: 'runAt', message: 'Not a time' }]);
    const now = this.now();
    const runAt = input.runAt === undefined ? now : new Date(runAtMs).toISOString();
    const sql = new Sql(em);
    // One statement, so a pause committed by another app instance is seen atomically.
    const { changes, lastId } = await sql.run(
      `INSERT INTO jobs (kind, group_key, payload, run_at, status, attempts, max_attempts, dedupe_key, created_at)
       SELECT ?, ?, ?, ?, CASE WHEN EXISTS (SELECT 1 FROM paused_job_groups WHERE group_key = ?) THEN 'paused' ELSE 'queued' END, 0, ?, ?, ?
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [input.kind, group, JSON.stringify(parsed.data), runAt, group, maxAttempts, input.dedupeKey ?? null, now],
    );
    if (changes === 1) return { id: lastId, created: true };
    const existing = await sql.get<{ id: number }>(`SELECT id FROM jobs WHERE dedupe_key = ?`, [input.dedupeKey]);
    return { id: existing!.id, created: false };
  }

  /** Whether a claim would find anything: a read, so an idle runner never takes the write lock. */
  async hasDue(target: DataSource | EntityManager, kinds: string[]): Promise<boolean> {
    const now = this.now();
    const row = await new Sql(target).get<{ due: number }>(
      `SELECT EXISTS (SELECT 1 FROM jobs WHERE status = 'queued' AND run_at <= ? AND kind IN (SELECT value FROM json_each(?)))
           OR EXISTS (SELECT 1 FROM jobs WHERE status = 'running' AND lease_until < ?) AS due`,
      [now, JSON.stringify(kinds), now],
    );
    return row?.due === 1;
  }

  /**
   * Returns jobs whose runner died (lease passed) to the queue — or fails them when they
   * have used all their attempts, so a job that crashes the app cannot loop — then claims
   * the oldest due job of a known kind with one UPDATE … WHERE id = (SELECT …) RETURNING:
   * atomic under SQLite's single writer, so two app instances never claim the same job.
   */
  async claim(em: EntityManager, runnerId: string, kinds: string[], leaseMs: number): Promise<ClaimedJob | null> {
    const now = this.now();
    const sql = new Sql(em);
    await sql.run(
      `UPDATE jobs
          SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
              finished_at = CASE WHEN attempts >= max_attempts THEN ? ELSE NULL END,
              last_error = 'Its runner (' || lease_owner || ') stopped before finishing; the lease ran out at ' || lease_until,
              lease_owner = NULL, lease_until = NULL
        WHERE status = 'running' AND lease_until < ?`,
      [now, now],
    );
    const leaseUntil = addMs(now, leaseMs);
    const rows = await sql.all<{ id: number; kind: string; group_key: string | null; payload: string; attempts: number; max_attempts: number }>(
      `UPDATE jobs SET status = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1
        WHERE id = (SELECT id FROM jobs
                     WHERE status = 'queued' AND run_at <= ? AND kind IN (SELECT value FROM json_each(?))
                     ORDER BY run_at, id LIMIT 1)
          AND status = 'queued'
       RETURNING id, kind, group_key, payload, attempts, max_attempts`,
      [runnerId, leaseUntil, now, JSON.stringify(kinds)],
    );
    const r = rows[0];
    return r ? { id: r.id, kind: r.kind, group: r.group_key, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts, leaseUntil } : null;
  }

  /** The fence: extends the lease if this runner still holds the job, running. False: it lost it. */
  async renew(em: EntityManager, id: number, runnerId: string, leaseMs: number): Promise<boolean> {
    const { changes } = await new Sql(em).run(`UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'running'`, [
      addMs(this.now(), leaseMs),
      id,
      runnerId,
    ]);
    return changes === 1;
  }

  async complete(em: EntityManager, id: number, runnerId: string): Promise<boolean> {
    const { changes } = await new Sql(em).run(
      `UPDATE jobs SET status = 'done', finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'`,
      [this.now(), id, runnerId],
    );
    return changes === 1;
  }

  /**
   * A failed attempt: back to the queue after the backoff (or `retryAfterMs`), or failed for
   * good when it may not be retried or has used its attempts. 'lost' when this runner no
   * longer held the job (nothing written).
   */
  async fail(
    em: EntityManager,
    job: Pick<ClaimedJob, 'id' | 'attempts' | 'maxAttempts'>,
    runnerId: string,
    error: string,
    retry: { retryable: boolean; retryAfterMs: number | null; backoff?: BackoffPolicy | undefined },
  ): Promise<'retry' | 'failed' | 'lost'> {
    const now = this.now();
    const sql = new Sql(em);
    if (retry.retryable && job.attempts < job.maxAttempts) {
      const runAt = addMs(now, retry.retryAfterMs ?? backoffDelay(job.attempts, retry.backoff));
      const { changes } = await sql.run(
        `UPDATE jobs SET status = 'queued', run_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'`,
        [runAt, error, job.id, runnerId],
      );
      return changes === 1 ? 'retry' : 'lost';
    }
    const { changes } = await sql.run(
      `UPDATE jobs SET status = 'failed', finished_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'`,
      [now, error, job.id, runnerId],
    );
    return changes === 1 ? 'failed' : 'lost';
  }

  /** Back to the queue until `runAt`, giving back the attempt its claim counted. 'lost' when this runner no longer held it. */
  async defer(em: EntityManager, id: number, runnerId: string, runAt: string): Promise<'deferred' | 'lost'> {
    const { changes } = await new Sql(em).run(
      `UPDATE jobs SET status = 'queued', run_at = ?, attempts = attempts - 1, lease_owner = NULL, lease_until = NULL
        WHERE id = ? AND lease_owner = ? AND status = 'running'`,
      [new Date(Date.parse(runAt)).toISOString(), id, runnerId],
    );
    return changes === 1 ? 'deferred' : 'lost';
  }

  /**
   * Enqueues one job per row of `select` in one statement — a campaign step for 100,000 members is one
   * INSERT … SELECT, not 100,000 round trips. The query yields the columns `payload` (JSON text, which the
   * kind's schema checks again when the job runs), `run_at` (ISO UTC) and `dedupe_key`; rows whose key
   * exists already are left out. A paused group's jobs are added paused. Returns how many were added.
   */
  async enqueueSelected(em: EntityManager, input: { kind: string; group: string | null; maxAttempts?: number; select: string; params: unknown[] }): Promise<number> {
    const handler = this.registry.get(input.kind);
    if (!handler) throw new CrmError('validation', `There is no job kind called ${input.kind}.`);
    if (input.group !== null && !JobGroup.safeParse(input.group).success) throw new CrmError('validation', `"${input.group}" is not a job group ('<what>:<id>').`);
    const { changes } = await new Sql(em).run(
      `INSERT INTO jobs (kind, group_key, payload, run_at, status, attempts, max_attempts, dedupe_key, created_at)
       SELECT ?, ?, s.payload, s.run_at,
              CASE WHEN EXISTS (SELECT 1 FROM paused_job_groups WHERE group_key = ?) THEN 'paused' ELSE 'queued' END,
              0, ?, s.dedupe_key, ?
         FROM (${input.select}) s WHERE true
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [input.kind, input.group, input.group, input.maxAttempts ?? handler.maxAttempts ?? 5, this.now(), ...input.params],
    );
    return changes;
  }

  async pauseGroup(em: EntityManager, group: string, userId: number | null): Promise<number> {
    const sql = new Sql(em);
    // A running job is paused too: its runner's next lease check fails and it stops before its next step;
    // the attempt it was on is given back (being paused is not a failure).
    const { changes } = await sql.run(
      `UPDATE jobs SET status = 'paused', attempts = CASE WHEN status = 'running' THEN MAX(attempts - 1, 0) ELSE attempts END, lease_owner = NULL, lease_until = NULL
        WHERE group_key = ? AND status IN ('queued', 'running')`,
      [group],
    );
    await sql.run(`INSERT INTO paused_job_groups (group_key, paused_at, paused_by_id) VALUES (?, ?, ?) ON CONFLICT (group_key) DO NOTHING`, [group, this.now(), userId]);
    return changes;
  }

  async resumeGroup(em: EntityManager, group: string): Promise<number> {
    const sql = new Sql(em);
    const { changes } = await sql.run(`UPDATE jobs SET status = 'queued' WHERE group_key = ? AND status = 'paused'`,
      [group],
    );
    await sql.run(`DELETE FROM paused_job_groups WHERE group_key = ?`, [group]);
    return changes;
  }

  async cancelGroup(em: EntityManager, group: string): Promise<number> {
    const sql = new Sql(em);
    const { changes } = await sql.run(
      `UPDATE jobs SET status = 'cancelled', finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE group_key = ? AND status IN ('queued', 'running', 'paused')`,
      [this.now(), group],
    );
    await sql.run(`DELETE FROM paused_job_groups WHERE group_key = ?`, [group]);
    return changes;
  }

  /**
   * A failed job runs again from its first attempt. With `resendUncertain`, effects a crash
   * left uncertain are redone (reusing what identified them, e.g. the Message-ID).
   */
  async retry(em: EntityManager, id: number, resendUncertain: boolean): Promise<Job> {
    const sql = new Sql(em);
    const { changes } = await sql.run(
      `UPDATE jobs SET status = CASE WHEN EXISTS (SELECT 1 FROM paused_job_groups p WHERE p.group_key = jobs.group_key) THEN 'paused' ELSE 'queued' END,
              attempts = 0, run_at = ?, finished_at = NULL
        WHERE id = ? AND status = 'failed'`,
      [this.now(), id],
    );
    if (changes === 0) {
      const job = await this.get(em, id);
      if (!job) throw new CrmError('not_found', `There is no job ${id}.`);
      throw new CrmError('conflict', `Job ${id} is ${job.status}: only a failed job can be retried.`);
    }
    if (resendUncertain) await sql.run(`UPDATE job_effects SET state = 'redo' WHERE job_id = ? AND state = 'uncertain'`, [id]);
    return (await this.get(em, id))!;
  }

  async get(target: DataSource | EntityManager, id: number): Promise<Job | null> {
    const row = await new Sql(target).get<JobRow>(`SELECT * FROM jobs WHERE id = ?`, [id]);
    return row ? toJob(row) : null;
  }

  async list(target: DataSource | EntityManager, filter: JobListFilter): Promise<{ total: number; rows: Job[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status?.length) {
      where.push(`status IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(filter.status));
    }
    if (filter.group !== undefined) {
      where.push(`group_key = ?`);
      params.push(filter.group);
    }
    if (filter.kind !== undefined) {
      where.push(`kind = ?`);
      params.push(filter.kind);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const sql = new Sql(target);
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM jobs ${clause}`, params))!.n;
    const rows = await sql.all<JobRow>(`SELECT * FROM jobs ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, filter.limit, filter.offset]);
    return { total, rows: rows.map(toJob) };
  }

  async counts(target: DataSource | EntityManager, group: string): Promise<JobGroupCounts> {
    const sql = new Sql(target);
    const rows = await sql.all<{ status: JobStatus; n: number }>(`SELECT status, COUNT(*) AS n FROM jobs WHERE group_key = ? GROUP BY status`, [group]);
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<JobStatus, number>>;
    const paused = await sql.get<{ one: number }>(`SELECT 1 AS one FROM paused_job_groups WHERE group_key = ?`, [group]);
    const running = by.running ?? 0;
    return {
      group,
      done: by.done ?? 0,
      failed: by.failed ?? 0,
      cancelled: by.cancelled ?? 0,
      running,
      remaining: (by.queued ?? 0) + running + (by.paused ?? 0),
      paused: paused !== undefined,
    };
  }

  /** Hands a job back (the app is closing): queued again at once, the interrupted attempt not counted. */
  static releaseSql = `UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL, attempts = MAX(attempts - 1, 0), run_at = ?
                        WHERE id = ? AND lease_owner = ? AND status = 'running'`;
}
