import { z } from 'zod';
import { method } from './define';

const NoInput = z.object({}).strict().optional().transform(() => ({}));

/** How the connection to the mail server is secured: none, upgraded with STARTTLS (port 587), or TLS from the start (port 465). */
export const TLS_MODES = ['none', 'starttls', 'tls'] as const;
export const TlsMode = z.enum(TLS_MODES, { error: 'Choose none, STARTTLS or TLS' });
export type TlsMode = z.infer<typeof TlsMode>;

/**
 * How the stored SMTP password is protected on this computer: by the operating system's
 * key store (Windows DPAPI, macOS Keychain, a Linux keyring) or by a key file next to the database.
 */
export const PasswordProtection = z.enum(['os', 'local-key']);
export type PasswordProtection = z.infer<typeof PasswordProtection>;

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

/** A DNS name or an IPv4/IPv6 address, without scheme or port. */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
const HOST_MESSAGE = 'A host name such as smtp.example.com or an IP address, without http:// or a port';

export const MailHost = z
  .string({ error: 'The mail server host is required' })
  .trim()
  .min(1, { error: 'The mail server host is required', abort: true })
  .max(253, { error: 'At most 253 characters', abort: true })
  .refine((h) => HOST_NAME.test(h) || (h.includes(':') && IPV6.test(h)), HOST_MESSAGE);

export const MailPort = z
  .number({ error: 'The port is a number, usually 587 (STARTTLS), 465 (TLS) or 25' })
  .int('The port is a whole number')
  .min(1, 'The port is between 1 and 65535')
  .max(65535, 'The port is between 1 and 65535');

export const EmailAddress = z
  .string({ error: 'An e-mail address is required' })
  .trim()
  .max(254, 'At most 254 characters')
  .pipe(z.email({ error: 'A valid e-mail address, e.g. office@example.com' }));

/** What anyone may see of the SMTP settings: never the password, only whether one is stored. */
export const MailSettings = z
  .object({
    /** '' until an administrator has set up e-mail. */
    host: z.string(),
    port: z.number().int(),
    tlsMode: TlsMode,
    user: z.string().nullable(),
    /** A password is stored and can be decrypted on this computer. */
    passwordSet: z.boolean(),
    fromAddress: z.string(),
    fromName: z.string(),
    passwordProtection: PasswordProtection,
  })
  .strict();
export type MailSettings = z.output<typeof MailSettings>;

/**
 * Saving the SMTP settings. `password`: omitted or '' keeps the stored one, any other
 * value replaces it; `clearPassword: true` removes it (then `password` must be empty).
 */
export const MailSettingsInput = z
  .object({
    host: MailHost,
    port: MailPort,
    tlsMode: TlsMode,
    user: z
      .string({ error: 'The user name is text' })
      .max(254, 'At most 254 characters')
      .refine(noLineBreaks, 'The user name cannot contain line breaks')
      .transform((s) => s.trim())
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    password: z
      .string({ error: 'The password is text' })
      .max(1000, 'At most 1000 characters')
      .refine(noLineBreaks, 'The password cannot contain line breaks')
      .optional(),
    clearPassword: z.boolean({ error: 'clearPassword is true or false' }).optional(),
    fromAddress: EmailAddress,
    fromName: z
      .string({ error: 'The sender name is text' })
      .trim()
      .max(200, 'At most 200 characters')
      .refine(noLineBreaks, 'The sender name cannot contain line breaks')
      .default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.clearPassword && value.password) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Leave the password empty to clear it' });
    }
  });
export type MailSettingsInput = z.input<typeof MailSettingsInput>;

export const SendTestInput = z.object({ to: EmailAddress }).strict();

export const SendTestResult = z
  .object({
    messageId: z.string(),
    /** The recipients the mail server accepted. */
    accepted: z.array(z.string()),
  })
  .strict();
export type SendTestResult = z.output<typeof SendTestResult>;

export const mailContract = {
  'mail.getSettings': method({
    summary: 'The SMTP settings for outgoing mail (never the password: only whether one is stored and how it is protected)',
    writes: false,
    input: NoInput,
    output: MailSettings,
  }),
  'mail.saveSettings': method({
    summary: 'Change the SMTP settings (admins); the password is stored encrypted and kept unless a new one is given or clearPassword is set',
    writes: true,
    input: MailSettingsInput,
    output: MailSettings,
  }),
  'mail.sendTest': method({
    summary: 'Send a short test message with the stored SMTP settings (admins); a refused login or an unreachable server is a plain error',
    // Talks to the network for up to tens of seconds: kept out of the write queue.
    writes: false,
    input: SendTestInput,
    output: SendTestResult,
  }),
};
