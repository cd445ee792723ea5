import type { ImportSpec } from '../../../../../shared/contract/imports';
import { contactColumns } from '../../contacts/contact.mapper';
import type { ColumnValues } from '../../records/record-store';
import { fastContactInput, type ContactDraft } from './contact-input-fast';
import { typedValues } from './target';

export const EMAIL_FIELDS = [
  ['email', 'work'],
  ['email2', 'other'],
] as const;
export const PHONE_FIELDS = [
  ['phone', 'work'],
  ['mobile', 'mobile'],
] as const;
export const ADDRESS = ['street', 'city', 'region', 'postcode', 'country'] as const;

/** A row's typed values as the contact form's input, before validation. */
export function contactDraft(values: Map<string, unknown>, accountId: number | null): ContactDraft {
  // Plain loops: a million rows go through here.
  const emails: ContactDraft['emails'] = [];
  for (const [k, label] of EMAIL_FIELDS) if (values.has(k)) emails.push({ label, address: values.get(k) });
  const phones: ContactDraft['phones'] = [];
  for (const [k, label] of PHONE_FIELDS) if (values.has(k)) phones.push({ label, number: values.get(k) });
  const address: Record<string, unknown> = {};
  for (const k of ADDRESS) if (values.has(k)) address[k] = values.get(k);
  return {
    firstName: values.get('firstName'),
    lastName: values.get('lastName'),
    title: values.get('title'),
    emails,
    phones,
    accountId,
    address,
    birthday: values.get('birthday'),
    emailOptOut: values.get('emailOptOut'),
    doNotCall: values.get('doNotCall'),
  };
}

/** A new contact as far as it is known without the database: its columns (no account, no owner yet) and what to look up. */
export interface PreparedContact {
  columns: ColumnValues;
  emails: string[];
  email: string | null;
  externalId: string | null;
  accountName: string | null;
  accountExternalId: string | null;
  owner: string | null;
}

/** The columns of every prepared contact, in this order (contactColumns of a full input). */
export const PREPARED_COLUMNS = [
  'first_name',
  'last_name',
  'sort_name',
  'title',
  'emails',
  'email',
  'phones',
  'phone',
  'account_id',
  'address_street',
  'address_city',
  'address_region',
  'address_postcode',
  'address_country',
  'birthday',
  'email_opt_out',
  'do_not_call',
] as const;
const SHAPE = PREPARED_COLUMNS.join(',');

const text = (v: unknown) => (v === undefined ? null : (v as string));

/**
 * The part of a new contact's plan that needs no database, for the import's
 * reader thread: typed values, the fast check and the columns. Null when the
 * row has any problem or the fast check is not sure: the writer then plans
 * the row in full from its cells, so every message is worded as before.
 */
export function prepareNewContact(raw: Map<string, string>, spec: ImportSpec, today: string): PreparedContact | null {
  const { values, errors } = typedValues('contacts', raw, spec);
  if (errors.length) return null;
  const input = fastContactInput(contactDraft(values, null), today);
  if (!input) return null;
  const columns = contactColumns(input);
  if (Object.keys(columns).join(',') !== SHAPE) return null;
  return {
    columns,
    emails: input.emails.map((e) => e.address),
    email: text(values.get('email')),
    externalId: text(values.get('externalId')),
    accountName: text(values.get('accountName')),
    accountExternalId: text(values.get('accountExternalId')),
    owner: text(values.get('owner')),
  };
}
