import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppSettingsStore } from '../../electron/main/domain/settings/app-settings.store';
import { createMailSender, mightHaveBeenDelivered } from '../../electron/main/mail/mail-sender';
import { startSmtpServer } from '../support/smtp-test-server';
import { tempHost, type TestHost } from '../support/temp-host';

/**
 * Which failed sends may still have been delivered: the scheduler keeps such a
 * message "pending" (to be checked, never blindly resent) and forgets the others.
 */

let host: TestHost | null = null;
const servers: Server[] = [];
afterEach(async () => {
  await host?.close();
  host = null;
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});

/** Speaks just enough SMTP to take a message, then hangs up instead of answering the final dot. */
async function hangsUpAfterData(): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      if (inData) {
        if (buffer.includes('\r\n.\r\n')) socket.destroy();
        return;
      }
      let nl: number;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (/^EHLO/i.test(line)) socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
          if (buffer.includes('\r\n.\r\n')) socket.destroy();
          return;
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function sendVia(port: number) {
  host = await tempHost();
  await host.call('mail.saveSettings', { host: '127.0.0.1', port, tlsMode: 'none', fromAddress: 'office@example.com' });
  const sender = createMailSender({ store: new AppSettingsStore(host.dataSource), cipher: host.services.mail.cipher, timeouts: { connectionMs: 2_000, greetingMs: 2_000, socketMs: 2_000 } });
  return sender.send({ to: 'p1@example.com', subject: 'Hi', text: 'x', messageId: '<fixed-1@example.com>' }).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('a failed send: certainly not delivered, or in doubt', () => {
  it('a server that hangs up after the whole message, before its 250: in doubt', async () => {
    const error = await sendVia(await hangsUpAfterData());
    expect(error).toMatchObject({ code: 'internal' });
    expect(mightHaveBeenDelivered(error)).toBe(true);
  });

  it('a server that cannot be reached, or refuses the recipient: certainly not delivered', async () => {
    expect(mightHaveBeenDelivered(await sendVia(await closedPort()))).toBe(false);
    await host!.close();
    const smtp = await startSmtpServer({ rejectRecipients: ['p1@example.com'] });
    try {
      const error = await sendVia(smtp.port);
      expect(error).toMatchObject({ code: 'validation' });
      expect(mightHaveBeenDelivered(error)).toBe(false);
    } finally {
      await smtp.close();
    }
  });

  it('the Message-ID the caller chose is the one the server receives', async () => {
    const smtp = await startSmtpServer();
    try {
      expect(await sendVia(smtp.port)).toBeNull();
      expect((await smtp.waitForMessages(1))[0]!.messageId).toBe('<fixed-1@example.com>');
    } finally {
      await smtp.close();
    }
  });
});
