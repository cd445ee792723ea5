import { z } from 'zod';
import { TimeZone } from './activities';
import { PasswordProtection } from './mail';

/**
 * Settings of campaign channels, shared by the main process (which enforces them) and the
 * renderer (whose forms show the same messages): when a campaign may send, and the HTTP
 * gateway that carries its SMS.
 */

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

/** A wall-clock time "HH:MM", 00:00 to 23:59. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time such as 08:00 or 20:30');

/**
 * No campaign message goes out between `from` and `to` on the wall clock of `timeZone`.
 * `from` later than `to` wraps midnight (20:00 to 08:00 is the night).
 */
export const QuietHours = z
  .object({ from: ClockTime, to: ClockTime, timeZone: TimeZone })
  .strict()
  .refine((q) => q.from !== q.to, { path: ['to'], message: 'Quiet hours end at another time than they start' });
export type QuietHours = z.output<typeof QuietHours>;

export const CampaignSendSettings = z
  .object({
    /** At most this many messages in any hour; null (the default): no limit. */
    throttlePerHour: z.number().int('A whole number').min(1, 'At least 1 an hour').max(100_000, 'At most 100,000 an hour').nullable().default(null),
    /** null (the default): any time of day. */
    quietHours: QuietHours.nullable().default(null),
  })
  .strict();
export type CampaignSendSettings = z.output<typeof CampaignSendSettings>;

// ---- SMS gateway ---------------------------------------------------------------------------

/** What the gateway's URL and body templates may contain; anything else in braces (JSON) is literal. */
export const SMS_PLACEHOLDERS = ['to', 'text', 'from'] as const;
export type SmsPlaceholder = (typeof SMS_PLACEHOLDERS)[number];
export const SMS_PLACEHOLDER_PATTERN = /\{(to|text|from)\}/g;

/** How values are written into the body, by its content type. */
export type SmsBodyEncoding = 'json' | 'form' | 'xml' | 'text';

export function smsBodyEncoding(contentType: string | undefined): SmsBodyEncoding {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
  return 'text';
}

/** An HTTP header name (RFC 9110 token), except the ones fetch or the CRM sets. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** HTTP sends header values as bytes: only visible ASCII (and spaces, tabs) arrives as typed. */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection']);

const optionalLine = (max: number, what: string) =>
  z
    .string({ error: `${what} is text` })
    .max(max, `At most ${max} characters`)
    .refine(noLineBreaks, `${what} cannot contain line breaks`)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined));

function fill(template: string, value: string): string {
  return template.replace(SMS_PLACEHOLDER_PATTERN, value);
}

/** Why a URL template cannot be used, or null. */
export function smsUrlTemplateProblem(template: string): string | null {
  let a: URL;
  let b: URL;
  try {
    a = new URL(fill(template, 'a'));
    b = new URL(fill(template, 'b'));
  } catch {
    return 'A web address such as https://sms.example.com/send?to={to}&text={text}';
  }
  if (a.protocol !== 'http:' && a.protocol !== 'https:') return 'Only http:// and https:// addresses';
  // The message's data must never decide which server hears it.
  if (a.origin !== b.origin) return '{to}, {text} and {from} can go into the path or the query, not the server name';
  if (a.username || a.password) return 'Put the login into the authorization header, not into the address';
  return null;
}

const gatewayFields = {
  urlTemplate: z
    .string({ error: 'The gateway address is required' })
    .trim()
    .min(1, { error: 'The gateway address is required', abort: true })
    .max(2000, { error: 'At most 2000 characters', abort: true })
    .superRefine((url, ctx) => {
      const problem = smsUrlTemplateProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  method: z.enum(['GET', 'POST'], { error: 'GET or POST' }),
  /** With {to}, {text}, {from}; encoded for `contentType`. POST only. */
  bodyTemplate: z
    .string({ error: 'The body is text' })
    .max(10_000, 'At most 10,000 characters')
    .optional()
    .transform((v) => (v?.trim() ? v : undefined)),
  contentType: optionalLine(200, 'The content type').refine((t) => t === undefined || HEADER_VALUE.test(t), { message: 'The content type is plain ASCII text' }),
  /** The sender name or number, for {from}. */
  from: optionalLine(50, 'The sender'),
  authHeaderName: optionalLine(100, 'The header name').refine((n) => n === undefined || (HEADER_NAME.test(n) && !RESERVED_HEADERS.has(n.toLowerCase())), {
    message: 'A header name such as Authorization or X-Api-Key',
  }),
  timeoutMs: z.number().int('A whole number of milliseconds').min(100, 'At least 100 ms').max(120_000, 'At most 2 minutes').default(15_000),
};

type GatewayShape = {
  urlTemplate: string;
  method: 'GET' | 'POST';
  bodyTemplate: string | undefined;
  contentType: string | undefined;
};

function checkGateway(v: GatewayShape, ctx: z.RefinementCtx): void {
  if (v.method === 'GET' && v.bodyTemplate !== undefined) ctx.addIssue({ code: 'custom', path: ['bodyTemplate'], message: 'A GET request has no body: use POST, or put the values into the address' });
  if (v.bodyTemplate !== undefined && v.contentType === undefined) ctx.addIssue({ code: 'custom', path: ['contentType'], message: 'Say what the body is, e.g. application/json or application/x-www-form-urlencoded' });
  const both = `${v.urlTemplate}\n${v.bodyTemplate ?? ''}`;
  for (const p of ['to', 'text'] as const) {
    if (!both.includes(`{${p}}`)) ctx.addIssue({ code: 'custom', path: ['urlTemplate'], message: `{${p}} must appear in the address or the body` });
  }
  if (v.bodyTemplate !== undefined && smsBodyEncoding(v.contentType) === 'json') {
    try {
      JSON.parse(fill(v.bodyTemplate, 'a\\"b'));
    } catch {
      ctx.addIssue({ code: 'custom', path: ['bodyTemplate'], message: 'Not valid JSON once filled in: put the placeholders in quotes, e.g. {"to": "{to}", "text": "{text}"}' });
    }
  }
}

/** A gateway ready to use, with the authorization header's value in plain text (main process only). */
export const SmsGatewaySettings = z
  .object({
    ...gatewayFields,
    authHeaderValue: z
      .string({ error: 'The header value is text' })
      .max(4000, 'At most 4000 characters')
      .regex(HEADER_VALUE, 'The header value is plain ASCII text on one line')
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
  })
  .strict()
  .superRefine((v, ctx) => {
    checkGateway(v, ctx);
    if (v.authHeaderName !== undefined && v.authHeaderValue === undefined) ctx.addIssue({ code: 'custom', path: ['authHeaderValue'], message: 'Enter the value of the authorization header' });
    if (v.authHeaderName === undefined && v.authHeaderValue !== undefined) ctx.addIssue({ code: 'custom', path: ['authHeaderName'], message: 'Enter the name of the authorization header' });
  });
export type SmsGatewaySettings = z.output<typeof SmsGatewaySettings>;
export type SmsGatewaySettingsIn = z.input<typeof SmsGatewaySettings>;

/**
 * Saving the gateway (admins). `authHeaderValue`: omitted or '' keeps the stored one, any other
 * value replaces it; `clearAuthHeaderValue: true` removes it. Without a header name none is kept.
 */
export const SmsGatewaySettingsInput = z
  .object({
    ...gatewayFields,
    authHeaderValue: z
      .string({ error: 'The header value is text' })
      .max(4000, 'At most 4000 characters')
      .regex(HEADER_VALUE, 'The header value is plain ASCII text on one line')
      .optional(),
    clearAuthHeaderValue: z.boolean({ error: 'clearAuthHeaderValue is true or false' }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    checkGateway(v, ctx);
    if (v.clearAuthHeaderValue && v.authHeaderValue) ctx.addIssue({ code: 'custom', path: ['authHeaderValue'], message: 'Leave the value empty to clear it' });
  });
export type SmsGatewaySettingsInput = z.input<typeof SmsGatewaySettingsInput>;

/** What anyone may see of the gateway: never the header's value, only whether one is stored. */
export const SmsGatewaySettingsView = z
  .object({
    /** An administrator has entered a gateway. */
    configured: z.boolean(),
    urlTemplate: z.string(),
    method: z.enum(['GET', 'POST']),
    bodyTemplate: z.string().nullable(),
    contentType: z.string().nullable(),
    from: z.string().nullable(),
    authHeaderName: z.string().nullable(),
    /** A value is stored and can be decrypted on this computer. */
    authHeaderValueSet: z.boolean(),
    secretProtection: PasswordProtection,
    timeoutMs: z.number().int(),
  })
  .strict();
export type SmsGatewaySettingsView = z.output<typeof SmsGatewaySettingsView>;
