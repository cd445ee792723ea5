import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/open-database';
import { WriteQueue } from '../../electron/main/db/write-queue';
import { AppSettingsStore } from '../../electron/main/domain/settings/app-settings.store';
import type { EffectCheck } from '../../electron/main/jobs/effects';
import { JobRegistry } from '../../electron/main/jobs/job-registry';
import { JobRunner } from '../../electron/main/jobs/job-runner';
import { JobStore } from '../../electron/main/jobs/job-store';
import { MAIL_SEND, mailSendJob } from '../../electron/main/jobs/kinds/mail-send.job';
import { createMailSender } from '../../electron/main/mail/mail-sender';
import { keyFileFor, localKeyCipher } from '../../electron/main/mail/secret-cipher';
import { startRunnerProcess, type RunnerProcess } from '../support/jobs-processes';
import { startSmtpServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import { tempHost } from '../support/temp-host';

/**
 * A process sending a campaign's messages through a real SMTP server on
 * 127.0.0.1 is SIGKILLed in the worst place — the server has taken message K
 * but the sender never heard its 250, so its database says "pending" — and a new
 * runner takes over. Each recipient must get exactly one message.
 */

const MESSAGES = 12;
const KILL_AT = 5;
const recipient = (i: number) => `person${i}@example.com`;
let child: RunnerProcess | null = null;
let smtp: SmtpTestServer | null = null;

afterEach(async () => {
  if (child?.child.exitCode === null) child.child.kill('SIGKILL');
  child = null;
  await smtp?.close();
  smtp = null;
});

/** A database with the SMTP settings pointing at the test server and MESSAGES mail.send jobs of one campaign step. */
async function campaignDatabase(server: SmtpTestServer): Promise<string> {
  const host = await tempHost();
  try {
    await host.services.jobs.runner?.stop();
    await host.call('mail.saveSettings', { host: server.host, port: server.port, tlsMode: 'none', fromAddress: 'office@example.com', fromName: 'Office' });
    await host.dataSource.transaction(async (em) => {
      for (let i = 1; i <= MESSAGES; i++) {
        await host.services.jobs.store.enqueue(em, {
          kind: MAIL_SEND,
          group: 'campaign:1',
          dedupeKey: `campaign-step:1:contact:${i}`,
          runAt: '2020-01-01T00:00:00.000Z',
          payload: { to: recipient(i), subject: `Spring offer ${i}`, text: 'Hello', key: `campaign-step:1:contact:${i}` },
        });
      }
    });
  } finally {
    await host.close();
  }
  return host.file;
}

/** The app started again after the crash: a runner in this process, its clock 10 minutes on (leases and grace periods have passed). */
async function restart(file: string, check?: (messageId: string) => Promise<EffectCheck>) {
  const { dataSource } = await openDatabase({ database: file });
  const registry = new JobRegistry();
  const settings = new AppSettingsStore(dataSource);
  registry.register(
    MAIL_SEND,
    mailSendJob({ sender: createMailSender({ store: settings, cipher: localKeyCipher(keyFileFor(file)) }), settings, ...(check ? { check } : {}) }),
  );
  const now = () => new Date(Date.now() + 10 * 60_000);
  const store = new JobStore(registry, () => now().toISOString());
  const writes = new WriteQueue(dataSource);
  const runner = new JobRunner({ dataSource, writes, registry, store, now, runnerId: 'restarted' });
  return { dataSource, store, runner, writes };
}

/** Runs the child until the server holds message KILL_AT, then kills it before the server answers. */
async function crashMidSend(file: string): Promise<void> {
  child = startRunnerProcess(file, 'mail', 'desk-A', 1_000);
  const killed = child;
  await killed.ready;
  killed.go();
  expect(await killed.exited, killed.stderr.join('\n')).toBeNull();
  expect(killed.ran).toHaveLength(KILL_AT - 1);
}

const counts = (mails: ReceivedMail[]) => {
  const by = new Map<string, number>();
  for (const m of mails) for (const to of m.envelope.to) by.set(to, (by.get(to) ?? 0) + 1);
  return Array.from({ length: MESSAGES }, (_, i) => by.get(recipient(i + 1)) ?? 0);
};

describe('a crash in the middle of sending', () => {
  it('after a SIGKILL between the server taking message K and the sender recording it, a restart delivers every message exactly once', async () => {
    const server = await startSmtpServer({
      beforeReply: async (mail) => {
        if (mail.envelope.to[0] === recipient(KILL_AT) && child?.child.exitCode === null && child.child.signalCode === null) {
          child.child.kill('SIGKILL');
          await child.exited;
        }
      },
    });
    smtp = server;
    const file = await campaignDatabase(server);
    await crashMidSend(file);
    expect(counts(server.messages)).toEqual(Array.from({ length: MESSAGES }, (_, i) => (i < KILL_AT ? 1 : 0)));

    const app = await restart(file, async (messageId) => (server.messages.some((m) => m.messageId === messageId) ? 'done' : 'not_done'));
    try {
      const [pending] = (await app.dataSource.query(`SELECT key, state, detail FROM job_effects WHERE state <> 'done'`)) as { key: string; state: string; detail: string }[];
      expect(pending).toMatchObject({ key: `campaign-step:1:contact:${KILL_AT}`, state: 'pending' });
      expect(await app.runner.runUntilIdle()).toBe(MESSAGES - (KILL_AT - 1));
      expect(counts(server.messages)).toEqual(Array.from({ length: MESSAGES }, () => 1));
      // The ledger and the mailbox agree, Message-ID for Message-ID.
      const effects = (await app.dataSource.query(`SELECT key, state, detail FROM job_effects ORDER BY rowid`)) as { key: string; state: string; detail: string }[];
      expect(effects.every((e) => e.state === 'done')).toBe(true);
      expect(effects.map((e) => e.detail).sort()).toEqual(server.messages.map((m) => `<${m.messageId!.replace(/^<|>$/g, '')}>`).sort());
      expect(pending!.detail).toBe(effects.find((e) => e.key === pending!.key)!.detail);
      expect(await app.store.counts(app.dataSource, 'campaign:1')).toMatchObject({ done: MESSAGES, failed: 0, remaining: 0 });
    } finally {
      await app.runner.stop();
      await app.dataSource.destroy();
    }
  });

  it('when the killed send never reached the server, the restart sends it, once', async () => {
    const server = await startSmtpServer({
      beforeReply: async (mail) => {
        if (mail.envelope.to[0] === recipient(KILL_AT) && child?.child.exitCode === null && child.child.signalCode === null) {
          // The connection dies mid-DATA: the server drops the message.
          server.messages.splice(server.messages.indexOf(mail), 1);
          child.child.kill('SIGKILL');
          await child.exited;
        }
      },
    });
    smtp = server;
    const file = await campaignDatabase(server);
    await crashMidSend(file);
    expect(counts(server.messages)).toEqual(Array.from({ length: MESSAGES }, (_, i) => (i < KILL_AT - 1 ? 1 : 0)));

    const app = await restart(file, async (messageId) => (server.messages.some((m) => m.messageId === messageId) ? 'done' : 'not_done'));
    try {
      await app.runner.runUntilIdle();
      expect(counts(server.messages)).toEqual(Array.from({ length: MESSAGES }, () => 1));
      expect(await app.store.counts(app.dataSource, 'campaign:1')).toMatchObject({ done: MESSAGES, remaining: 0 });
    } finally {
      await app.runner.stop();
      await app.dataSource.destroy();
    }
  });

  it('with nothing to ask (plain SMTP), the one message in doubt is held, not resent; the rest go out once; resending is an explicit choice', async () => {
    const server = await startSmtpServer({
      beforeReply: async (mail) => {
        if (mail.envelope.to[0] === recipient(KILL_AT) && child?.child.exitCode === null && child.child.signalCode === null) {
          child.child.kill('SIGKILL');
          await child.exited;
        }
      },
    });
    smtp = server;
    const file = await campaignDatabase(server);
    await crashMidSend(file);

    const app = await restart(file);
    try {
      await app.runner.runUntilIdle();
      expect(counts(server.messages)).toEqual(Array.from({ length: MESSAGES }, () => 1));
      const [held] = (await app.dataSource.query(`SELECT id, status, last_error FROM jobs WHERE status <> 'done'`)) as { id: number; status: string; last_error: string }[];
      expect(held).toMatchObject({ status: 'failed', last_error: expect.stringMatching(new RegExp(`^"campaign-step:1:contact:${KILL_AT}" may have happened already`)) });
      expect(await app.store.counts(app.dataSource, 'campaign:1')).toMatchObject({ done: MESSAGES - 1, failed: 1, remaining: 0 });

      // An administrator who chooses to resend gets a second copy, recognisable by its Message-ID.
      await app.writes.run((em) => app.store.retry(em, held!.id, true));
      await app.runner.runUntilIdle();
      const copies = server.messages.filter((m) => m.envelope.to[0] === recipient(KILL_AT));
      expect(copies).toHaveLength(2);
      expect(copies[1]!.messageId).toBe(copies[0]!.messageId);
    } finally {
      await app.runner.stop();
      await app.dataSource.destroy();
    }
  });
});
