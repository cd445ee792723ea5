import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  SMS_PLACEHOLDER_PATTERN,
  SmsGatewaySettings,
  smsBodyEncoding,
  type SmsGatewaySettingsIn,
  type SmsGatewaySettingsInput,
  type SmsGatewaySettingsView,
  type SmsPlaceholder,
} from '../../../../../shared/contract/campaign-settings';
import { PasswordProtection } from '../../../../../shared/contract/mail';
import { CrmError } from '../../../../../shared/errors';
import type { SecretCipher } from '../../../mail/secret-cipher';
import type { AppSettingsStore } from '../../settings/app-settings.store';
import { SMS_GATEWAY_KEY } from '../../settings/settings-keys';
import { escapeHtml, escapeMergeValue } from './merge-fields';

/**
 * SMS through whatever HTTP gateway the office has: a URL (and, for POST, a body) with {to},
 * {text} and {from}, each value encoded for where it stands. Nothing vendor-specific.
 */

export interface SmsMessage {
  /** The recipient's number as the gateway wants it (usually E.164, "+4930…"). */
  to: string;
  text: string;
  /** Overrides the gateway's sender. */
  from?: string;
}

export interface SmsSent {
  /** The gateway's HTTP status (2xx). */
  status: number;
  /** Its answer, for the log and for a message id; cut at MAX_BODY_CHARS. */
  body: string;
}

export interface SmsRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

const MAX_BODY_CHARS = 10_000;
const EXCERPT_CHARS = 200;

function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

function fill(template: string, values: Record<SmsPlaceholder, string>, encode: (v: string) => string): string {
  return template.replace(SMS_PLACEHOLDER_PATTERN, (_whole, name: SmsPlaceholder) => encode(values[name]));
}

/** The request for one message; throws CrmError('validation') for settings or a message that cannot work. */
export function buildSmsRequest(settings: SmsGatewaySettingsIn | SmsGatewaySettings, message: SmsMessage): SmsRequest {
  const parsed = SmsGatewaySettings.safeParse(settings);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new CrmError('validation', `The SMS gateway settings cannot be used: ${issues[0]?.path ? `${issues[0].path}: ` : ''}${issues[0]?.message ?? 'invalid'}.`, issues);
  }
  const gateway = parsed.data;
  if (message.to.trim() === '') throw new CrmError('validation', 'The SMS has no recipient number.', [{ path: 'to', message: 'A phone number is required' }]);
  if (message.text === '') throw new CrmError('validation', 'The SMS has no text.', [{ path: 'text', message: 'The text is required' }]);
  const values = { to: message.to.trim(), text: message.text, from: message.from ?? gateway.from ?? '' };

  const url = fill(gateway.urlTemplate, values, (v) => escapeMergeValue(v, 'url'));
  const protocol = new URL(url).protocol; // the template was checked: encoded values cannot change the scheme
  if (protocol !== 'http:' && protocol !== 'https:') throw new CrmError('validation', 'The SMS gateway address must start with http:// or https://.');

  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (gateway.bodyTemplate !== undefined) {
    const encoding = smsBodyEncoding(gateway.contentType);
    const encode =
      encoding === 'json' ? (v: string) => escapeMergeValue(v, 'json') : encoding === 'form' ? formEncode : encoding === 'xml' ? escapeHtml : (v: string) => v;
    body = fill(gateway.bodyTemplate, values, encode);
    headers['content-type'] = gateway.contentType!;
  }
  if (gateway.authHeaderName !== undefined && gateway.authHeaderValue !== undefined) headers[gateway.authHeaderName] = gateway.authHeaderValue;
  return { url, method: gateway.method, headers, ...(body !== undefined ? { body } : {}), timeoutMs: gateway.timeoutMs };
}

const uncertainSends = new WeakSet<object>();

/**
 * Whether a failed send may have reached the recipient anyway: the gateway went silent or the
 * connection broke after the request was out. An HTTP answer, a refused connection or an
 * unknown host means it certainly did not (for the journey job's onceExternal).
 */
export function smsMightHaveBeenSent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && uncertainSends.has(error);
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

/** Network codes after which the request never left this computer. */
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT|ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_HAS_EXPIRED)$/;

function networkFailure(error: unknown, where: string, timeoutMs: number): CrmError {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    const failure = new CrmError('internal', `The SMS gateway at ${where} did not answer within ${seconds(timeoutMs)}; the message may or may not have been sent.`);
    uncertainSends.add(failure);
    return failure;
  }
  const code = e?.cause?.code ?? '';
  const reason = e?.cause?.message ?? e?.message ?? String(error);
  const failure = new CrmError('internal', `Could not reach the SMS gateway at ${where}: ${reason}. Check the address, and that the gateway is running.`);
  if (!NOT_SENT.test(code)) uncertainSends.add(failure);
  return failure;
}

function excerpt(body: string, secret: string | undefined): string {
  const shown = secret ? body.split(secret).join('***') : body;
  const chars = Array.from(shown);
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : shown;
}

/**
 * Sends one SMS. Throws CrmError: 'validation' for unusable settings, a redirect or a 4xx
 * refusal (resending will not help); 'internal' for 408/425/429, 5xx, an unreachable gateway or
 * a timeout (worth retrying; see smsMightHaveBeenSent). Messages name the gateway by its origin
 * only, since the address may carry an API key in its query.
 */
export async function sendSms(settings: SmsGatewaySettingsIn | SmsGatewaySettings, message: SmsMessage): Promise<SmsSent> {
  const request = buildSmsRequest(settings, message);
  const { timeoutMs } = request;
  const secret = settings.authHeaderName ? request.headers[settings.authHeaderName.trim()] : undefined;
  const where = new URL(request.url).origin;
  let status: number;
  let statusText: string;
  let body: string;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      // A redirect would carry the authorization header to wherever the gateway points.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    statusText = response.statusText;
    body = await response.text();
  } catch (error) {
    throw networkFailure(error, where, timeoutMs);
  }
  if (status >= 200 && status < 300) return { status, body: body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body };
  const answered = `The SMS gateway at ${where} answered ${status}${statusText ? ` ${statusText}` : ''}`;
  const said = body.trim() ? `: ${excerpt(body.trim(), secret)}` : '';
  if (status >= 300 && status < 400) throw new CrmError('validation', `${answered} (a redirect, which is not followed: enter the address it points to)${said}`);
  const retryable = status >= 500 || status === 408 || status === 425 || status === 429;
  throw new CrmError(retryable ? 'internal' : 'validation', `${answered}${said}`);
}

// ---- Stored settings -----------------------------------------------------------------------

/** The stored document; the header value encrypted like the SMTP password (see smtp-settings.ts). */
export const StoredSmsGateway = z.object({
  urlTemplate: z.string().default(''),
  method: z.enum(['GET', 'POST']).default('GET'),
  bodyTemplate: z.string().nullable().default(null),
  contentType: z.string().nullable().default(null),
  from: z.string().nullable().default(null),
  authHeaderName: z.string().nullable().default(null),
  authHeaderValue: z.object({ protection: PasswordProtection, data: z.string().min(1) }).nullable().default(null),
  timeoutMs: z.number().int().default(15_000),
});
export type StoredSmsGateway = z.output<typeof StoredSmsGateway>;

export function readStoredSmsGateway(store: AppSettingsStore, em?: EntityManager): Promise<StoredSmsGateway> {
  return store.read(SMS_GATEWAY_KEY, StoredSmsGateway, em);
}

/** The stored header value in plain text, or null when none is stored or this cipher cannot read it. */
function decryptHeaderValue(stored: StoredSmsGateway, cipher: SecretCipher): string | null {
  if (!stored.authHeaderValue || stored.authHeaderValue.protection !== cipher.protection) return null;
  try {
    return cipher.decrypt(Buffer.from(stored.authHeaderValue.data, 'base64'));
  } catch {
    return null;
  }
}

export function describeSmsGateway(stored: StoredSmsGateway, cipher: SecretCipher): SmsGatewaySettingsView {
  return {
    configured: stored.urlTemplate !== '',
    urlTemplate: stored.urlTemplate,
    method: stored.method,
    bodyTemplate: stored.bodyTemplate,
    contentType: stored.contentType,
    from: stored.from,
    authHeaderName: stored.authHeaderName,
    authHeaderValueSet: decryptHeaderValue(stored, cipher) !== null,
    secretProtection: cipher.protection,
    timeoutMs: stored.timeoutMs,
  };
}

/** The gateway ready for sendSms; CrmError('validation') when none is set up or its header value cannot be read here. */
export async function loadSmsGateway(store: AppSettingsStore, cipher: SecretCipher, em?: EntityManager): Promise<SmsGatewaySettings> {
  const stored = await readStoredSmsGateway(store, em);
  if (stored.urlTemplate === '') throw new CrmError('validation', 'SMS is not set up yet: an administrator enters the SMS gateway in the settings.');
  const value = stored.authHeaderName ? decryptHeaderValue(stored, cipher) : null;
  if (stored.authHeaderName && value === null) {
    throw new CrmError('validation', `No usable value for the SMS gateway's "${stored.authHeaderName}" header is stored on this computer: enter it again in the settings.`);
  }
  return SmsGatewaySettings.parse({
    urlTemplate: stored.urlTemplate,
    method: stored.method,
    ...(stored.bodyTemplate !== null ? { bodyTemplate: stored.bodyTemplate } : {}),
    ...(stored.contentType !== null ? { contentType: stored.contentType } : {}),
    ...(stored.from !== null ? { from: stored.from } : {}),
    ...(stored.authHeaderName !== null && value !== null ? { authHeaderName: stored.authHeaderName, authHeaderValue: value } : {}),
    timeoutMs: stored.timeoutMs,
  });
}

/**
 * Writes the gateway in the caller's transaction. The header value: a non-empty one replaces
 * the stored one (encrypted here), `clearAuthHeaderValue` or no header name removes it,
 * otherwise the stored one is kept.
 */
export async function saveSmsGateway(
  store: AppSettingsStore,
  cipher: SecretCipher,
  em: EntityManager,
  input: z.output<typeof SmsGatewaySettingsInput>,
  userId: number,
  now: string,
): Promise<StoredSmsGateway> {
  const previous = await readStoredSmsGateway(store, em);
  let authHeaderValue = previous.authHeaderValue;
  if (input.authHeaderName === undefined || input.clearAuthHeaderValue) authHeaderValue = null;
  else if (input.authHeaderValue) authHeaderValue = { protection: cipher.protection, data: encrypt(cipher, input.authHeaderValue) };
  if (input.authHeaderName !== undefined && authHeaderValue === null) {
    const message = `Enter the value of the "${input.authHeaderName}" header, or leave the header name empty.`;
    throw new CrmError('validation', message, [{ path: 'authHeaderValue', message: 'Enter the value' }]);
  }
  const next: StoredSmsGateway = {
    urlTemplate: input.urlTemplate,
    method: input.method,
    bodyTemplate: input.bodyTemplate ?? null,
    contentType: input.contentType ?? null,
    from: input.from ?? null,
    authHeaderName: input.authHeaderName ?? null,
    authHeaderValue,
    timeoutMs: input.timeoutMs,
  };
  await store.write(em, SMS_GATEWAY_KEY, next, userId, now);
  return next;
}

function encrypt(cipher: SecretCipher, plain: string): string {
  try {
    return cipher.encrypt(plain).toString('base64');
  } catch (error) {
    throw new CrmError('internal', `The header value could not be encrypted on this computer, so nothing was saved: ${(error as Error).message}`);
  }
}
