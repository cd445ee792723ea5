import type { Channel, SegmentEntity } from '../../../../shared/contract/segments';
import { PHONE_KEY_DIGITS } from '../../../../shared/suppression';
import type { SqlPart } from './compile-segment';

/**
 * Who may be reached on a channel. Every campaign channel (e-mail sends, call
 * lists, letters, SMS) must take its recipients through `eligibleFor`, so
 * consent is enforced in one place:
 *
 * - email:  contacts not opted out of e-mail, with an address, neither the
 *           address nor its domain on the suppression list. Leads have no
 *           opt-out flag yet, so for them the suppression list is the opt-out.
 *           Accounts have no e-mail address and are never mailed.
 * - call:   contacts not marked "do not call", with a phone whose number is not
 *           suppressed (leads and accounts: a phone, not suppressed).
 * - sms:    as call (a do-not-call contact is not texted either).
 * - letter: a postal address: street, city and country (accounts: billing).
 *
 * The address, number and postal address checked are the record's primary ones
 * (contacts.email / phone, the first of their lists): the ones a campaign uses.
 * Each rule is true or false, never unknown, so the reasons below can negate them.
 */
interface ConsentRule {
  ok: string;
  /** Why a record fails this rule, shown when it is left out of a list. */
  reason: string;
}

const filled = (col: string) => `COALESCE(${col}, '') <> ''`;

/** SQL of shared/suppression.ts#phoneKey for the common spellings: extension cut at the x, separators and blanks dropped, last digits. */
export function phoneKeySql(col: string): string {
  const lower = `lower(${col})`;
  let s = `CASE WHEN instr(${lower}, 'x') > 0 THEN substr(${lower}, 1, instr(${lower}, 'x') - 1) ELSE ${lower} END`;
  for (const ch of [`' '`, `'+'`, `'('`, `')'`, `'-'`, `'.'`, `'/'`, `'e'`, 'char(9)', 'char(10)', 'char(11)', 'char(12)', 'char(13)', 'char(160)']) {
    s = `replace(${s}, ${ch}, '')`;
  }
  return `substr(${s}, -${PHONE_KEY_DIGITS})`;
}

/**
 * The non-correlated EXISTS in front is computed once per statement: with no
 * entry of the kind, the per-record lookup is skipped altogether.
 */
function emailNotSuppressed(col: string): string {
  const address = `lower(${col})`;
  const domain = `substr(${address}, instr(${address}, '@') + 1)`;
  return `(NOT EXISTS (SELECT 1 FROM suppressions WHERE kind IN ('email', 'domain'))
    OR NOT EXISTS (SELECT 1 FROM suppressions s WHERE (s.kind = 'email' AND s.value = ${address}) OR (s.kind = 'domain' AND s.value = ${domain})))`;
}

function phoneNotSuppressed(col: string): string {
  return `(NOT EXISTS (SELECT 1 FROM suppressions WHERE kind = 'phone')
    OR NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.kind = 'phone' AND s.value = ${phoneKeySql(col)}))`;
}

const NEVER: ConsentRule[] = [{ ok: '0', reason: 'Accounts have no e-mail address' }];

function phoneRules(optOut: string | null, col: string): ConsentRule[] {
  return [
    ...(optOut ? [{ ok: `${optOut} = 0`, reason: 'Marked "do not call"' }] : []),
    { ok: filled(col), reason: 'No phone number' },
    { ok: phoneNotSuppressed(col), reason: 'The phone number is on the suppression list' },
  ];
}

function emailRules(optOut: string | null, col: string): ConsentRule[] {
  return [
    ...(optOut ? [{ ok: `${optOut} = 0`, reason: 'Opted out of e-mail' }] : []),
    { ok: filled(col), reason: 'No e-mail address' },
    { ok: emailNotSuppressed(col), reason: 'The e-mail address or its domain is on the suppression list' },
  ];
}

const letterRules = (street: string, city: string, country: string): ConsentRule[] => [
  { ok: `${filled(street)} AND ${filled(city)} AND ${filled(country)}`, reason: 'No postal address (street, city and country)' },
];

const RULES: Record<SegmentEntity, Record<Channel, ConsentRule[]>> = {
  contact: {
    email: emailRules('r.email_opt_out', 'r.email'),
    call: phoneRules('r.do_not_call', 'r.phone'),
    sms: phoneRules('r.do_not_call', 'r.phone'),
    letter: letterRules('r.address_street', 'r.address_city', 'r.address_country'),
  },
  lead: {
    email: emailRules(null, 'r.email'),
    call: phoneRules(null, 'r.phone'),
    sms: phoneRules(null, 'r.phone'),
    letter: letterRules('r.street', 'r.city', 'r.country'),
  },
  account: {
    email: NEVER,
    call: phoneRules(null, 'r.phone'),
    sms: phoneRules(null, 'r.phone'),
    letter: letterRules('r.billing_street', 'r.billing_city', 'r.billing_country'),
  },
};

/** The condition a record (alias `r`) must meet to be contacted on `channel`. */
export function eligibleFor(entity: SegmentEntity, channel: Channel): SqlPart {
  return { sql: `(${RULES[entity][channel].map((r) => `(${r.ok})`).join(' AND ')})`, params: [] };
}

/** Null when the record may be reached on `channel`, else the first reason it may not. */
export function ineligibleReason(entity: SegmentEntity, channel: Channel): SqlPart {
  const rules = RULES[entity][channel];
  return { sql: `CASE ${rules.map((r) => `WHEN NOT (${r.ok}) THEN '${r.reason.replace(/'/g, "''")}'`).join(' ')} END`, params: [] };
}
