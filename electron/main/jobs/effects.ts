import type { EntityManager } from 'typeorm';
import { Sql } from '../db/sql';
import { JobError } from './job-registry';

/**
 * Exactly once, per effect key.
 *
 * Database effects (`once`): the key goes into `job_effects` (primary key) in the
 * same transaction as the effect's own writes. Either both commit or neither does,
 * so a crash at any instant leaves "done and recorded" or "not done, not recorded";
 * a re-run skips recorded keys. Exactly once, with no window.
 *
 * External effects (`onceExternal`, e.g. an SMTP send) cannot share a transaction
 * with the database, so the standard protocol is used:
 *   1. commit the key as 'pending' together with what identifies the effect outside
 *      (the message's Message-ID) — before talking to the server;
 *   2. perform it (no transaction open);
 *   3. commit 'done' (plus the caller's own record of it) in one transaction.
 * A crash before 1 or after 3 is harmless. A crash between 1 and 3 leaves a
 * 'pending' key: the effect may or may not have happened (the SMTP server may have
 * said 250 to a process that died before committing). The next attempt never
 * resends it blindly: once the attempt's grace period is over (it may still be
 * running on another desktop until then) it asks the effect's `check` (is this
 * Message-ID in the mailbox?). 'done' → recorded as done, not resent; 'not_done' →
 * performed again with the same Message-ID. Without a check (plain SMTP has no way
 * to ask) the key becomes 'uncertain' and the job fails with a message saying so:
 * nothing is sent twice, nothing is silently skipped, and an administrator decides
 * (jobs.retry with resendUncertain). A kind may opt into `uncertain: 'redo'`
 * instead: at-least-once at that one instant, the duplicate carrying the same
 * Message-ID. At most one effect per runner can be in that window, since a runner
 * performs one external effect at a time.
 */

export type EffectCheck = 'done' | 'not_done' | 'unknown';

export type OnceOutcome<T> = { ran: true; value: T } | { ran: false };

export interface ExternalEffect<R> {
  /** What identifies the effect outside (a fresh Message-ID); stored with the 'pending' marker and reused on any redo. */
  prepare(): Promise<string> | string;
  /** Does it, outside any transaction. Throwing means it did not happen, unless `mayHaveHappened(error)` says otherwise. */
  perform(detail: string): Promise<R>;
  /** An error after which the effect may have happened anyway (the connection broke after the message was sent). */
  mayHaveHappened?(error: unknown): boolean;
  /** The caller's own record of the effect, in the transaction that marks the key done (result null: found done by `check`). */
  record?(em: EntityManager, outcome: { result: R | null; detail: string }): Promise<void>;
  /** Whether an effect left 'pending' by an attempt that died did happen, by asking the outside world. */
  check?(detail: string): Promise<EffectCheck>;
  /** When nothing can tell: 'hold' (default) fails the job as uncertain; 'redo' performs it again (at least once). */
  uncertain?: 'hold' | 'redo';
  /** How long one attempt may take at most; a younger 'pending' marker may still be in flight elsewhere. Default 2 min. */
  graceMs?: number;
}

export type ExternalOutcome<R> =
  | { status: 'performed'; detail: string; result: R }
  /** Done by an earlier run: skipped. */
  | { status: 'already_done'; detail: string | null }
  /** An earlier attempt died after the effect; `check` found it done: recorded, not repeated. */
  | { status: 'confirmed'; detail: string };

/** The effect may have happened and nothing can tell: the job stops here instead of risking it twice. */
export class UncertainEffectError extends JobError {
  constructor(
    readonly key: string,
    readonly detail: string | null,
    since: string,
  ) {
    super(
      `"${key}" may have happened already: an attempt started at ${since} stopped before it was confirmed` +
        `${detail ? ` (${detail})` : ''}, and it cannot be checked. Check by hand (e.g. the Sent folder); retry with "send uncertain again" to redo it.`,
      { retry: false },
    );
    this.name = 'UncertainEffectError';
  }
}

const DEFAULT_GRACE_MS = 120_000;

/**
 * Runs `effect` in the caller's transaction unless `key` is already recorded.
 * Must be called inside a write transaction (`em`), so the key and the effect commit together.
 */
export async function once<T>(em: EntityManager, key: string, jobId: number, now: string, effect: (em: EntityManager) => Promise<T>): Promise<OnceOutcome<T>> {
  const { changes } = await new Sql(em).run(
    `INSERT INTO job_effects (key, job_id, state, created_at, done_at) VALUES (?, ?, 'done', ?, ?) ON CONFLICT (key) DO NOTHING`,
    [key, jobId, now, now],
  );
  if (changes === 0) return { ran: false };
  return { ran: true, value: await effect(em) };
}

export interface EffectEnv {
  jobId: number;
  now(): string;
  /** A write transaction that first checks this runner's lease (throws LeaseLostError). */
  fenced<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /** A write transaction without the lease check: for recording what already happened. */
  record<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

interface EffectRow {
  state: 'done' | 'pending' | 'uncertain' | 'redo';
  detail: string | null;
  created_at: string;
}

type Step = { go: 'skip'; detail: string | null } | { go: 'perform'; detail: string } | { go: 'wait'; ms: number } | { go: 'check'; detail: string; since: string } | { go: 'held'; row: EffectRow };

export async function onceExternal<R>(env: EffectEnv, key: string, effect: ExternalEffect<R>): Promise<ExternalOutcome<R>> {
  const grace = effect.graceMs ?? DEFAULT_GRACE_MS;
  const fresh = await effect.prepare();
  // 1. Mark it pending (committed), or find out what an earlier attempt left.
  const step = await env.fenced<Step>(async (em) => {
    const sql = new Sql(em);
    const now = env.now();
    const inserted = await sql.run(
      `INSERT INTO job_effects (key, job_id, state, detail, created_at) VALUES (?, ?, 'pending', ?, ?) ON CONFLICT (key) DO NOTHING`,
      [key, env.jobId, fresh, now],
    );
    if (inserted.changes === 1) return { go: 'perform', detail: fresh };
    const row = (await sql.get<EffectRow>(`SELECT state, detail, created_at FROM job_effects WHERE key = ?`, [key]))!;
    if (row.state === 'done') return { go: 'skip', detail: row.detail };
    if (row.state === 'uncertain') {
      // This job now answers for it: retrying this job with "send uncertain again" redoes it.
      await sql.run(`UPDATE job_effects SET job_id = ? WHERE key = ?`, [env.jobId, key]);
      return { go: 'held', row };
    }
    if (row.state === 'redo') {
      // An administrator chose to redo an uncertain effect: the same detail, so a duplicate is recognisable.
      const detail = row.detail ?? fresh;
      await sql.run(`UPDATE job_effects SET state = 'pending', detail = ?, job_id = ?, created_at = ? WHERE key = ?`, [detail, env.jobId, now, key]);
      return { go: 'perform', detail };
    }
    const age = Date.parse(now) - Date.parse(row.created_at);
    if (age < grace) return { go: 'wait', ms: grace - age };
    return { go: 'check', detail: row.detail ?? fresh, since: row.created_at };
  });

  if (step.go === 'skip') return { status: 'already_done', detail: step.detail };
  if (step.go === 'held') throw new UncertainEffectError(key, step.row.detail, step.row.created_at);
  if (step.go === 'wait') {
    throw new JobError(`An earlier attempt at "${key}" may still be under way; looking again once it has surely ended.`, { retryAfterMs: step.ms });
  }

  const detail = step.detail;
  if (step.go === 'check') {
    const verdict: EffectCheck = effect.check ? await effect.check(step.detail) : 'unknown';
    if (verdict === 'done') {
      await env.record(async (em) => {
        const { changes } = await new Sql(em).run(`UPDATE job_effects SET state = 'done', done_at = ? WHERE key = ? AND state = 'pending'`, [env.now(), key]);
        if (changes === 1) await effect.record?.(em, { result: null, detail: step.detail });
      });
      return { status: 'confirmed', detail: step.detail };
    }
    if (verdict === 'unknown' && (effect.uncertain ?? 'hold') === 'hold') {
      const held = await env.record((em) =>
        new Sql(em).run(`UPDATE job_effects SET state = 'uncertain', job_id = ? WHERE key = ? AND state = 'pending' AND created_at = ?`, [env.jobId, key, step.since]),
      );
      if (held.changes !== 1) throw new JobError(`Another attempt took "${key}" over meanwhile; looking again later.`, { retryAfterMs: grace });
      throw new UncertainEffectError(key, step.detail, step.since);
    }
    // Not done (or redo by policy): take the marker over — compare-and-set, so of two runners checking at once only one performs.
    const taken = await env.fenced((em) =>
      new Sql(em).run(`UPDATE job_effects SET job_id = ?, created_at = ? WHERE key = ? AND state = 'pending' AND created_at = ?`, [env.jobId, env.now(), key, step.since]),
    );
    if (taken.changes !== 1) throw new JobError(`Another attempt took "${key}" over meanwhile; looking again later.`, { retryAfterMs: grace });
  }

  // 2. Perform it, outside any transaction.
  let result: R;
  try {
    result = await effect.perform(detail);
  } catch (error) {
    if (!effect.mayHaveHappened?.(error)) {
      // It certainly did not happen: forget the marker, so the retry starts clean.
      await env.record((em) => new Sql(em).run(`DELETE FROM job_effects WHERE key = ? AND state = 'pending' AND detail = ?`, [key, detail]));
    }
    // Otherwise the marker stays 'pending': the retry (after the grace period) checks or holds it.
    throw error;
  }

  // 3. Record it as done, whoever holds the job by now: it happened.
  await recordDone(env, key, detail, async (em) => effect.record?.(em, { result, detail }));
  return { status: 'performed', detail, result };
}

async function recordDone(env: EffectEnv, key: string, detail: string, extra: (em: EntityManager) => Promise<unknown>): Promise<void> {
  const write = () =>
    env.record(async (em) => {
      await new Sql(em).run(`UPDATE job_effects SET state = 'done', done_at = ?, detail = ? WHERE key = ?`, [env.now(), detail, key]);
      await extra(em);
    });
  try {
    await write();
  } catch {
    // A busy or briefly locked database must not turn a sent message into an uncertain one: try once more.
    await new Promise((resolve) => setTimeout(resolve, 250));
    await write();
  }
}
