import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EmailAddress } from '../../../../shared/contract/mail';
import type { AppSettingsStore } from '../../domain/settings/app-settings.store';
import { mightHaveBeenDelivered, type MailSender } from '../../mail/mail-sender';
import { readStoredSmtpSettings } from '../../mail/smtp-settings';
import type { EffectCheck } from '../effects';
import type { JobHandler } from '../job-registry';

export const MAIL_SEND = 'mail.send';

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

/** One message through the office's SMTP settings (the outbox: quote e-mails, campaign sends). */
export const MailSendPayload = z
  .object({
    to: EmailAddress,
    cc: z.array(EmailAddress).max(50).default([]),
    subject: z.string().max(500).refine(noLineBreaks, 'The subject cannot contain line breaks'),
    text: z.string().max(500_000),
    /**
     * What makes this message once-only, e.g. 'campaign-step:7:contact:42'. Defaults to the job
     * (`mail:job:<id>`); give one when the same message could be enqueued by several jobs.
     */
    key: z.string().min(1).max(300).optional(),
  })
  .strict();
export type MailSendPayload = z.input<typeof MailSendPayload>;

export interface MailSendOptions {
  sender: MailSender;
  /** The SMTP settings: the From address's domain becomes the Message-ID's. */
  settings: AppSettingsStore;
  /**
   * Whether a message an attempt left unconfirmed (the app died mid-send) was delivered,
   * by its Message-ID. Plain SMTP cannot be asked; without a check such a message is held
   * as uncertain for an administrator (see effects.ts). Tests pass one that looks at the
   * loopback server's mailbox; an IMAP "Sent"-folder search would fit here.
   */
  check?: (messageId: string) => Promise<EffectCheck>;
  /** 'hold' (default) or 'redo' (send again with the same Message-ID when nothing can tell). */
  uncertain?: 'hold' | 'redo';
  /** How long one send may take at most (default 2 min, beyond the sender's 10 s + 10 s + 30 s timeouts). */
  graceMs?: number;
}

/** The `mail.send` kind: each message at most once, and exactly once wherever the outcome can be known. */
export function mailSendJob(options: MailSendOptions): JobHandler<typeof MailSendPayload> {
  return {
    payload: MailSendPayload,
    maxAttempts: 5,
    async run(ctx) {
      const { to, cc, subject, text, key } = ctx.payload;
      await ctx.onceExternal(key ?? `mail:job:${ctx.job.id}`, {
        prepare: async () => {
          const from = (await readStoredSmtpSettings(options.settings)).fromAddress;
          const domain = /@([A-Za-z0-9.-]+)$/.exec(from)?.[1] ?? 'office-crm.invalid';
          return `<${randomUUID()}@${domain}>`;
        },
        perform: (messageId) => options.sender.send({ to, ...(cc.length ? { cc } : {}), subject, text, messageId }),
        mayHaveHappened: mightHaveBeenDelivered,
        ...(options.check ? { check: options.check } : {}),
        uncertain: options.uncertain ?? 'hold',
        ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
      });
    },
  };
}
