import type { Input, Output } from '../../shared/contract';
import { startSmtpServer, type SmtpTestServer } from './smtp-test-server';
import { tempHost, type TestHost } from './temp-host';

export interface CampaignWorld {
  host: TestHost;
  smtp: SmtpTestServer;
  /** Runs every due job with the host's runner (the test's clock decides what is due). */
  runJobs(): Promise<number>;
  contact(input: Partial<Input<'contacts.create'>> & { lastName: string; email?: string }): Promise<Output<'contacts.create'>>;
  /** A static contacts list holding these records. */
  list(ids: number[], channel?: 'email' | 'call' | 'letter' | 'sms' | null): Promise<number>;
  close(): Promise<void>;
}

/** A migrated database with the SMTP settings pointing at a real SMTP server on 127.0.0.1. */
export async function campaignWorld(): Promise<CampaignWorld> {
  const host = await tempHost();
  const smtp = await startSmtpServer();
  await host.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', fromAddress: 'office@example.com', fromName: 'Office' });
  return {
    host,
    smtp,
    runJobs: () => host.services.jobs.runner!.runUntilIdle(),
    contact: ({ email, ...rest }) => host.call('contacts.create', { ...(email ? { emails: [{ label: 'work', address: email }] } : {}), ...rest }),
    async list(ids, channel = null) {
      const list = await host.call('lists.create', { name: `List ${Math.random().toString(36).slice(2, 8)}`, entity: 'contact', channel });
      await host.call('lists.add', { listId: list.id, ids });
      return list.id;
    },
    async close() {
      await host.close();
      await smtp.close();
    },
  };
}

export const emailStep = (subject: string, html: string, extra: Partial<Extract<Input<'campaigns.create'>['steps'] extends (infer S)[] | undefined ? S : never, { channel: 'email' }>> = {}) => ({
  channel: 'email' as const,
  delayMinutes: 0,
  condition: 'always' as const,
  variants: [{ key: 'A' as const, share: 100, subject, html }],
  ...extra,
});
