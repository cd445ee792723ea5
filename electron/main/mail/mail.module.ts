import type { DataSource } from 'typeorm';
import type { mailContract } from '../../../shared/contract/mail';
import { AppSettingsStore } from '../domain/settings/app-settings.store';
import { requireRole } from '../domain/users/require-role';
import { Sql } from '../db/sql';
import type { ModuleHandlers } from '../host/handler-types';
import type { Services } from '../host/services';
import { createMailSender, type MailSender, type MailSenderOptions } from './mail-sender';
import type { SecretCipher } from './secret-cipher';
import { describeSmtpSettings, readStoredSmtpSettings, saveSmtpSettings } from './smtp-settings';

export interface MailServices {
  store: AppSettingsStore;
  /** Protects the SMTP password on this computer. */
  cipher: SecretCipher;
  /** Sends mail with the stored SMTP settings; other modules (quotes, campaigns) use this. */
  sender: MailSender;
}

export interface MailServicesOptions {
  cipher: SecretCipher;
  createTransport?: MailSenderOptions['createTransport'];
}

export function createMailServices(dataSource: DataSource, options: MailServicesOptions): MailServices {
  const store = new AppSettingsStore(dataSource);
  const sender = createMailSender({
    store,
    cipher: options.cipher,
    ...(options.createTransport ? { createTransport: options.createTransport } : {}),
  });
  return { store, cipher: options.cipher, sender };
}

export function mailHandlers(services: Services): ModuleHandlers<typeof mailContract> {
  const { store, cipher, sender } = services.mail;
  return {
    'mail.getSettings': async () => describeSmtpSettings(await readStoredSmtpSettings(store), cipher),
    'mail.saveSettings': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ['admin'], 'change the e-mail settings');
      const saved = await saveSmtpSettings(store, cipher, ctx.em, input, ctx.userId, ctx.now());
      return describeSmtpSettings(saved, cipher);
    },
    'mail.sendTest': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ['admin'], 'send a test message');
      const user = await new Sql(ctx.em).get<{ name: string }>(`SELECT name FROM users WHERE id = ?`, [ctx.userId]);
      const sent = await sender.send({
        to: input.to,
        subject: 'Office CRM test message',
        text:
          `This is a test message from Office CRM, sent by ${user?.name ?? 'an administrator'} at ${ctx.now()} (UTC).\n\n` +
          'If you can read it, the CRM can send e-mail (quotes, reminders) with these settings.',
      });
      return { messageId: sent.messageId, accepted: sent.accepted };
    },
  };
}
