import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHost } from '../../electron/main/host/host';
import { resolve } from 'node:path';

export interface CampaignSendBenchResult {
  recipients: number;
  /** campaigns.setStatus → active: enrol the list and schedule one job per member (one INSERT … SELECT each). */
  startMs: number;
  /** Every step job run: consent check, merge, SMTP send to 127.0.0.1, touch + ledger written. */
  sendMs: number;
  messagesPerSecond: number;
  received: number;
}

/** The counting SMTP server of smtp-sink.ts in its own process. */
async function startSink(): Promise<{ host: string; port: number; count(): Promise<number>; close(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'smtp-sink.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      waiting.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((r) => waiting.push(r));
  const port = Number((await next()).split(' ')[1]);
  return {
    host: '127.0.0.1',
    port,
    async count() {
      const line = next();
      child.stdin!.write('count\n');
      return Number((await line).split(' ')[1]);
    },
    close: () => child.stdin!.end(),
  };
}

/**
 * Issue #7's e-mail figure: a one-step e-mail campaign to `recipients` contacts, sent through the app's own
 * path (campaign.step jobs on the scheduler: consent check, merge, nodemailer over the campaign's pooled
 * connection, touch and ledger written) to an SMTP server on loopback in a process of its own.
 */
export async function measureCampaignSend(recipients: number, log: (line: string) => void): Promise<CampaignSendBenchResult> {
  const smtp = await startSink();
  const file = join(mkdtempSync(join(tmpdir(), 'crm-campaign-bench-')), 'crm.sqlite');
  const host = await openHost({ database: file, background: false, defaultUserName: 'Bench', log: () => undefined });
  const call = async <T>(method: Parameters<typeof host.dispatch>[0], input: unknown): Promise<T> => {
    const res = await host.dispatch(method, input, host.session);
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
    return res.data as T;
  };
  try {
    await call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', fromAddress: 'office@example.com', fromName: 'Office' });
    log(`Campaign send: creating ${recipients.toLocaleString('en')} contacts…`);
    const ids: number[] = [];
    for (let i = 0; i < recipients; i++) {
      ids.push((await call<{ id: number }>('contacts.create', { firstName: `Person`, lastName: `${i}`, emails: [{ label: 'work', address: `p${i}@example.com` }] })).id);
    }
    const list = await call<{ id: number }>('lists.create', { name: 'Bench', entity: 'contact', channel: 'email' });
    for (let i = 0; i < ids.length; i += 10_000) await call('lists.add', { listId: list.id, ids: ids.slice(i, i + 10_000) });
    const campaign = await call<{ id: number; version: number }>('campaigns.create', {
      name: 'Bench',
      type: 'email',
      currency: 'EUR',
      audienceListId: list.id,
      steps: [{ channel: 'email', delayMinutes: 0, condition: 'always', variants: [{ key: 'A', share: 100, subject: 'Hello {{firstName}}', html: '<p>Dear {{fullName}},</p><p>Our spring offer.</p>' }] }],
    });
    let start = performance.now();
    await call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    const startMs = performance.now() - start;

    const { startJobRunner } = await import('../../electron/main/jobs/jobs.module');
    const { WriteQueue } = await import('../../electron/main/db/write-queue');
    const { EventBus } = await import('../../electron/main/host/event-bus');
    const { runner, stop } = startJobRunner(host.services.jobs, new WriteQueue(host.dataSource), new EventBus(), () => new Date(), () => undefined, { startDelayMs: 3_600_000 });
    log(`Campaign send: sending to ${recipients.toLocaleString('en')} recipients through SMTP on 127.0.0.1…`);
    start = performance.now();
    await runner.runUntilIdle();
    const sendMs = performance.now() - start;
    await stop();
    return { recipients, startMs, sendMs, messagesPerSecond: recipients / (sendMs / 1000), received: await smtp.count() };
  } finally {
    await host.close();
    smtp.close();
  }
}

export function formatCampaignSendTable(r: CampaignSendBenchResult): string {
  return [
    `Campaign e-mail send (${r.recipients.toLocaleString('en')} recipients, SMTP on 127.0.0.1 in another process):`,
    `  start (enrol + schedule)   ${r.startMs.toFixed(0)} ms`,
    `  send all                   ${(r.sendMs / 1000).toFixed(1)} s = ${r.messagesPerSecond.toFixed(0)} messages/s (${r.received} received)`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('campaign-send-cases.ts')) {
  const n = Number(process.argv[2] ?? 1000);
  measureCampaignSend(n, (l) => console.log(l)).then(
    (r) => console.log(formatCampaignSendTable(r)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
