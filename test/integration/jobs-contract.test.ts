import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAIL_SEND, type MailSendPayload } from '../../electron/main/jobs/kinds/mail-send.job';
import type { EnqueueInput } from '../../electron/main/jobs/job-store';
import { openHost } from '../../electron/main/host/host';
import type { EventPayload } from '../../shared/contract/events';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-test-server';
import { tempDir, tempHost, type TestHost } from '../support/temp-host';
import { join } from 'node:path';

/** jobs.* through dispatch, as the renderer and the CLI call them, and the host's own runner sending mail. */

let host: TestHost;
let smtp: SmtpTestServer | null = null;
let progress: EventPayload<'jobs.progress'>[];

beforeEach(async () => {
  host = await tempHost();
  progress = [];
  host.events.subscribe((event, payload) => {
    if (event === 'jobs.progress') progress.push(payload as EventPayload<'jobs.progress'>);
  });
});
afterEach(async () => {
  await host.close();
  await smtp?.close();
  smtp = null;
});

const mail = (i: number, extra: Partial<MailSendPayload> = {}): MailSendPayload => ({ to: `p${i}@example.com`, subject: `Offer ${i}`, text: 'Hello', ...extra });

async function enqueue(input: Omit<EnqueueInput, 'kind'>): Promise<number> {
  return (await host.dataSource.transaction((em) => host.services.jobs.store.enqueue(em, { kind: MAIL_SEND, ...input }))).id;
}

describe('jobs.* methods', () => {
  it('list pages newest first and filters by status, group and kind; counts, pause, resume and cancel work per group and announce progress', async () => {
    await host.services.jobs.runner?.stop();
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await enqueue({ payload: mail(i), group: i <= 3 ? 'campaign:1' : 'campaign:2' }));
    await host.dataSource.query(`UPDATE jobs SET status = 'failed', attempts = 5, last_error = 'refused', finished_at = run_at WHERE id = ?`, [ids[4]]);

    const all = await host.call('jobs.list', {});
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.id)).toEqual([...ids].reverse());
    expect(all.rows[4]).toEqual({
      id: ids[0],
      kind: 'mail.send',
      group: 'campaign:1',
      payload: { to: 'p1@example.com', cc: [], subject: 'Offer 1', text: 'Hello' },
      runAt: '2026-03-01T09:00:00.000Z',
      status: 'queued',
      attempts: 0,
      maxAttempts: 5,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      dedupeKey: null,
      createdAt: '2026-03-01T09:00:00.000Z',
      finishedAt: null,
    });
    expect(await host.call('jobs.list', { offset: 1, limit: 2 })).toMatchObject({ total: 5, rows: [{ id: ids[3] }, { id: ids[2] }] });
    expect(await host.call('jobs.list', { group: 'campaign:2', status: ['failed'] })).toMatchObject({ total: 1, rows: [{ id: ids[4], lastError: 'refused' }] });
    expect((await host.call('jobs.list', { kind: 'campaign.step' })).total).toBe(0);

    expect(await host.call('jobs.pause', { group: 'campaign:1' })).toEqual({ group: 'campaign:1', done: 0, failed: 0, cancelled: 0, running: 0, remaining: 3, paused: true });
    expect((await host.call('jobs.list', { status: ['paused'] })).total).toBe(3);
    expect(await host.call('jobs.resume', { group: 'campaign:1' })).toMatchObject({ remaining: 3, paused: false });
    expect(await host.call('jobs.cancel', { group: 'campaign:1' })).toMatchObject({ cancelled: 3, remaining: 0 });
    expect(await host.call('jobs.counts', { group: 'campaign:2' })).toMatchObject({ failed: 1, remaining: 1 });
    expect(progress.map((p) => [p.group, p.paused, p.remaining, p.cancelled])).toEqual([
      ['campaign:1', true, 3, 0],
      ['campaign:1', false, 3, 0],
      ['campaign:1', false, 0, 3],
    ]);

    const retried = await host.call('jobs.retry', { id: ids[4]! });
    expect(retried).toMatchObject({ id: ids[4], status: 'queued', attempts: 0, finishedAt: null });
    expect(progress.at(-1)).toMatchObject({ group: 'campaign:2', remaining: 2, failed: 0 });
    expect(await host.fail('jobs.retry', { id: ids[0]! })).toMatchObject({ code: 'conflict', message: `Job ${ids[0]} is cancelled: only a failed job can be retried.` });
    expect(await host.fail('jobs.retry', { id: 9999 })).toMatchObject({ code: 'not_found' });
  });

  it('are for administrators only', async () => {
    const jobId = await enqueue({ payload: mail(1), group: 'campaign:1' });
    const rep = await host.call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' });
    const admin = host.session.userId;
    host.session.userId = rep.id;
    try {
      for (const [method, input] of [
        ['jobs.list', {}],
        ['jobs.counts', { group: 'campaign:1' }],
        ['jobs.pause', { group: 'campaign:1' }],
        ['jobs.resume', { group: 'campaign:1' }],
        ['jobs.cancel', { group: 'campaign:1' }],
        ['jobs.retry', { id: jobId }],
      ] as const) {
        expect(await host.fail(method, input), method).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Only an administrator can/) });
      }
    } finally {
      host.session.userId = admin;
    }
    expect(await host.dataSource.query(`SELECT status FROM jobs`)).toEqual([{ status: 'queued' }]);
    expect(await host.dataSource.query(`SELECT * FROM paused_job_groups`)).toEqual([]);
  });
});

describe("the host's runner", () => {
  it('sends queued mail through the stored SMTP settings, once each, with the Message-ID the ledger recorded, and reports the group done', async () => {
    smtp = await startSmtpServer();
    await host.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', fromAddress: 'office@example.com', fromName: 'Office' });
    for (let i = 1; i <= 3; i++) await enqueue({ payload: mail(i, { key: `campaign-step:3:contact:${i}` }), group: 'campaign:3', dedupeKey: `campaign-step:3:contact:${i}` });
    // Enqueued twice: a no-op.
    await enqueue({ payload: mail(1, { key: 'campaign-step:3:contact:1' }), group: 'campaign:3', dedupeKey: 'campaign-step:3:contact:1' });

    expect(await host.services.jobs.runner!.runUntilIdle()).toBe(3);
    const received = await smtp.waitForMessages(3);
    expect(received.map((m) => m.envelope.to)).toEqual([['p1@example.com'], ['p2@example.com'], ['p3@example.com']]);
    const ledger = (await host.dataSource.query(`SELECT key, state, detail FROM job_effects ORDER BY key`)) as { key: string; state: string; detail: string }[];
    expect(ledger.map((e) => [e.key, e.state])).toEqual([1, 2, 3].map((i) => [`campaign-step:3:contact:${i}`, 'done']));
    expect(ledger.map((e) => e.detail)).toEqual(received.map((m) => m.messageId));
    expect(ledger[0]!.detail).toMatch(/^<[0-9a-f-]{36}@example\.com>$/);
    expect(progress.at(-1)).toEqual({ group: 'campaign:3', done: 3, failed: 0, cancelled: 0, running: 0, remaining: 0, paused: false });

    // Running the same logical messages again (a second job with the same key) sends nothing.
    await enqueue({ payload: mail(2, { key: 'campaign-step:3:contact:2' }) });
    expect(await host.services.jobs.runner!.runUntilIdle()).toBe(1);
    expect(smtp.messages).toHaveLength(3);
  });

  it('a refused recipient fails that message for good with the server\'s reason; the others go out', async () => {
    smtp = await startSmtpServer({ rejectRecipients: ['nobody@example.com'] });
    await host.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', fromAddress: 'office@example.com' });
    const bad = await enqueue({ payload: { to: 'nobody@example.com', subject: 'Hi', text: 'x' }, group: 'campaign:4' });
    await enqueue({ payload: mail(1), group: 'campaign:4' });
    await host.services.jobs.runner!.runUntilIdle();
    expect(smtp.messages.map((m) => m.envelope.to)).toEqual([['p1@example.com']]);
    const [row] = (await host.call('jobs.list', { status: ['failed'] })).rows;
    expect(row).toMatchObject({ id: bad, attempts: 1, lastError: expect.stringMatching(/refused the recipients/) });
    expect(await host.dataSource.query(`SELECT key FROM job_effects`)).toEqual([{ key: `mail:job:${bad + 1}` }]);
  });

  it('starts with the host and stops with it, leaving no timer behind', async () => {
    const other = await openHost({ database: join(tempDir(), 'crm.sqlite'), log: () => undefined });
    const runner = other.services.jobs.runner!;
    expect(runner.polling).toBe(true);
    await other.close();
    expect(other.services.jobs.runner).toBeNull();
    expect(runner.polling).toBe(false);
    runner.wake();
    expect(runner.polling).toBe(false);
  });
});
