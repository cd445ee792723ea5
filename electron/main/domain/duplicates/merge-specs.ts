import type { Database } from 'better-sqlite3';
import type { MergeField, ScanEntity } from '../../../../shared/contract/duplicates';
import { CrmError } from '../../../../shared/errors';
import { foldForSort, personSortKey } from '../../../../shared/text';
import { normalizeEmail, phoneToE164 } from '../leads/lead.mapper';

/** A stored row, every column as SQLite gives it. */
export type Row = Record<string, unknown> & { id: number; version: number; deleted_at: string | null };

/** What the merge engine needs to know about one kind of record. */
export interface MergeSpec {
  entity: ScanEntity;
  table: string;
  /** For messages: "contact". */
  noun: string;
  /** Each field the user picks a value for, and the columns that travel with that value. */
  columns: Readonly<Record<string, readonly string[]>>;
  /** Columns combined from all the records or computed from the picked values, set on `next`. */
  derive(next: Record<string, unknown>, rows: Row[]): void;
  /** Throws when these records cannot be merged this way; runs before anything is written. */
  check?(db: Database, next: Record<string, unknown>, rows: Row[]): void;
}

type Columns<E extends ScanEntity> = Record<MergeField<E>, readonly string[]>;

/** Union of lists kept in order, survivor's first; the same address/number (case, spacing ignored) once. */
function union<T>(lists: T[][], key: (item: T) => string, max: number): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of lists.flat()) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out.slice(0, max);
}

const CONTACT: MergeSpec = {
  entity: 'contact',
  table: 'contacts',
  noun: 'contact',
  columns: {
    firstName: ['first_name'],
    lastName: ['last_name'],
    title: ['title'],
    account: ['account_id'],
    address: ['address_street', 'address_city', 'address_region', 'address_postcode', 'address_country'],
    birthday: ['birthday'],
    owner: ['owner_id', 'owner_locked'],
  } satisfies Columns<'contact'>,
  derive(next, rows) {
    // Every way of reaching the person is kept; consent is cautious: an opt-out or do-not-call on any of them wins.
    const emails = union(rows.map((r) => JSON.parse(r.emails as string) as { label: string; address: string }[]), (e) => e.address.trim().toLowerCase(), 10);
    const phones = union(rows.map((r) => JSON.parse(r.phones as string) as { label: string; number: string }[]), (p) => p.number.replace(/\D/g, ''), 10);
    Object.assign(next, {
      emails: JSON.stringify(emails),
      email: emails[0]?.address ?? null,
      phones: JSON.stringify(phones),
      phone: phones[0]?.number ?? null,
      sort_name: personSortKey(next.last_name as string, next.first_name as string | null),
      email_opt_out: rows.some((r) => r.email_opt_out === 1) ? 1 : 0,
      do_not_call: rows.some((r) => r.do_not_call === 1) ? 1 : 0,
    });
  },
};

const ACCOUNT: MergeSpec = {
  entity: 'account',
  table: 'accounts',
  noun: 'account',
  columns: {
    name: ['name'],
    industry: ['industry'],
    website: ['website'],
    phone: ['phone'],
    billingAddress: ['billing_street', 'billing_city', 'billing_region', 'billing_postcode', 'billing_country'],
    shippingAddress: ['shipping_street', 'shipping_city', 'shipping_region', 'shipping_postcode', 'shipping_country'],
    employees: ['employees'],
    annualRevenue: ['annual_revenue_minor', 'annual_revenue_currency'],
    parentAccount: ['parent_account_id'],
    // The territory is where the owner came from: they go together.
    owner: ['owner_id', 'owner_locked', 'territory_id'],
  } satisfies Columns<'account'>,
  derive(next, rows) {
    next.sort_name = foldForSort(next.name as string);
    // The accounts become one: a parent among them would be the survivor itself, so the survivor is left at the top.
    if (rows.some((r) => r.id === next.parent_account_id)) next.parent_account_id = null;
  },
  check(db, next, rows) {
    const parent = next.parent_account_id as number | null;
    if (parent === null) return;
    // Children of the merged accounts move under the survivor: a parent below any of them would close a loop.
    const loop = db
      .prepare(
        `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT a.parent_account_id FROM accounts a JOIN up ON a.id = up.id WHERE a.parent_account_id IS NOT NULL)
         SELECT 1 FROM up WHERE id IN (${rows.map(() => '?').join(', ')})`,
      )
      .get(parent, ...rows.map((r) => r.id));
    if (loop) {
      throw new CrmError('validation', `Account ${parent} is below one of the accounts being merged: as the parent of the merged account it would make a loop. Choose another parent.`, [
        { path: 'fields.parentAccount', message: 'This would make a loop of parent accounts' },
      ]);
    }
  },
};

const LEAD: MergeSpec = {
  entity: 'lead',
  table: 'leads',
  noun: 'lead',
  columns: {
    firstName: ['first_name'],
    lastName: ['last_name'],
    company: ['company'],
    title: ['title'],
    email: ['email'],
    phone: ['phone'],
    address: ['street', 'city', 'region', 'postcode', 'country'],
    industry: ['industry'],
    employees: ['employees'],
    source: ['source'],
    // The reason belongs to the disqualified status it explains.
    status: ['status', 'disqualified_reason'],
    rating: ['rating'],
    campaign: ['campaign_id', 'first_touch_campaign_id'],
    owner: ['owner_id', 'owner_locked', 'territory_id'],
  } satisfies Columns<'lead'>,
  // The score follows the activities, which move only afterwards: the scoring service recomputes it then.
  derive(next) {
    next.sort_name = personSortKey(next.last_name as string, next.first_name as string | null);
    next.email_normalized = normalizeEmail(next.email as string | null);
    next.phone_e164 = phoneToE164(next.phone as string | null, next.country as string | null);
  },
  check(_db, _next, rows) {
    const converted = rows.find((r) => r.status === 'converted');
    if (converted) {
      throw new CrmError('validation', `Lead ${converted.id} is converted: its account, contact and opportunity carry it on, so it cannot be merged.`, [
        { path: converted === rows[0] ? 'survivorId' : 'mergedIds', message: 'A converted lead' },
      ]);
    }
  },
};

export const MERGE_SPECS: Record<ScanEntity, MergeSpec> = { contact: CONTACT, account: ACCOUNT, lead: LEAD };
