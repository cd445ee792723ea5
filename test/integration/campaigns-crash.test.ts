import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/open-database';
import { WriteQueue } from '../../electron/main/db/write-queue';
import { campaignStepJob } from '../../electron/main/domain/campaigns/journey.job';
import { CAMPAIGN_STEP } from '../../electron/main/domain/campaigns/schedule';
import { AppSettingsStore } from '../../electron/main/domain/settings/app-settings.store';
import { JobRegistry } from '../../electron/main/jobs/job-registry';
import { JobRunner } from '../../electron/main/jobs/job-runner';
import { JobStore } from '../../electron/main/jobs/job-store';
import { createMailSender } from '../../electron/main/mail/mail-sender';
import { keyFileFor, localKeyCipher } from '../../electron/main/mail/secret-cipher';
import { emailStep } from '../support/campaign-fixture';
import { startRunnerProcess, type RunnerProcess } from '../support/jobs-processes';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-test-server';
import { tempHost } from '../support/temp-host';

/**
 * A campaign's journey (two e-mail steps to 12 contacts) runs in a process of its own that is SIGKILLed
 * when the SMTP server on 127.0.0.1 has taken step 1's message to recipient K but not yet answered; the
 * app is started again. Every recipient must get each step's message exactly once: nothing sent is sent
 * again, nothing unsent is skipped, and step 2 still follows for everyone.
 */

const PEOPLE = 12;
const KILL_AT = 5;
const address = (i: number) => `person${i}@example.com`;
let child: RunnerProcess | null = null;
let smtp: SmtpTestServer | null = null;

afterEach(async () => {
  if (child?.child.exitCode === null) child.child.kill('SIGKILL');
  child = null;
  await smtp?.close();
  smtp = null;
});

async function startedCampaign(server: SmtpTestServer): Promise<string> {
  const host = await tempHost();
  try {
    await host.services.jobs.runner?.stop();
    await host.call('mail.saveSettings', { host: server.host, port: server.port, tlsMode: 'none', fromAddress: 'office@example.com', fromName: 'Office' });
    const list = await host.call('lists.create', { name: 'Everyone', entity: 'contact', channel: 'email' });
    const ids: number[] = [];
    for (let i = 1; i <= PEOPLE; i++) ids.push((await host.call('contacts.create', { lastName: `Person ${i}`, emails: [{ label: 'work', address: address(i) }] })).id);
    await host.call('lists.add', { listId: list.id, ids });
    const campaign = await host.call('campaigns.create', {
      name: 'Crash',
      type: 'email',
      currency: 'EUR',
      audienceListId: list.id,
      steps: [emailStep('One', '<p>One</p>'), emailStep('Two', '<p>Two</p>')],
    });
    await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
  } finally {
    await host.close();
  }
  return host.file;
}

const perRecipient = (server: SmtpTestServer, subject: string) =>
  Array.from({ length: PEOPLE }, (_, i) => server.messages.filter((m) => m.subject === subject && m.envelope.to[0] === address(i + 1)).length);

describe('a campaign run killed mid-send', () => {
  it('after a restart every recipient has each step exactly once', async () => {
    const server = await startSmtpServer({
      beforeReply: async (mail) => {
        if (mail.subject === 'One' && mail.envelope.to[0] === address(KILL_AT) && child?.child.exitCode === null && child.child.signalCode === null) {
          child.child.kill('SIGKILL');
          await child.exited;
        }
      },
    });
    smtp = server;
    const file = await startedCampaign(server);
    child = startRunnerProcess(file, 'campaign', 'desk-A', 1_000);
    await child.ready;
    child.go();
    expect(await child.exited, child.stderr.join('\n')).toBeNull();
    expect(perRecipient(server, 'One')).toEqual(Array.from({ length: PEOPLE }, (_, i) => (i < KILL_AT ? 1 : 0)));

    // The app again, its clock ten minutes on (the dead runner's lease and the send's grace period are over).
    const { dataSource } = await openDatabase({ database: file });
    const registry = new JobRegistry();
    const now = () => new Date(Date.now() + 10 * 60_000);
    const store = new JobStore(registry, () => now().toISOString());
    const settings = new AppSettingsStore(dataSource);
    const cipher = localKeyCipher(keyFileFor(file));
    registry.register(
      CAMPAIGN_STEP,
      campaignStepJob({
        jobs: store,
        sender: createMailSender({ store: settings, cipher }),
        settings,
        cipher,
        check: async (messageId) => (server.messages.some((m) => `<${m.messageId!.replace(/^<|>$/g, '')}>` === messageId) ? 'done' : 'not_done'),
      }),
    );
    const runner = new JobRunner({ dataSource, writes: new WriteQueue(dataSource), registry, store, now, runnerId: 'restarted' });
    try {
      await runner.runUntilIdle();
      expect(perRecipient(server, 'One')).toEqual(Array.from({ length: PEOPLE }, () => 1));
      expect(perRecipient(server, 'Two')).toEqual(Array.from({ length: PEOPLE }, () => 1));
      const touches = (await dataSource.query(`SELECT status, COUNT(*) AS n FROM campaign_touches GROUP BY status`)) as { status: string; n: number }[];
      expect(touches).toEqual([{ status: 'sent', n: 2 * PEOPLE }]);
      const effects = (await dataSource.query(`SELECT COUNT(*) AS n FROM job_effects WHERE state <> 'done'`)) as { n: number }[];
      expect(effects[0]!.n).toBe(0);
      expect(await store.counts(dataSource, 'campaign:1')).toMatchObject({ done: 2 * PEOPLE, failed: 0, remaining: 0 });
    } finally {
      await runner.stop();
      await dataSource.destroy();
    }
  });
});
