import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CrmError } from '../../shared/errors';
import { backoffDelay } from '../../electron/main/jobs/backoff';
import type { EffectCheck } from '../../electron/main/jobs/effects';
import { JobError } from '../../electron/main/jobs/job-registry';
import { jobsFixture, type JobsFixture } from '../support/jobs-fixture';

/** Claim, lease, backoff, pause/resume/cancel and the exactly-once ledger, on a real SQLite file with a hand-moved clock. */

let f: JobsFixture;
beforeEach(async () => {
  f = await jobsFixture();
});
afterEach(async () => {
  await f.close();
});

const N = z.object({ n: z.number().int() }).strict();

interface JobRow {
  id: number;
  status: string;
  attempts: number;
  run_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  finished_at: string | null;
}
const job = async (id: number) => (await f.rows<JobRow>(`SELECT * FROM jobs WHERE id = ?`, [id]))[0]!;
const iso = (msFromNow = 0) => new Date(f.clock.now().getTime() + msFromNow).toISOString();

/** A gate a handler waits at until the test opens it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function recordKind(runs: number[]) {
  f.registry.register('test.record', {
    payload: N,
    run: async (ctx) => {
      runs.push(ctx.payload.n);
      await ctx.once(`test:${ctx.payload.n}`, async () => undefined);
    },
  });
}

describe('enqueue', () => {
  it('checks the payload against its kind, refuses unknown kinds and bad groups, and a dedupe key makes a second enqueue a no-op', async () => {
    recordKind([]);
    await expect(f.enqueue({ kind: 'test.record', payload: { n: 'one' } })).rejects.toMatchObject({ code: 'validation', issues: [{ path: 'n' }] });
    await expect(f.enqueue({ kind: 'test.record', payload: { n: 1, extra: true } })).rejects.toMatchObject({ code: 'validation' });
    await expect(f.enqueue({ kind: 'test.unknown', payload: {} })).rejects.toMatchObject({ code: 'validation', message: 'There is no job kind called test.unknown.' });
    await expect(f.enqueue({ kind: 'test.record', payload: { n: 1 }, group: 'campaign 12' })).rejects.toMatchObject({ code: 'validation' });
    expect(await f.rows(`SELECT * FROM jobs`)).toEqual([]);

    const first = await f.writes.run((em) => f.store.enqueue(em, { kind: 'test.record', payload: { n: 1 }, dedupeKey: 'campaign-step:7:contact:42', group: 'campaign:12' }));
    const again = await f.writes.run((em) => f.store.enqueue(em, { kind: 'test.record', payload: { n: 2 }, dedupeKey: 'campaign-step:7:contact:42' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await f.rows(`SELECT kind, group_key, payload, status, attempts, max_attempts, run_at, created_at FROM jobs`)).toEqual([
      { kind: 'test.record', group_key: 'campaign:12', payload: '{"n":1}', status: 'queued', attempts: 0, max_attempts: 5, run_at: iso(), created_at: iso() },
    ]);
  });

  it('is part of the caller\'s transaction: a rolled-back change leaves no job behind', async () => {
    recordKind([]);
    await expect(
      f.writes.run(async (em) => {
        await f.store.enqueue(em, { kind: 'test.record', payload: { n: 1 } });
        throw new Error('the quote could not be saved');
      }),
    ).rejects.toThrow('the quote could not be saved');
    expect(await f.rows(`SELECT * FROM jobs`)).toEqual([]);
  });
});

describe('claiming', () => {
  it('runs due jobs of known kinds oldest first, and a future job only once the clock reaches it', async () => {
    const runs: number[] = [];
    recordKind(runs);
    const later = await f.enqueue({ kind: 'test.record', payload: { n: 1 }, runAt: iso(60_000) });
    await f.enqueue({ kind: 'test.record', payload: { n: 2 }, runAt: iso() });
    await f.enqueue({ kind: 'test.record', payload: { n: 3 }, runAt: iso(-1000) });
    // A kind this app version does not know (a newer desktop enqueued it): left alone.
    await f.rows(`INSERT INTO jobs (kind, payload, run_at, status, attempts, max_attempts, created_at) VALUES ('test.newer', '{}', ?, 'queued', 0, 5, ?)`, [iso(-5000), iso()]);
    const runner = f.runner();

    expect(await runner.runUntilIdle()).toBe(2);
    expect(runs).toEqual([3, 2]);
    expect(await job(later)).toMatchObject({ status: 'queued', attempts: 0 });
    f.clock.advance(59_999);
    expect(await runner.runUntilIdle()).toBe(0);
    f.clock.advance(1);
    expect(await runner.runUntilIdle()).toBe(1);
    expect(runs).toEqual([3, 2, 1]);
    expect(await job(later)).toMatchObject({ status: 'done', attempts: 1, lease_owner: null, lease_until: null, finished_at: iso() });
    expect(await f.rows(`SELECT kind, status FROM jobs WHERE kind = 'test.newer'`)).toEqual([{ kind: 'test.newer', status: 'queued' }]);
  });

  it('claims with a lease; once the lease has passed another runner takes the job over, and the first one writes nothing more', async () => {
    const seen: string[] = [];
    const g = gate();
    f.registry.register('test.slow', {
      payload: N,
      run: async (ctx) => {
        seen.push(`${ctx.job.runnerId}:start:${ctx.job.attempt}`);
        if (ctx.job.runnerId === 'A') await g.opened;
        await ctx.once('slow:1', async () => void seen.push(`${ctx.job.runnerId}:effect`));
      },
    });
    const id = await f.enqueue({ kind: 'test.slow', payload: { n: 1 } });
    const a = f.runner({ runnerId: 'A', leaseMs: 60_000 });
    const b = f.runner({ runnerId: 'B', leaseMs: 60_000 });

    const aRun = a.runUntilIdle();
    await vi.waitFor(() => expect(a.runningJobId).toBe(id));
    expect(await job(id)).toMatchObject({ status: 'running', lease_owner: 'A', lease_until: iso(60_000), attempts: 1 });
    // While the lease holds, B finds nothing to do.
    f.clock.advance(60_000);
    expect(await b.runUntilIdle()).toBe(0);
    // A went silent (its renewals never fired): one millisecond later the lease has passed.
    f.clock.advance(1);
    expect(await b.runUntilIdle()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2, lease_owner: null, last_error: expect.stringMatching(/^Its runner \(A\) stopped before finishing/) });
    g.open();
    expect(await aRun).toBe(1);
    expect(seen).toEqual(['A:start:1', 'B:start:2', 'B:effect']);
    expect(await f.rows(`SELECT key, job_id, state FROM job_effects`)).toEqual([{ key: 'slow:1', job_id: id, state: 'done' }]);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('renews the lease while a long job runs; a renewal that finds the job cancelled aborts it', async () => {
    const g = gate();
    let signal: AbortSignal | null = null;
    f.registry.register('test.long', {
      payload: N,
      run: async (ctx) => {
        signal = ctx.signal;
        await g.opened;
        await ctx.once('long:1', async () => undefined);
      },
    });
    const id = await f.enqueue({ kind: 'test.long', payload: { n: 1 }, group: 'campaign:9' });
    const a = f.runner({ runnerId: 'A', leaseMs: 30_000 });
    const run = a.runUntilIdle();
    await vi.waitFor(() => expect(a.runningJobId).toBe(id));
    expect(f.timer.armed()).toEqual([10_000]);

    f.clock.advance(10_000);
    f.timer.fireAll();
    await vi.waitFor(async () => expect((await job(id)).lease_until).toBe(iso(30_000)));
    f.clock.advance(25_000); // past the first lease: renewed, so nobody may take it
    expect(await f.runner({ runnerId: 'B' }).runUntilIdle()).toBe(0);

    await f.writes.run((em) => f.store.cancelGroup(em, 'campaign:9'));
    expect(signal!.aborted).toBe(false);
    f.timer.fireAll();
    await vi.waitFor(() => expect(signal!.aborted).toBe(true));
    expect(f.timer.armed()).toEqual([]);
    g.open();
    await run;
    expect(await job(id)).toMatchObject({ status: 'cancelled', lease_owner: null });
    expect(await f.rows(`SELECT * FROM job_effects`)).toEqual([]);
  });

  it('a job whose runner died on its last attempt is failed, not run again (a job that crashes the app cannot loop)', async () => {
    recordKind([]);
    await f.rows(
      `INSERT INTO jobs (kind, payload, run_at, status, attempts, max_attempts, lease_owner, lease_until, created_at) VALUES ('test.record', '{"n":1}', ?, 'running', 3, 3, 'gone/1/x', ?, ?)`,
      [iso(-120_000), iso(-1), iso(-120_000)],
    );
    expect(await f.runner().runUntilIdle()).toBe(0);
    expect(await job(1)).toMatchObject({ status: 'failed', attempts: 3, lease_owner: null, finished_at: iso(), last_error: expect.stringContaining('gone/1/x') });
  });

  it('stop() hands the running job back at once, its interrupted attempt not counted', async () => {
    const g = gate();
    const runs: string[] = [];
    f.registry.register('test.gated', {
      payload: N,
      run: async (ctx) => {
        runs.push(ctx.job.runnerId);
        if (ctx.job.runnerId === 'A') await g.opened;
        await ctx.once('gated:1', async () => undefined);
      },
    });
    const id = await f.enqueue({ kind: 'test.gated', payload: { n: 1 } });
    const a = f.runner({ runnerId: 'A' });
    void a.runUntilIdle();
    await vi.waitFor(() => expect(a.runningJobId).toBe(id));
    const stopped = a.stop();
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 0, lease_owner: null, lease_until: null });
    g.open();
    await stopped;
    expect(await f.rows(`SELECT * FROM job_effects`)).toEqual([]);
    expect(await f.runner({ runnerId: 'B' }).runUntilIdle()).toBe(1);
    expect(runs).toEqual(['A', 'B']);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1 });
  });
});

describe('failures', () => {
  it('backs off 30 s, 1 min, 2 min … without jitter, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((a) => backoffDelay(a))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('a failed attempt goes back to the queue after its backoff, and succeeds on a later attempt', async () => {
    const attempts: number[] = [];
    f.registry.register('test.flaky', {
      payload: N,
      run: async (ctx) => {
        attempts.push(ctx.job.attempt);
        if (ctx.job.attempt < 3) throw new Error(`SMTP down (attempt ${ctx.job.attempt})`);
      },
    });
    const id = await f.enqueue({ kind: 'test.flaky', payload: { n: 1 } });
    const runner = f.runner();
    expect(await runner.runUntilIdle()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 1, run_at: iso(30_000), last_error: 'SMTP down (attempt 1)', lease_owner: null });
    f.clock.advance(29_999);
    expect(await runner.runUntilIdle()).toBe(0);
    f.clock.advance(1);
    expect(await runner.runUntilIdle()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 2, run_at: iso(60_000), last_error: 'SMTP down (attempt 2)' });
    f.clock.advance(60_000);
    expect(await runner.runUntilIdle()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 3, finished_at: iso() });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('fails for good after its last attempt, or at once for a refusal that would meet the same answer again', async () => {
    f.registry.register('test.fails', {
      payload: z.object({ how: z.enum(['error', 'permanent', 'validation', 'internal', 'later']) }).strict(),
      run: async (ctx) => {
        const how = ctx.payload.how;
        if (how === 'error') throw new Error('boom');
        if (how === 'permanent') throw new JobError('The contact has opted out.', { retry: false });
        if (how === 'validation') throw new CrmError('validation', 'The mail server refused the recipients.');
        if (how === 'internal') throw new CrmError('internal', 'Could not reach the mail server.');
        throw new JobError('Rate limited.', { retryAfterMs: 5_000 });
      },
    });
    const error = await f.enqueue({ kind: 'test.fails', payload: { how: 'error' }, maxAttempts: 3 });
    const permanent = await f.enqueue({ kind: 'test.fails', payload: { how: 'permanent' } });
    const validation = await f.enqueue({ kind: 'test.fails', payload: { how: 'validation' } });
    const internal = await f.enqueue({ kind: 'test.fails', payload: { how: 'internal' } });
    const later = await f.enqueue({ kind: 'test.fails', payload: { how: 'later' } });
    const runner = f.runner();
    expect(await runner.runUntilIdle()).toBe(5);
    expect(await job(permanent)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'The contact has opted out.', finished_at: iso() });
    expect(await job(validation)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await job(internal)).toMatchObject({ status: 'queued', attempts: 1, run_at: iso(30_000) });
    expect(await job(later)).toMatchObject({ status: 'queued', attempts: 1, run_at: iso(5_000) });
    f.clock.advance(30_000);
    await runner.runUntilIdle();
    f.clock.advance(60_000);
    await runner.runUntilIdle();
    expect(await job(error)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'boom', finished_at: iso() });
  });

  it('a payload that no longer fits its kind fails without running', async () => {
    let ran = false;
    f.registry.register('test.strict', { payload: N, run: async () => void (ran = true) });
    await f.rows(`INSERT INTO jobs (kind, payload, run_at, status, attempts, max_attempts, created_at) VALUES ('test.strict', '{"n":"x"}', ?, 'queued', 0, 5, ?)`, [iso(), iso()]);
    await f.runner().runUntilIdle();
    expect(ran).toBe(false);
    expect(await job(1)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/^The payload no longer fits test.strict/) });
  });
});

describe('groups: pause, resume, cancel', () => {
  it('pauses, resumes and cancels per group; jobs enqueued into a paused group wait too; progress reports the counts', async () => {
    const runs: number[] = [];
    recordKind(runs);
    for (const n of [1, 2, 3]) await f.enqueue({ kind: 'test.record', payload: { n }, group: 'campaign:1' });
    await f.enqueue({ kind: 'test.record', payload: { n: 4 }, group: 'campaign:2' });
    await f.enqueue({ kind: 'test.record', payload: { n: 5 } });
    expect(await f.writes.run((em) => f.store.pauseGroup(em, 'campaign:1', null))).toBe(3);
    const runner = f.runner();
    expect(await runner.runUntilIdle()).toBe(2);
    expect(runs).toEqual([4, 5]);
    const six = await f.enqueue({ kind: 'test.record', payload: { n: 6 }, group: 'campaign:1' });
    expect(await job(six)).toMatchObject({ status: 'paused' });
    expect(await f.store.counts(f.dataSource, 'campaign:1')).toEqual({ group: 'campaign:1', done: 0, failed: 0, cancelled: 0, running: 0, remaining: 4, paused: true });

    expect(await f.writes.run((em) => f.store.resumeGroup(em, 'campaign:1'))).toBe(4);
    expect(await runner.runUntilIdle()).toBe(4);
    expect(runs).toEqual([4, 5, 1, 2, 3, 6]);
    expect(f.progress.filter((p) => p.group === 'campaign:1').at(-1)).toEqual({ group: 'campaign:1', done: 4, failed: 0, cancelled: 0, running: 0, remaining: 0, paused: false });
    expect(f.progress.filter((p) => p.group === 'campaign:2').at(-1)).toMatchObject({ done: 1, remaining: 0 });

    for (const n of [7, 8]) await f.enqueue({ kind: 'test.record', payload: { n }, group: 'campaign:3' });
    await f.writes.run((em) => f.store.pauseGroup(em, 'campaign:3', null));
    expect(await f.writes.run((em) => f.store.cancelGroup(em, 'campaign:3'))).toBe(2);
    expect(await runner.runUntilIdle()).toBe(0);
    expect(await f.store.counts(f.dataSource, 'campaign:3')).toEqual({ group: 'campaign:3', done: 0, failed: 0, cancelled: 2, running: 0, remaining: 0, paused: false });
    expect(await f.rows(`SELECT status, finished_at FROM jobs WHERE group_key = 'campaign:3'`)).toEqual([
      { status: 'cancelled', finished_at: iso() },
      { status: 'cancelled', finished_at: iso() },
    ]);
  });

  it('pausing a running job stops it before its next step; resuming skips every effect that already happened', async () => {
    const effects: number[] = [];
    const g = gate();
    let waitAfter: number | null = 2;
    f.registry.register('test.steps', {
      payload: z.object({ recipients: z.array(z.number().int()) }).strict(),
      run: async (ctx) => {
        for (const r of ctx.payload.recipients) {
          await ctx.once(`campaign-step:1:contact:${r}`, async () => void effects.push(r));
          if (r === waitAfter) await g.opened;
        }
      },
    });
    const id = await f.enqueue({ kind: 'test.steps', payload: { recipients: [1, 2, 3, 4] }, group: 'campaign:5' });
    const runner = f.runner();
    const run = runner.runUntilIdle();
    await vi.waitFor(() => expect(effects).toEqual([1, 2]));
    await f.writes.run((em) => f.store.pauseGroup(em, 'campaign:5', null));
    g.open();
    await run;
    expect(effects).toEqual([1, 2]);
    expect(await job(id)).toMatchObject({ status: 'paused', attempts: 0, lease_owner: null });

    waitAfter = null;
    await f.writes.run((em) => f.store.resumeGroup(em, 'campaign:5'));
    expect(await runner.runUntilIdle()).toBe(1);
    expect(effects).toEqual([1, 2, 3, 4]);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await f.rows(`SELECT key FROM job_effects ORDER BY key`)).toEqual([1, 2, 3, 4].map((r) => ({ key: `campaign-step:1:contact:${r}` })));
  });

  it('retry gives a failed job a fresh set of attempts; only failed jobs can be retried', async () => {
    let fail = true;
    f.registry.register('test.retry', {
      payload: N,
      run: async () => {
        if (fail) throw new JobError('no', { retry: false });
      },
    });
    const id = await f.enqueue({ kind: 'test.retry', payload: { n: 1 } });
    const runner = f.runner();
    await runner.runUntilIdle();
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 1 });
    fail = false;
    f.clock.advance(1000);
    expect(await f.writes.run((em) => f.store.retry(em, id, false))).toMatchObject({ id, status: 'queued', attempts: 0, runAt: iso(), finishedAt: null, lastError: 'no' });
    await runner.runUntilIdle();
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1 });
    await expect(f.writes.run((em) => f.store.retry(em, id, false))).rejects.toMatchObject({ code: 'conflict' });
    await expect(f.writes.run((em) => f.store.retry(em, 999, false))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('exactly once for an external effect (the SMTP protocol, with a fake server)', () => {
  let sent: string[];
  let seq: number;
  let check: EffectCheck | null;
  let failure: { error: unknown; mayHaveHappened: boolean } | null;

  beforeEach(() => {
    sent = [];
    seq = 0;
    check = null;
    failure = null;
    f.registry.register('test.send', {
      payload: z.object({ key: z.string() }).strict(),
      run: async (ctx) => {
        await ctx.onceExternal(ctx.payload.key, {
          prepare: () => `<m${++seq}@test>`,
          perform: async (messageId) => {
            if (failure) throw failure.error;
            sent.push(messageId);
            return messageId;
          },
          mayHaveHappened: () => failure?.mayHaveHappened ?? false,
          ...(check ? { check: async () => check! } : {}),
          graceMs: 60_000,
        });
      },
    });
  });

  const effect = async (key: string) => (await f.rows<{ state: string; detail: string | null }>(`SELECT state, detail FROM job_effects WHERE key = ?`, [key]))[0];
  /** What a process that died between "pending" and "done" leaves behind. */
  const crashedAttempt = (key: string, messageId: string) =>
    f.rows(`INSERT INTO job_effects (key, job_id, state, detail, created_at) VALUES (?, 99, 'pending', ?, ?)`, [key, messageId, iso()]);

  it('sends, records it as done with its Message-ID, and never sends the same key again', async () => {
    const runner = f.runner();
    const first = await f.enqueue({ kind: 'test.send', payload: { key: 'mail:a' } });
    await f.enqueue({ kind: 'test.send', payload: { key: 'mail:a' } });
    expect(await runner.runUntilIdle()).toBe(2);
    expect(sent).toEqual(['<m1@test>']);
    expect(await effect('mail:a')).toEqual({ state: 'done', detail: '<m1@test>' });
    expect(await f.rows(`SELECT job_id FROM job_effects`)).toEqual([{ job_id: first }]);
    expect(await f.rows(`SELECT status FROM jobs`)).toEqual([{ status: 'done' }, { status: 'done' }]);
  });

  it('an attempt that died mid-send: while it might still be under way, waits; then a check that finds it delivered records it without resending', async () => {
    await crashedAttempt('mail:b', '<lost@test>');
    const id = await f.enqueue({ kind: 'test.send', payload: { key: 'mail:b' } });
    const runner = f.runner();
    await runner.runUntilIdle();
    expect(sent).toEqual([]);
    expect(await job(id)).toMatchObject({ status: 'queued', run_at: iso(60_000), last_error: expect.stringMatching(/may still be under way/) });
    f.clock.advance(60_000);
    check = 'done';
    await runner.runUntilIdle();
    expect(sent).toEqual([]);
    expect(await effect('mail:b')).toEqual({ state: 'done', detail: '<lost@test>' });
    expect(await job(id)).toMatchObject({ status: 'done' });
  });

  it('a check that finds it not delivered sends it, with the Message-ID the dead attempt had chosen', async () => {
    await crashedAttempt('mail:c', '<lost@test>');
    f.clock.advance(60_000);
    check = 'not_done';
    const id = await f.enqueue({ kind: 'test.send', payload: { key: 'mail:c' } });
    await f.runner().runUntilIdle();
    expect(sent).toEqual(['<lost@test>']);
    expect(await effect('mail:c')).toEqual({ state: 'done', detail: '<lost@test>' });
    expect(await job(id)).toMatchObject({ status: 'done' });
  });

  it('with nothing to check against, holds it as uncertain: nothing sent twice, nothing silently skipped; an administrator may resend', async () => {
    await crashedAttempt('mail:d', '<lost@test>');
    f.clock.advance(60_000);
    const id = await f.enqueue({ kind: 'test.send', payload: { key: 'mail:d' } });
    const runner = f.runner();
    await runner.runUntilIdle();
    expect(sent).toEqual([]);
    expect(await effect('mail:d')).toEqual({ state: 'uncertain', detail: '<lost@test>' });
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/^"mail:d" may have happened already.*<lost@test>/) });

    await f.writes.run((em) => f.store.retry(em, id, false));
    await runner.runUntilIdle();
    expect(sent).toEqual([]);
    expect(await job(id)).toMatchObject({ status: 'failed' });

    await f.writes.run((em) => f.store.retry(em, id, true));
    await runner.runUntilIdle();
    expect(sent).toEqual(['<lost@test>']);
    expect(await effect('mail:d')).toEqual({ state: 'done', detail: '<lost@test>' });
    expect(await job(id)).toMatchObject({ status: 'done' });
  });

  it('a send that certainly failed forgets its marker; one that may have gone out keeps it for the check', async () => {
    const runner = f.runner();
    failure = { error: new Error('550 mailbox unavailable'), mayHaveHappened: false };
    const refused = await f.enqueue({ kind: 'test.send', payload: { key: 'mail:e' } });
    await runner.runUntilIdle();
    expect(await effect('mail:e')).toBeUndefined();
    expect(await job(refused)).toMatchObject({ status: 'queued', attempts: 1 });

    failure = { error: new Error('Connection closed unexpectedly'), mayHaveHappened: true };
    const broken = await f.enqueue({ kind: 'test.send', payload: { key: 'mail:f' } });
    await runner.runUntilIdle();
    expect(await effect('mail:f')).toEqual({ state: 'pending', detail: '<m2@test>' });
    expect(await job(broken)).toMatchObject({ status: 'queued', attempts: 1, run_at: iso(30_000) });

    failure = null;
    check = 'done';
    f.clock.advance(30_000); // 30 s after the broken attempt: within its grace, so the next attempt waits
    await runner.runUntilIdle();
    expect(await job(broken)).toMatchObject({ status: 'queued', run_at: iso(30_000) });
    f.clock.advance(30_000);
    await runner.runUntilIdle();
    expect(await effect('mail:f')).toEqual({ state: 'done', detail: '<m2@test>' });
    expect(await job(broken)).toMatchObject({ status: 'done' });
    // The refused one went out on its retry, once.
    expect(sent).toEqual([expect.stringMatching(/^<m\d+@test>$/)]);
    expect(await job(refused)).toMatchObject({ status: 'done', attempts: 2 });
  });
});
