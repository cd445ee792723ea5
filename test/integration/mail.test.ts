import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailSender } from '../../electron/main/mail/mail-sender';
import { keyFileFor, localKeyCipher } from '../../electron/main/mail/secret-cipher';
import { readStoredSmtpSettings, SMTP_KEY } from '../../electron/main/mail/smtp-settings';
import type { MailSettingsInput } from '../../shared/contract/mail';
import { startSmtpServer, trustingTestTransport, type SmtpTestServer } from '../support/smtp-test-server';
import { tempDir, tempHost, type TestHost } from '../support/temp-host';

const USER = 'crm@example.com';
const PASSWORD = 'Pässwörd 1! with spaces';

/** A PDF-like attachment: a real header, then ~200 kB of random bytes (every byte value, CRLFs and dots included). */
function fakePdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1'), randomBytes(200 * 1024), Buffer.from('\r\n.\r\n%%EOF\n')]);
}

function settingsFor(smtp: { host: string; port: number }, extra: Partial<MailSettingsInput> = {}): MailSettingsInput {
  return { host: smtp.host, port: smtp.port, tlsMode: 'none', user: USER, password: PASSWORD, fromAddress: 'office@example.com', fromName: 'Müller & Söhne GmbH', ...extra };
}

async function rawSettingsRow(host: TestHost): Promise<string> {
  const rows: { value: string }[] = await host.dataSource.query(`SELECT value FROM app_settings WHERE key = ?`, [SMTP_KEY]);
  return rows[0]?.value ?? '';
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

let host: TestHost;
const servers: { close(): Promise<void> }[] = [];

async function smtpServer(options?: Parameters<typeof startSmtpServer>[0]): Promise<SmtpTestServer> {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await host.close();
});

describe('SMTP settings', () => {
  it('are empty until an administrator sets them up, and sending says so plainly', async () => {
    expect(await host.call('mail.getSettings', {})).toEqual({
      host: '',
      port: 587,
      tlsMode: 'starttls',
      user: null,
      passwordSet: false,
      fromAddress: '',
      fromName: '',
      passwordProtection: 'local-key',
    });
    const error = await host.fail('mail.sendTest', { to: 'someone@example.com' });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/E-mail is not set up yet/);
  });

  it('never return the password and never store it in plain text', async () => {
    const smtp = await smtpServer({ auth: { user: USER, password: PASSWORD } });
    const saved = await host.call('mail.saveSettings', settingsFor(smtp));
    expect(saved).toEqual({
      host: '127.0.0.1',
      port: smtp.port,
      tlsMode: 'none',
      user: USER,
      passwordSet: true,
      fromAddress: 'office@example.com',
      fromName: 'Müller & Söhne GmbH',
      passwordProtection: 'local-key',
    });
    const read = await host.call('mail.getSettings', {});
    expect(read).toEqual(saved);
    expect(JSON.stringify(read)).not.toContain(PASSWORD);

    const raw = await rawSettingsRow(host);
    expect(raw).not.toBe('');
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain(Buffer.from(PASSWORD, 'utf8').toString('base64'));
    expect(raw).not.toContain('Pässwörd');
    const stored = JSON.parse(raw) as { password: { protection: string; data: string } };
    expect(stored.password.protection).toBe('local-key');
    expect(Buffer.from(stored.password.data, 'base64').length).toBeGreaterThan(Buffer.byteLength(PASSWORD));
    // The local key beside the database is private to the OS user.
    if (process.platform !== 'win32') expect(statSync(keyFileFor(host.file)).mode & 0o777).toBe(0o600);
  });

  it('keep the stored password when none is given, replace it when one is typed, and clear it on request', async () => {
    const smtp = await smtpServer();
    const stored = async () => JSON.parse(await rawSettingsRow(host)).password as { data: string } | null;
    await host.call('mail.saveSettings', settingsFor(smtp));
    const first = await stored();

    const { password: _omit, ...withoutPassword } = settingsFor(smtp, { fromName: 'Renamed' });
    expect((await host.call('mail.saveSettings', withoutPassword)).passwordSet).toBe(true);
    expect(await stored()).toEqual(first);
    expect((await host.call('mail.saveSettings', { ...withoutPassword, password: '' })).passwordSet).toBe(true);
    expect(await stored()).toEqual(first);

    await host.call('mail.saveSettings', settingsFor(smtp, { password: 'another one' }));
    expect((await stored())?.data).not.toBe(first?.data);

    const cleared = await host.call('mail.saveSettings', { ...withoutPassword, clearPassword: true });
    expect(cleared.passwordSet).toBe(false);
    expect(await stored()).toBeNull();

    const both = await host.fail('mail.saveSettings', { ...withoutPassword, password: 'x', clearPassword: true });
    expect(both.code).toBe('validation');
    expect(both.issues).toEqual([{ path: 'password', message: 'Leave the password empty to clear it' }]);
  });

  it('can only be changed or tested by an administrator', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    const [{ id }] = (await host.dataSource.query(
      `INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES ('Bea Rep', NULL, 'sales_rep', 1, ?, ?) RETURNING id`,
      [now, now],
    )) as [{ id: number }];
    const before = await rawSettingsRow(host);
    const saved = await host.dispatch('mail.saveSettings', settingsFor({ host: 'evil.example', port: 25 }), { userId: id });
    expect(saved).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only an administrator can change the e-mail settings.' } });
    const tested = await host.dispatch('mail.sendTest', { to: 'x@example.com' }, { userId: id });
    expect(tested).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rawSettingsRow(host)).toBe(before);
    // Reading is allowed: it holds nothing secret.
    expect(await host.dispatch('mail.getSettings', {}, { userId: id })).toMatchObject({ ok: true });
  });
});

describe('sending through a real SMTP server on loopback', () => {
  it('delivers a PDF attachment byte for byte, with subject, recipients and sender intact', async () => {
    const smtp = await smtpServer({ auth: { user: USER, password: PASSWORD } });
    await host.call('mail.saveSettings', settingsFor(smtp));
    const pdf = fakePdf();
    const sent = await host.services.mail.sender.send({
      to: 'Ayşe Yılmaz <ayse@kunde.example>',
      cc: ['sales@example.com'],
      subject: 'Angebot Q-1001 (Version 2): Büromöbel für Ørsted ✓',
      text: 'Sehr geehrte Frau Yılmaz,\n\nanbei unser Angebot.\n.\nMit freundlichen Grüßen',
      attachments: [{ filename: 'Angebot Q-1001 Müller.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    expect(sent.accepted.sort()).toEqual(['ayse@kunde.example', 'sales@example.com']);
    expect(sent.rejected).toEqual([]);
    expect(sent.messageId).toMatch(/^<.+@.+>$/);

    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.login).toBe(USER);
    expect(mail!.subject).toBe('Angebot Q-1001 (Version 2): Büromöbel für Ørsted ✓');
    expect(mail!.messageId).toBe(sent.messageId);
    expect(mail!.envelope).toEqual({ from: 'office@example.com', to: ['ayse@kunde.example', 'sales@example.com'] });
    const to = Array.isArray(mail!.to) ? mail!.to[0] : mail!.to;
    expect(to?.value).toEqual([{ address: 'ayse@kunde.example', name: 'Ayşe Yılmaz' }]);
    const from = mail!.from?.value[0];
    expect(from).toEqual({ address: 'office@example.com', name: 'Müller & Söhne GmbH' });
    expect(mail!.text?.trim()).toBe('Sehr geehrte Frau Yılmaz,\n\nanbei unser Angebot.\n.\nMit freundlichen Grüßen');

    expect(mail!.attachments).toHaveLength(1);
    const attachment = mail!.attachments[0]!;
    expect(attachment.filename).toBe('Angebot Q-1001 Müller.pdf');
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.content.length).toBe(pdf.length);
    expect(attachment.content.equals(pdf)).toBe(true);
  });

  it('sends the test message from Settings and reports who accepted it', async () => {
    const smtp = await smtpServer({ auth: { user: USER, password: PASSWORD } });
    await host.call('mail.saveSettings', settingsFor(smtp));
    const result = await host.call('mail.sendTest', { to: 'admin@example.com' });
    expect(result.accepted).toEqual(['admin@example.com']);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe('Office CRM test message');
    expect(mail!.text).toContain('sent by Test Admin');
    expect(mail!.messageId).toBe(result.messageId);
  });

  it('a wrong password is a clear error naming the server', async () => {
    const smtp = await smtpServer({ auth: { user: USER, password: PASSWORD } });
    await host.call('mail.saveSettings', settingsFor(smtp, { password: 'wrong' }));
    const error = await host.fail('mail.sendTest', { to: 'admin@example.com' });
    expect(error.code).toBe('validation');
    expect(error.message).toContain(`The mail server at 127.0.0.1:${smtp.port} refused the login for "${USER}"`);
    expect(error.message).toMatch(/Check the user name and password\.$/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('a refused recipient is reported on the recipient field', async () => {
    const smtp = await smtpServer({ rejectRecipients: ['nobody@example.com'] });
    await host.call('mail.saveSettings', settingsFor(smtp, { user: null, clearPassword: true, password: '' }));
    const error = await host.fail('mail.sendTest', { to: 'nobody@example.com' });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/refused the recipients/);
    expect(error.issues?.[0]?.path).toBe('to');
  });

  it('a port nobody listens on is "could not reach", at once', async () => {
    const port = await closedPort();
    await host.call('mail.saveSettings', settingsFor({ host: '127.0.0.1', port }));
    const started = Date.now();
    const error = await host.fail('mail.sendTest', { to: 'admin@example.com' });
    expect(error.message).toMatch(new RegExp(`^Could not reach the mail server at 127\\.0\\.0\\.1:${port}`));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a server that accepts the connection but never answers fails within the timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as AddressInfo;
    try {
      await host.call('mail.saveSettings', settingsFor({ host: '127.0.0.1', port }));
      const sender = createMailSender({ store: host.services.mail.store, cipher: host.services.mail.cipher, timeouts: { connectionMs: 300, greetingMs: 300, socketMs: 300 } });
      const started = Date.now();
      const error = await sender.send({ to: 'a@example.com', subject: 'x', text: 'x' }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(new RegExp(`^The mail server at 127\\.0\\.0\\.1:${port} did not answer within 0\\.3 seconds\\. Check the host and port`));
      expect(error).toMatchObject({ code: 'internal' });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('STARTTLS verifies the certificate by default; a test may trust the self-signed loopback one', async () => {
    const smtp = await smtpServer({ security: 'starttls', auth: { user: USER, password: PASSWORD } });
    await host.call('mail.saveSettings', settingsFor(smtp, { tlsMode: 'starttls' }));
    const error = await host.fail('mail.sendTest', { to: 'admin@example.com' });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/The secure connection to the mail server at 127\.0\.0\.1:\d+ failed: .*certificate/i);

    const trusting = createMailSender({ store: host.services.mail.store, cipher: host.services.mail.cipher, createTransport: trustingTestTransport });
    const sent = await trusting.send({ to: 'admin@example.com', subject: 'Over STARTTLS', text: 'hello' });
    expect(sent.accepted).toEqual(['admin@example.com']);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe('Over STARTTLS');
    expect(mail!.login).toBe(USER);
  });

  it('STARTTLS required but not offered, or TLS against a plain server, is a TLS error with a hint', async () => {
    const smtp = await smtpServer();
    await host.call('mail.saveSettings', settingsFor(smtp, { tlsMode: 'starttls' }));
    const noStartTls = await host.fail('mail.sendTest', { to: 'admin@example.com' });
    expect(noStartTls.message).toBe(
      `The mail server at 127.0.0.1:${smtp.port} did not switch to STARTTLS (it answered: 500 Error: command not recognized). Check the security setting: port 465 usually needs TLS, port 587 STARTTLS.`,
    );
    await host.call('mail.saveSettings', settingsFor(smtp, { tlsMode: 'tls' }));
    const tlsOnPlain = await host.fail('mail.sendTest', { to: 'admin@example.com' });
    expect(tlsOnPlain.message).toBe(
      `The mail server at 127.0.0.1:${smtp.port} does not speak TLS from the start on this port (wrong version number). Check the security setting: port 465 usually needs TLS, port 587 STARTTLS.`,
    );
    expect(smtp.messages).toHaveLength(0);
  });

  it('implicit TLS (port 465 style) works against a trusted server', async () => {
    const smtp = await smtpServer({ security: 'tls', auth: { user: USER, password: PASSWORD } });
    await host.call('mail.saveSettings', settingsFor(smtp, { tlsMode: 'tls' }));
    const trusting = createMailSender({ store: host.services.mail.store, cipher: host.services.mail.cipher, createTransport: trustingTestTransport });
    await trusting.send({ to: 'admin@example.com', subject: 'Over TLS', text: 'hello' });
    expect((await smtp.waitForMessages(1))[0]!.subject).toBe('Over TLS');
  });
});

describe('password protection', () => {
  it('localKeyCipher round-trips, uses a fresh IV every time, and detects tampering', () => {
    const cipher = localKeyCipher(join(tempDir(), 'nested', 'crm.sqlite.key'));
    const a = cipher.encrypt(PASSWORD);
    const b = cipher.encrypt(PASSWORD);
    expect(a.equals(b)).toBe(false);
    expect(cipher.decrypt(a)).toBe(PASSWORD);
    expect(cipher.decrypt(b)).toBe(PASSWORD);
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('');
    const tampered = Buffer.from(a);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.decrypt(tampered)).toThrow(/another key/);
  });

  it('the key is created once and shared by every cipher on the same file', () => {
    const file = join(tempDir(), 'crm.sqlite.key');
    const first = localKeyCipher(file);
    const data = first.encrypt('secret');
    expect(localKeyCipher(file).decrypt(data)).toBe('secret');
    expect(statSync(file).size).toBe(32);
    expect(() => localKeyCipher(join(tempDir(), 'none.key')).decrypt(data)).toThrow(/no key file/);
  });

  it('a password encrypted under another key, or by the OS key store, counts as not set', async () => {
    const smtp = await smtpServer({ auth: { user: USER, password: PASSWORD } });
    await host.call('mail.saveSettings', settingsFor(smtp));
    const elsewhere = localKeyCipher(join(tempDir(), 'other-computer.key'));
    const stored = await readStoredSmtpSettings(host.services.mail.store);
    const write = (password: unknown) =>
      host.dataSource.query(`UPDATE app_settings SET value = ? WHERE key = ?`, [JSON.stringify({ ...stored, password }), SMTP_KEY]);

    await write({ protection: 'local-key', data: elsewhere.encrypt(PASSWORD).toString('base64') });
    expect((await host.call('mail.getSettings', {})).passwordSet).toBe(false);
    const error = await host.fail('mail.sendTest', { to: 'admin@example.com' });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/No usable password for the mail server login "crm@example.com" is stored on this computer/);

    await write({ protection: 'os', data: host.services.mail.cipher.encrypt(PASSWORD).toString('base64') });
    expect((await host.call('mail.getSettings', {})).passwordSet).toBe(false);

    // Typing the password again on this computer repairs it.
    const { password: _omit, ...rest } = settingsFor(smtp);
    expect((await host.call('mail.saveSettings', { ...rest, password: PASSWORD })).passwordSet).toBe(true);
    expect((await host.call('mail.sendTest', { to: 'admin@example.com' })).accepted).toEqual(['admin@example.com']);
  });

  it('an in-memory database gets its key in a private temp folder', () => {
    const file = keyFileFor(':memory:');
    expect(file).not.toBe(':memory:.key');
    expect(localKeyCipher(file).decrypt(localKeyCipher(file).encrypt('x'))).toBe('x');
    expect(keyFileFor('/data/crm.sqlite')).toBe('/data/crm.sqlite.key');
  });
});
