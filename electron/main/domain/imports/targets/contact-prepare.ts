import type { ImportSpec } from '../../../../../shared/contract/imports';
import type { FieldKind, ImportField } from '../../../../../shared/imports/fields';
import { personSortKey } from '../../../../../shared/text';
import { unescapeFormula } from '../../exports/escape-cell';
import type { ColumnList } from '../engine/batched-inserts';
import { fieldValue } from '../engine/field-values';
import { fastContactInput, type ContactDraft } from './contact-input-fast';
import { fieldsByKey } from './target';

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
  /** PREPARED_COLUMNS and owner_id, the account and owner left for the writer to fill in. */
  columns: ColumnList;
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
type Cell = string | number | null;

/** The contact fields a row's cells can hold, by position in the preparer's scratch array. */
const FIELD_KEYS = ['firstName', 'lastName', 'title', 'email', 'email2', 'phone', 'mobile', 'accountName', 'accountExternalId', ...ADDRESS, 'birthday', 'emailOptOut', 'doNotCall', 'owner', 'externalId'] as const;
const F = Object.fromEntries(FIELD_KEYS.map((k, i) => [k, i])) as { [K in (typeof FIELD_KEYS)[number]]: number };
/** Kinds whose typed value is the trimmed text (fieldValue's default). */
const TEXT_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'email', 'phone', 'website', 'reference']);

/** Appends a new contact's prepared columns and look-up texts for the row, or nothing and false. */
export type ContactRowPreparer = (cells: readonly string[], out: Cell[]) => boolean;

const str = (v: unknown) => (v === undefined ? null : (v as string));
/** JSON.stringify of [{label, address}] / [{label, number}], the labels being EMAIL_FIELDS' and PHONE_FIELDS' own words: the same text, a little cheaper. */
const labelled = (items: readonly { label: string }[], key: 'address' | 'number') => `[${items.map((e) => `{"label":"${e.label}","${key}":${JSON.stringify((e as Record<string, unknown>)[key])}}`).join(',')}]`;

/**
 * The part of a new contact's plan that needs no database, for the import's
 * reader thread: from the row's cells straight to the columns, in
 * PREPARED_COLUMNS order, then the e-mail, external id, account name, account
 * external id and owner texts, the e-mail count and the addresses. It does
 * what mappedValues, typedValues, contactDraft, the fast check and
 * contactColumns do one after the other, without a Map or object a row (a
 * property test holds the two ways together). False when the row has any
 * problem or the fast check is not sure: the writer then plans the row in
 * full from its cells, so every message is worded as before.
 */
export function contactRowPreparer(spec: ImportSpec, today: string): ContactRowPreparer {
  const fields = fieldsByKey('contacts');
  const slots: { index: number; at: number; field: ImportField; text: boolean }[] = [];
  for (let index = 0; index < spec.columns.length; index++) {
    const key = spec.columns[index];
    if (key === null || key === undefined) continue;
    const at = (F as Record<string, number>)[key];
    const field = fields.get(key);
    // A field this path does not know: every row goes to the full plan, which says what is wrong.
    if (at === undefined || field === undefined) return () => false;
    slots.push({ index, at, field, text: TEXT_KINDS.has(field.kind) });
  }
  const texts: (string | undefined)[] = new Array(FIELD_KEYS.length);
  const typed: unknown[] = new Array(FIELD_KEYS.length);
  return (cells, out) => {
    texts.fill(undefined);
    // As mappedValues: a later column of the same field wins, an empty cell is no value.
    for (const slot of slots) {
      const cell = cells[slot.index];
      if (cell === undefined) continue;
      const text = unescapeFormula(cell.trim());
      if (text) texts[slot.at] = text;
    }
    typed.fill(undefined);
    for (const slot of slots) {
      const text = texts[slot.at];
      if (text === undefined || typed[slot.at] !== undefined) continue;
      if (slot.text) typed[slot.at] = text.trim();
      else {
        const parsed = fieldValue(slot.field, text, spec);
        if (!parsed.ok) return false;
        typed[slot.at] = parsed.value;
      }
    }
    const emails: ContactDraft['emails'] = [];
    for (const [k, label] of EMAIL_FIELDS) if (typed[F[k]] !== undefined) emails.push({ label, address: typed[F[k]] });
    const phones: ContactDraft['phones'] = [];
    for (const [k, label] of PHONE_FIELDS) if (typed[F[k]] !== undefined) phones.push({ label, number: typed[F[k]] });
    const address: Record<string, unknown> = {};
    for (const k of ADDRESS) if (typed[F[k]] !== undefined) address[k] = typed[F[k]];
    const input = fastContactInput(
      { firstName: typed[F.firstName], lastName: typed[F.lastName], title: typed[F.title], emails, phones, accountId: null, address, birthday: typed[F.birthday], emailOptOut: typed[F.emailOptOut], doNotCall: typed[F.doNotCall] },
      today,
    );
    if (!input) return false;
    const a = input.address;
    out.push(
      input.firstName,
      input.lastName,
      personSortKey(input.lastName, input.firstName),
      input.title,
      labelled(input.emails, 'address'),
      input.emails[0]?.address ?? null,
      labelled(input.phones, 'number'),
      input.phones[0]?.number ?? null,
      null,
      a.street,
      a.city,
      a.region,
      a.postcode,
      a.country,
      input.birthday,
      input.emailOptOut ? 1 : 0,
      input.doNotCall ? 1 : 0,
      str(typed[F.email]),
      str(typed[F.externalId]),
      str(typed[F.accountName]),
      str(typed[F.accountExternalId]),
      str(typed[F.owner]),
      input.emails.length,
    );
    for (const e of input.emails) out.push(e.address);
    return true;
  };
}
