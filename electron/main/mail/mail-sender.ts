import { createTransport as createNodemailerTransport, type SendMailOptions, type SMTPTransportOptions } from 'nodemailer';
import { CrmError } from '../../../shared/errors';
import type { AppSettingsStore } from '../domain/settings/app-settings.store';
import type { SecretCipher } from './secret-cipher';
import { readSmtpSettings, type SmtpSettings } from './smtp-settings';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** One outgoing message; the sender (From) comes from the SMTP settings. */
export interface OutgoingMail {
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  /** An HTML alternative to `text` (campaign mail); the text part stays for clients that show no HTML. */
  html?: string;
  /** Extra header lines, e.g. List-Unsubscribe; values must be single lines. */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** A Message-ID chosen by the caller ('<…@…>'), e.g. one kept by the job scheduler so a redo is recognisable. */
  messageId?: string;
}

export interface SentMail {
  messageId: string;
  /** Recipients the server accepted. */
  accepted: string[];
  /** Recipients the server refused while others were accepted (all refused is an error). */
  rejected: string[];
}

/** What the sender needs of a nodemailer transporter; a test may wrap or replace it. */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<{ messageId: string; accepted: unknown[]; rejected: unknown[] }>;
  close(): void;
}

export interface MailTimeouts {
  /** Opening the TCP (and TLS) connection. */
  connectionMs: number;
  /** Waiting for the server's greeting once connected. */
  greetingMs: number;
  /** Silence on an open connection. */
  socketMs: number;
}

/** Long enough for a slow office server, short enough that a dead one never hangs the app. */
export const DEFAULT_MAIL_TIMEOUTS: MailTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

export interface MailSenderOptions {
  store: AppSettingsStore;
  cipher: SecretCipher;
  /** Defaults to nodemailer's SMTP transport. Tests inject one to trust a self-signed loopback certificate. */
  createTransport?: (options: SMTPTransportOptions) => MailTransport;
  timeouts?: Partial<MailTimeouts>;
  /**
   * Keep one pooled connection open between sends (closed after `POOL_IDLE_MS` without one, or when the settings
   * change) instead of a fresh connection per message: for campaign runs, where the connection set-up is most
   * of a message's cost. One-off sends (a quote) keep the default.
   */
  pooled?: boolean;
}

/** How long a pooled connection stays open without a message. */
export const POOL_IDLE_MS = 30_000;

export interface MailSender {
  /**
   * Sends with the SMTP settings as stored at this moment (a fresh connection per call).
   * Throws CrmError with a plain message: 'validation' when mail is not set up or the
   * server refuses the login, the TLS setting or the recipients; 'internal' when the server
   * cannot be reached or does not answer in time.
   */
  send(message: OutgoingMail): Promise<SentMail>;
  /** Closes a pooled connection (the app is closing); the next send would open a new one. */
  close?(): void;
}

/** The nodemailer options for the stored settings: secure by default (certificates are always verified). */
export function transportOptions(settings: SmtpSettings, timeouts: MailTimeouts): SMTPTransportOptions {
  const tls: Pick<SMTPTransportOptions, 'secure' | 'requireTLS' | 'ignoreTLS'> =
    settings.tlsMode === 'tls'
      ? { secure: true }
      : settings.tlsMode === 'starttls'
        ? { secure: false, requireTLS: true }
        : { secure: false, ignoreTLS: true };
  return {
    host: settings.host,
    port: settings.port,
    ...tls,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    dnsTimeout: timeouts.connectionMs,
    // Attachments are always buffers we built: never let message data make nodemailer read a file or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export function createMailSender(options: MailSenderOptions): MailSender {
  const timeouts: MailTimeouts = { ...DEFAULT_MAIL_TIMEOUTS, ...options.timeouts };
  const makeTransport = options.createTransport ?? ((o: SMTPTransportOptions) => createNodemailerTransport(o));
  const pool = options.pooled ? pooledTransports(makeTransport) : null;
  return {
    async send(message) {
      const settings = await readSmtpSettings(options.store, options.cipher);
      assertReady(settings);
      const transportOpts = transportOptions(settings, timeouts);
      const transport = pool ? pool.take(transportOpts) : makeTransport(transportOpts);
      try {
        const info = await transport.sendMail({
          from: { name: settings.fromName, address: settings.fromAddress },
          to: message.to,
          ...(message.cc?.length ? { cc: message.cc } : {}),
          subject: message.subject,
          text: message.text,
          ...(message.html !== undefined ? { html: message.html } : {}),
          ...(message.headers ? { headers: message.headers } : {}),
          attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
          ...(message.messageId ? { messageId: message.messageId } : {}),
        });
        return { messageId: info.messageId, accepted: info.accepted.map(addressText), rejected: info.rejected.map(addressText) };
      } catch (error) {
        // A pooled connection that failed may be broken: the next send opens a new one.
        pool?.discard();
        const failure = smtpFailure(error, settings, timeouts);
        if (mightHaveBeenDelivered(error)) uncertainDeliveries.add(failure);
        throw failure;
      } finally {
        if (pool) pool.release();
        else transport.close();
      }
    },
    close: () => pool?.close(),
  };
}

/** One pooled transport for the current settings, closed when they change or after POOL_IDLE_MS unused. */
function pooledTransports(makeTransport: (o: SMTPTransportOptions) => MailTransport) {
  let current: { key: string; transport: MailTransport } | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const discard = () => {
    current?.transport.close();
    current = null;
  };
  return {
    take(o: SMTPTransportOptions): MailTransport {
      if (idle) clearTimeout(idle);
      idle = null;
      const key = JSON.stringify(o);
      if (current?.key !== key) {
        discard();
        // maxConnections 1: messages go one after another anyway (the scheduler runs one job at a time).
        current = { key, transport: makeTransport({ ...o, pool: true, maxConnections: 1 } as SMTPTransportOptions) };
      }
      return current.transport;
    },
    release() {
      if (idle) clearTimeout(idle);
      idle = setTimeout(discard, POOL_IDLE_MS);
      idle.unref?.();
    },
    discard,
    close() {
      if (idle) clearTimeout(idle);
      idle = null;
      discard();
    },
  };
}

function addressText(a: unknown): string {
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object' && 'address' in a && typeof a.address === 'string') return a.address;
  return String(a);
}

function assertReady(settings: SmtpSettings): void {
  if (!settings.host || !settings.fromAddress) {
    throw new CrmError('validation', 'E-mail is not set up yet: an administrator enters the mail server under Settings → E-mail (SMTP).');
  }
  if (settings.user && settings.password === null) {
    throw new CrmError(
      'validation',
      `No usable password for the mail server login "${settings.user}" is stored on this computer: enter it again under Settings → E-mail (SMTP).`,
    );
  }
}

interface NodemailerFailure {
  code?: string;
  message?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  /** OpenSSL's short reason, e.g. 'wrong version number'. */
  reason?: string;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

const TLS_HINT = 'Check the security setting: port 465 usually needs TLS, port 587 STARTTLS.';

/** Turns a nodemailer error into a CrmError an office user can act on. */
export function smtpFailure(error: unknown, settings: SmtpSettings, timeouts: MailTimeouts): CrmError {
  if (error instanceof CrmError) return error;
  const e = (error && typeof error === 'object' ? error : {}) as NodemailerFailure;
  const where = `${settings.host}:${settings.port}`;
  const reason = (e.response ?? e.reason ?? e.message ?? String(error)).trim();
  const message = e.message ?? '';
  // Before the greeting the connection and greeting timeouts apply; later, the socket's inactivity timeout.
  const waited = !e.command || e.command === 'CONN' ? Math.max(timeouts.connectionMs, timeouts.greetingMs) : timeouts.socketMs;
  const tlsProblem = e.code === 'ETLS' || /SSL|TLS|certificate|self[- ]signed|wrong version number|unable to verify/i.test(message);
  switch (true) {
    case e.code === 'ETLS' && e.command === 'STARTTLS':
      return new CrmError('validation', `The mail server at ${where} did not switch to STARTTLS (it answered: ${reason}). ${TLS_HINT}`);
    case /wrong version number|packet length too long|unknown protocol/i.test(message):
      return new CrmError('validation', `The mail server at ${where} does not speak TLS from the start on this port (${reason}). ${TLS_HINT}`);
    case e.code === 'EAUTH':
      return new CrmError('validation', `The mail server at ${where} refused the login for "${settings.user ?? ''}": ${reason}. Check the user name and password.`);
    case e.code === 'ENOAUTH':
      return new CrmError('validation', `The mail server at ${where} needs a login: enter a user name and password.`);
    case e.code === 'ETIMEDOUT' || /timed? ?out/i.test(message):
      return new CrmError(
        'internal',
        `The mail server at ${where} did not answer within ${seconds(waited)}. Check the host and port, and whether a firewall blocks the connection.`,
      );
    case e.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(message):
      return new CrmError('validation', `Could not find the mail server "${settings.host}": check the host name.`);
    case tlsProblem:
      return new CrmError('validation', `The secure connection to the mail server at ${where} failed: ${reason}. ${TLS_HINT}`);
    case e.code === 'ESOCKET' || e.code === 'ECONNECTION' || /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH/.test(message):
      return new CrmError('internal', `Could not reach the mail server at ${where}: ${reason}. Check the host and port, and that the server is running.`);
    case e.code === 'EENVELOPE':
      return new CrmError('validation', `The mail server at ${where} refused the recipients: ${reason}.`, [{ path: 'to', message: `Refused by the mail server: ${reason}` }]);
    case e.code === 'EMESSAGE':
      return new CrmError('validation', `The mail server at ${where} refused the message: ${reason}.`);
    default:
      return new CrmError('internal', `Sending through the mail server at ${where} failed: ${reason}.`);
  }
}

const uncertainDeliveries = new WeakSet<object>();

/**
 * Whether a failed send may have been delivered anyway: the connection broke or went
 * silent mid-conversation, possibly after the server had taken the message (SMTP's
 * "250 after the final dot" can be lost). A refusal with a reply code, a failed login or
 * TLS setup, or a server that could not be reached at all means it certainly was not.
 */
export function mightHaveBeenDelivered(error: unknown): boolean {
  if (error instanceof CrmError) return uncertainDeliveries.has(error);
  const e = (error && typeof error === 'object' ? error : {}) as NodemailerFailure;
  if (typeof e.responseCode === 'number') return false;
  if (e.code && ['EDNS', 'EAUTH', 'ENOAUTH', 'ETLS', 'EENVELOPE', 'EMESSAGE'].includes(e.code)) return false;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|Connection timeout|Greeting never received|wrong version number/i.test(e.message ?? '')) return false;
  return true;
}
