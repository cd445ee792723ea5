import { z } from 'zod';
import type { ContactInput } from '../../../../../shared/contract/contacts';
import { isCountryCode } from '../../../../../shared/countries';

/** What ContactInput.parse gives for a new contact. */
export type ParsedContactInput = z.output<typeof ContactInput>;

/** The fields of a contact an import builds (contacts-target), before validation. */
export interface ContactDraft {
  firstName?: unknown;
  lastName?: unknown;
  title?: unknown;
  emails: { label: string; address: unknown }[];
  phones: { label: string; number: unknown }[];
  accountId: number | null;
  address: Record<string, unknown>;
  birthday?: unknown;
  emailOptOut?: unknown;
  doNotCall?: unknown;
}

const EMAIL = z.regexes.email;
const DATE = z.regexes.date;
const PHONE = /^[+()\d\s./-]+(\s*(x|ext\.?)\s*\d+)?$/i;
const ADDRESS_MAX = { street: 300, city: 100, region: 100, postcode: 20 } as const;
const UNSURE = null;

/** optionalText(max): undefined when the value is not one it surely accepts. */
function optionalText(v: unknown, max: number): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length > max) return undefined;
  const t = v.trim();
  return t === '' ? null : t;
}

/**
 * ContactInput.parse for the rows an import sees a million of, without zod's
 * per-field machinery (≈30 µs a row → ≈2): it returns exactly what the schema
 * would for a row it is sure is valid, and null whenever it is not sure — the
 * caller then asks the schema, which stays the one authority and words the
 * errors. A property test holds the two together (test/unit/contact-input-fast.test.ts).
 */
export function fastContactInput(d: ContactDraft, today: string): ParsedContactInput | null {
  const firstName = optionalText(d.firstName, 100);
  const title = optionalText(d.title, 150);
  if (firstName === undefined || title === undefined || typeof d.lastName !== 'string') return UNSURE;
  const lastName = d.lastName.trim();
  if (lastName === '' || lastName.length > 100) return UNSURE;

  if (d.emails.length > 10 || d.phones.length > 10) return UNSURE;
  const emails: ParsedContactInput['emails'] = [];
  for (const e of d.emails) {
    if (e.label !== 'work' && e.label !== 'home' && e.label !== 'other') return UNSURE;
    if (typeof e.address !== 'string') return UNSURE;
    const address = e.address.trim();
    if (address.length > 254 || !EMAIL.test(address)) return UNSURE;
    emails.push({ label: e.label, address });
  }
  const phones: ParsedContactInput['phones'] = [];
  for (const p of d.phones) {
    if (p.label !== 'work' && p.label !== 'mobile' && p.label !== 'home' && p.label !== 'fax' && p.label !== 'other') return UNSURE;
    if (typeof p.number !== 'string') return UNSURE;
    const number = p.number.trim();
    if (number.length < 3 || number.length > 40 || !PHONE.test(number)) return UNSURE;
    phones.push({ label: p.label, number });
  }

  const a = d.address;
  for (const key in a) if (!(key in ADDRESS_MAX) && key !== 'country') return UNSURE;
  const street = optionalText(a.street, ADDRESS_MAX.street);
  const city = optionalText(a.city, ADDRESS_MAX.city);
  const region = optionalText(a.region, ADDRESS_MAX.region);
  const postcode = optionalText(a.postcode, ADDRESS_MAX.postcode);
  if (street === undefined || city === undefined || region === undefined || postcode === undefined) return UNSURE;
  let country: string | null = null;
  if (a.country !== undefined && a.country !== null && a.country !== '') {
    if (typeof a.country !== 'string' || !isCountryCode(a.country)) return UNSURE;
    country = a.country;
  }

  let birthday: string | null = null;
  if (d.birthday !== undefined && d.birthday !== null && d.birthday !== '') {
    if (typeof d.birthday !== 'string' || !DATE.test(d.birthday) || d.birthday > today || d.birthday < '1900-01-01') return UNSURE;
    birthday = d.birthday;
  }
  const flag = (v: unknown) => (v === undefined ? false : typeof v === 'boolean' ? v : undefined);
  const emailOptOut = flag(d.emailOptOut);
  const doNotCall = flag(d.doNotCall);
  if (emailOptOut === undefined || doNotCall === undefined) return UNSURE;
  if (d.accountId !== null && !(Number.isSafeInteger(d.accountId) && d.accountId > 0)) return UNSURE;

  return { firstName, lastName, title, emails, phones, accountId: d.accountId, address: { street, city, region, postcode, country }, birthday, emailOptOut, doNotCall };
}
