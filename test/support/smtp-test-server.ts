import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport, type SMTPTransportOptions } from 'nodemailer';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { MailTransport } from '../../electron/main/mail/mail-sender';

/** One message the test server received: mailparser's result plus the raw bytes and the SMTP envelope. */
export type ReceivedMail = ParsedMail & {
  /** The message exactly as it came over the wire (after the SMTP dot-unstuffing). */
  raw: Buffer;
  /** MAIL FROM and RCPT TO, which is where Bcc recipients show up. */
  envelope: { from: string | null; to: string[] };
  /** The user name the client logged in with, or null. */
  login: string | null;
};

export interface SmtpTestServerOptions {
  /** Require exactly this login (PLAIN or LOGIN). Without it no login is needed and any is accepted. */
  auth?: { user: string; password: string };
  /**
   * 'none' (default): plain SMTP with STARTTLS disabled, for tlsMode 'none'.
   * 'starttls': offers STARTTLS; 'tls': TLS from the first byte. Both use smtp-server's built-in
   * self-signed certificate, so the client must trust it: see `trustingTestTransport`.
   */
  security?: 'none' | 'starttls' | 'tls';
  /** RCPT TO these addresses (case-insensitive) is refused with 550. */
  rejectRecipients?: string[];
  /**
   * Called once a message is stored in `messages` and before the server answers 250: a test can
   * kill the sending process here (the server has the message, the sender never hears so), or take
   * the message out of `messages` to play a server that never got it.
   */
  beforeReply?: (mail: ReceivedMail) => Promise<void> | void;
}

export interface SmtpTestServer {
  host: '127.0.0.1';
  port: number;
  /** Every message received so far, in order; grows as messages arrive. */
  messages: ReceivedMail[];
  /** Resolves with `messages` once at least `count` have arrived; rejects after `timeoutMs` (default 5 s). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (nodemailer's smtp-server) on 127.0.0.1 and a free port, keeping what it
 * receives in memory, parsed with mailparser. For tests that send mail:
 *
 * ```ts
 * const smtp = await startSmtpServer({ auth: { user: 'crm', password: 's3cret' } });
 * await host.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', user: 'crm', password: 's3cret', fromAddress: 'office@example.com' });
 * // … send …
 * const [mail] = await smtp.waitForMessages(1);
 * expect(mail.attachments[0].content.equals(pdf)).toBe(true);
 * await smtp.close();
 * ```
 */
export async function startSmtpServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const security = options.security ?? 'none';
  const refused = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());

  const serverOptions: SMTPServerOptions = {
    secure: security === 'tls',
    ...(security === 'none' ? { disabledCommands: ['STARTTLS'] } : {}),
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && (auth.username !== options.auth.user || auth.password !== options.auth.password)) {
        callback(new Error('Invalid username or password'));
        return;
      }
      callback(null, { user: auth.username ?? null });
    },
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = new Error(`Mailbox ${address.address} does not exist`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const login = typeof session.user === 'string' ? session.user : null;
        simpleParser(raw).then(
          (parsed) => {
            const mail = Object.assign(parsed, { raw, envelope, login });
            messages.push(mail);
            notify();
            Promise.resolve(options.beforeReply?.(mail)).then(
              () => callback(),
              (error: Error) => callback(error),
            );
          },
          (error: Error) => callback(error),
        );
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that disconnects rudely must not crash the test run.
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    messages,
    waitForMessages(count, timeoutMs = 5_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`The test SMTP server received ${messages.length} of ${count} messages within ${timeoutMs} ms.`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A nodemailer transport for MailSender's `createTransport` option that trusts the test
 * server's self-signed certificate. Tests only: the app always verifies certificates.
 */
export function trustingTestTransport(options: SMTPTransportOptions): MailTransport {
  return createTransport({ ...options, tls: { ...options.tls, rejectUnauthorized: false } });
}
