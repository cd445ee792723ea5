import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSmsRequest,
  describeSmsGateway,
  loadSmsGateway,
  readStoredSmsGateway,
  saveSmsGateway,
  sendSms,
  smsMightHaveBeenSent,
} from '../../electron/main/domain/campaigns/channels/sms-gateway';
import { SMS_GATEWAY_KEY } from '../../electron/main/domain/settings/settings-keys';
import { SmsGatewaySettings, SmsGatewaySettingsInput, type SmsGatewaySettingsIn } from '../../shared/contract/campaign-settings';
import { CrmError } from '../../shared/errors';
import { tempHost, type TestHost } from '../support/temp-host';

interface Received {
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Gateway {
  base: string;
  received: Received[];
  close(): Promise<void>;
}

type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: Server[] = [];

async function gateway(reply: Reply = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"msg-1"}')): Promise<Gateway> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      reply(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((r) => {
          s.closeAllConnections();
          s.close(() => r());
        }),
    ),
  );
});

/** Every character a message can throw at an encoder. */
const TRICKY = 'Hallo Anna & Co? 50% off! "quoted" \\ back/slash\nnew line +plus =eq #hash ü 😀';
const NUMBER = '+49 151 1234567';

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

describe('sending an SMS through an HTTP gateway', () => {
  it('GET: puts the URL-encoded values into the query and sends the authorization header', async () => {
    const gw = await gateway();
    const sent = await sendSms(
      {
        urlTemplate: `${gw.base}/api/send?to={to}&msg={text}&sender={from}&key=abc`,
        method: 'GET',
        from: 'Office CRM',
        authHeaderName: 'X-Api-Key',
        authHeaderValue: 'secret-123 =/+',
        timeoutMs: 5000,
      },
      { to: NUMBER, text: TRICKY },
    );
    expect(sent).toEqual({ status: 200, body: '{"id":"msg-1"}' });
    expect(gw.received).toHaveLength(1);
    const [req] = gw.received as [Received];
    expect(req.method).toBe('GET');
    expect(req.url).toBe(
      '/api/send?to=%2B49%20151%201234567' +
        '&msg=Hallo%20Anna%20%26%20Co%3F%2050%25%20off!%20%22quoted%22%20%5C%20back%2Fslash%0Anew%20line%20%2Bplus%20%3Deq%20%23hash%20%C3%BC%20%F0%9F%98%80' +
        '&sender=Office%20CRM&key=abc',
    );
    const query = new URL(req.url, gw.base).searchParams;
    expect(Object.fromEntries(query)).toEqual({ to: NUMBER, msg: TRICKY, sender: 'Office CRM', key: 'abc' });
    expect(req.headers['x-api-key']).toBe('secret-123 =/+');
    expect(req.headers['content-type']).toBeUndefined();
    expect(req.body).toBe('');
  });

  it('POST JSON: writes the values as JSON strings, with the content type and a bearer token', async () => {
    const gw = await gateway((_req, res) => res.writeHead(201).end('queued 42'));
    const sent = await sendSms(
      {
        urlTemplate: `${gw.base}/v1/messages`,
        method: 'POST',
        bodyTemplate: '{"recipient": "{to}", "message": {"text": "{text}", "from": "{from}"}}',
        contentType: 'application/json; charset=utf-8',
        authHeaderName: 'Authorization',
        authHeaderValue: 'Bearer t0k3n',
        timeoutMs: 5000,
      },
      { to: NUMBER, text: TRICKY, from: 'Sales' },
    );
    expect(sent).toEqual({ status: 201, body: 'queued 42' });
    const [req] = gw.received as [Received];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/messages');
    expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(req.headers.authorization).toBe('Bearer t0k3n');
    expect(JSON.parse(req.body)).toEqual({ recipient: NUMBER, message: { text: TRICKY, from: 'Sales' } });
  });

  it('POST form: form-encodes the values (spaces as +), so & and = in the text stay inside it', async () => {
    const gw = await gateway();
    await sendSms(
      { urlTemplate: `${gw.base}/sms`, method: 'POST', bodyTemplate: 'to={to}&text={text}', contentType: 'application/x-www-form-urlencoded', timeoutMs: 5000 },
      { to: NUMBER, text: 'a b&c=d+e' },
    );
    const [req] = gw.received as [Received];
    expect(req.body).toBe('to=%2B49+151+1234567&text=a+b%26c%3Dd%2Be');
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({ to: NUMBER, text: 'a b&c=d+e' });
    expect(req.headers.authorization).toBeUndefined();
  });

  it('a 500 is a retryable error with the status and the first 200 characters of the answer, never the secret', async () => {
    const answer = `Internal trouble, key s3cret was rejected ${'x'.repeat(150)}${'TAIL'.repeat(40)}`;
    const gw = await gateway((_req, res) => res.writeHead(500, 'Server Error').end(answer));
    const error = await failure(
      sendSms({ urlTemplate: `${gw.base}/send?to={to}&text={text}&apikey=q-secret`, method: 'GET', authHeaderName: 'X-Key', authHeaderValue: 's3cret', timeoutMs: 5000 }, { to: NUMBER, text: 'hi' }),
    );
    expect(error.code).toBe('internal');
    expect(error.message).toContain(`The SMS gateway at ${gw.base} answered 500 Server Error: `);
    const shown = answer.replace('s3cret', '***');
    expect(error.message).toContain(`${shown.slice(0, 200)}…`);
    expect(error.message).not.toContain(shown.slice(0, 201));
    expect(error.message).not.toContain('s3cret');
    expect(error.message).not.toContain('q-secret'); // the gateway is named by its origin only
    expect(smsMightHaveBeenSent(error)).toBe(false);
  });

  it('a 4xx refusal is a validation error; a redirect is not followed', async () => {
    const refusing = await gateway((_req, res) => res.writeHead(401).end('bad key'));
    const refused = await failure(sendSms({ urlTemplate: `${refusing.base}/s?to={to}&t={text}`, method: 'GET', timeoutMs: 5000 }, { to: NUMBER, text: 'hi' }));
    expect(refused.code).toBe('validation');
    expect(refused.message).toMatch(/answered 401 Unauthorized: bad key$/);

    const target = await gateway();
    const redirecting = await gateway((_req, res) => res.writeHead(302, { location: `${target.base}/elsewhere` }).end());
    const redirected = await failure(
      sendSms({ urlTemplate: `${redirecting.base}/s?to={to}&t={text}`, method: 'GET', authHeaderName: 'X-Key', authHeaderValue: 'k', timeoutMs: 5000 }, { to: NUMBER, text: 'hi' }),
    );
    expect(redirected.code).toBe('validation');
    expect(redirected.message).toMatch(/answered 302 Found \(a redirect, which is not followed/);
    expect(target.received).toHaveLength(0);
  });

  it('a gateway that does not answer fails after the timeout, as possibly sent', async () => {
    const gw = await gateway(() => undefined); // reads the request, never answers
    const started = Date.now();
    const error = await failure(sendSms({ urlTemplate: `${gw.base}/send?to={to}&text={text}`, method: 'GET', timeoutMs: 300 }, { to: NUMBER, text: 'hi' }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.code).toBe('internal');
    expect(error.message).toBe(`The SMS gateway at ${gw.base} did not answer within 0.3 seconds; the message may or may not have been sent.`);
    expect(gw.received).toHaveLength(1);
    expect(smsMightHaveBeenSent(error)).toBe(true);
  });

  it('a gateway that cannot be reached is an internal error, certainly not sent', async () => {
    const gw = await gateway();
    const base = gw.base;
    await gw.close();
    const error = await failure(sendSms({ urlTemplate: `${base}/send?to={to}&text={text}`, method: 'GET', timeoutMs: 5000 }, { to: NUMBER, text: 'hi' }));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(new RegExp(`^Could not reach the SMS gateway at ${base.replace(/\./g, '\\.')}: .*ECONNREFUSED`));
    expect(smsMightHaveBeenSent(error)).toBe(false);
  });

  it('refuses file:// and other non-web addresses, placeholders in the server name, and a GET with a body', async () => {
    const refused = async (settings: SmsGatewaySettingsIn, path: string, message: RegExp) => {
      const error = await failure(sendSms(settings, { to: NUMBER, text: 'hi' }));
      expect(error.code).toBe('validation');
      expect(error.issues?.map((i) => `${i.path}: ${i.message}`).join('\n')).toMatch(new RegExp(`${path}: .*${message.source}`));
    };
    await refused({ urlTemplate: 'file:///etc/passwd?{to}{text}', method: 'GET', timeoutMs: 1000 }, 'urlTemplate', /Only http:\/\/ and https:\/\/ addresses/);
    await refused({ urlTemplate: 'FILE:///C:/sms.txt?to={to}&t={text}', method: 'GET', timeoutMs: 1000 }, 'urlTemplate', /Only http/);
    await refused({ urlTemplate: 'ftp://gw.example/{to}/{text}', method: 'GET', timeoutMs: 1000 }, 'urlTemplate', /Only http/);
    await refused({ urlTemplate: 'https://{to}.example/send?t={text}', method: 'GET', timeoutMs: 1000 }, 'urlTemplate', /not the server name/);
    await refused({ urlTemplate: 'https://user:pw@gw.example/send?to={to}&t={text}', method: 'GET', timeoutMs: 1000 }, 'urlTemplate', /authorization header/);
    await refused({ urlTemplate: 'https://gw.example/send', method: 'GET', bodyTemplate: 'to={to}&t={text}', contentType: 'application/x-www-form-urlencoded', timeoutMs: 1000 }, 'bodyTemplate', /GET request has no body/);
    await refused({ urlTemplate: 'https://gw.example/send?to={to}', method: 'GET', timeoutMs: 1000 }, 'urlTemplate', /\{text\} must appear/);
    await refused({ urlTemplate: 'https://gw.example/send', method: 'POST', bodyTemplate: '{"to": {to}, "t": "{text}"}', contentType: 'application/json', timeoutMs: 1000 }, 'bodyTemplate', /Not valid JSON/);
    await refused({ urlTemplate: 'https://gw.example/send', method: 'POST', bodyTemplate: 'to={to}&t={text}', timeoutMs: 1000 }, 'contentType', /Say what the body is/);
    await refused({ urlTemplate: 'https://gw.example/s?to={to}&t={text}', method: 'GET', authHeaderName: 'X-Key', timeoutMs: 1000 }, 'authHeaderValue', /Enter the value/);
    await refused({ urlTemplate: 'https://gw.example/s?to={to}&t={text}', method: 'GET', authHeaderName: 'Bad Header', authHeaderValue: 'v', timeoutMs: 1000 }, 'authHeaderName', /A header name/);
    await refused({ urlTemplate: 'https://gw.example/s?to={to}&t={text}', method: 'GET', authHeaderName: 'X-Key', authHeaderValue: 'sëcret', timeoutMs: 1000 }, 'authHeaderValue', /plain ASCII/);
    // Values cannot smuggle a scheme or host in: they are encoded.
    const request = buildSmsRequest({ urlTemplate: 'https://gw.example/send/{to}?t={text}', method: 'GET', timeoutMs: 1000 }, { to: '@evil.example/x', text: 'file:///etc' });
    expect(request.url).toBe('https://gw.example/send/%40evil.example%2Fx?t=file%3A%2F%2F%2Fetc');
  });
});

describe('the stored SMS gateway', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await tempHost();
  });
  afterAll(async () => {
    await host.close();
  });

  const rawRow = async () => ((await host.dataSource.query(`SELECT value FROM app_settings WHERE key = ?`, [SMS_GATEWAY_KEY])) as { value: string }[])[0]?.value ?? '';
  const save = (input: unknown) =>
    host.dataSource.transaction((em) =>
      saveSmsGateway(host.services.mail.store, host.services.mail.cipher, em, SmsGatewaySettingsInput.parse(input), host.session.userId, '2026-03-01T09:00:00.000Z'),
    );

  it('is not set up until an administrator saves it', async () => {
    const { store, cipher } = host.services.mail;
    expect(describeSmsGateway(await readStoredSmsGateway(store), cipher)).toMatchObject({ configured: false, authHeaderValueSet: false, secretProtection: 'local-key' });
    const error = await failure(loadSmsGateway(store, cipher));
    expect(error.message).toMatch(/SMS is not set up yet/);
  });

  it('keeps the header value encrypted, and sends with it after loading', async () => {
    const gw = await gateway();
    const { store, cipher } = host.services.mail;
    const input = { urlTemplate: `${gw.base}/send?to={to}&text={text}`, method: 'GET', authHeaderName: 'X-Api-Key', authHeaderValue: 'Very-Secret-Token', timeoutMs: 4000 };
    await save(input);
    const raw = await rawRow();
    expect(raw).toContain('/send?to={to}&text={text}');
    expect(raw).not.toContain('Very-Secret-Token');
    expect(raw).not.toContain(Buffer.from('Very-Secret-Token').toString('base64'));
    expect(describeSmsGateway(await readStoredSmsGateway(store), cipher)).toEqual({
      configured: true,
      urlTemplate: `${gw.base}/send?to={to}&text={text}`,
      method: 'GET',
      bodyTemplate: null,
      contentType: null,
      from: null,
      authHeaderName: 'X-Api-Key',
      authHeaderValueSet: true,
      secretProtection: 'local-key',
      timeoutMs: 4000,
    });

    const loaded = await loadSmsGateway(store, cipher);
    expect(SmsGatewaySettings.parse(loaded)).toEqual(loaded);
    expect(loaded.authHeaderValue).toBe('Very-Secret-Token');
    await sendSms(loaded, { to: NUMBER, text: 'stored' });
    expect(gw.received[0]?.headers['x-api-key']).toBe('Very-Secret-Token');

    // Saving without a value keeps it; a new one replaces it; no header name drops it.
    const { authHeaderValue: _omit, ...withoutValue } = input;
    const first = JSON.parse(raw).authHeaderValue;
    await save({ ...withoutValue, timeoutMs: 5000 });
    expect(JSON.parse(await rawRow()).authHeaderValue).toEqual(first);
    await save({ ...input, authHeaderValue: 'Other' });
    expect((await loadSmsGateway(store, cipher)).authHeaderValue).toBe('Other');
    const { authHeaderName: _name, ...noHeader } = withoutValue;
    await save(noHeader);
    expect(JSON.parse(await rawRow()).authHeaderValue).toBeNull();
    // A header name with nothing stored for it is refused.
    const error = await failure(save(withoutValue));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/Enter the value of the "X-Api-Key" header/);
  });

  it('says so plainly when the stored value cannot be read on this computer', async () => {
    const { store, cipher } = host.services.mail;
    await save({ urlTemplate: 'https://gw.example/s?to={to}&t={text}', method: 'GET', authHeaderName: 'X-Key', authHeaderValue: 'v', timeoutMs: 1000 });
    const stored = JSON.parse(await rawRow());
    stored.authHeaderValue.protection = 'os';
    await host.dataSource.query(`UPDATE app_settings SET value = ? WHERE key = ?`, [JSON.stringify(stored), SMS_GATEWAY_KEY]);
    expect(describeSmsGateway(await readStoredSmsGateway(store), cipher).authHeaderValueSet).toBe(false);
    const error = await failure(loadSmsGateway(store, cipher));
    expect(error.message).toMatch(/No usable value for the SMS gateway's "X-Key" header is stored on this computer/);
  });
});
