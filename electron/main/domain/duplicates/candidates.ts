import type { Database } from 'better-sqlite3';
import type { ScanEntity } from '../../../../shared/contract/duplicates';
import { foldForSort } from '../../../../shared/text';
import { phoneToE164 } from '../leads/lead.mapper';
import { companyKey, domainOf } from './similarity';

export type { ScanEntity };

/** What the scan compares of one record, already normalised. */
export interface Candidate {
  id: number;
  /** Shown in the results. */
  name: string;
  detail: string;
  /** Folded full name (people) or company key (accounts), for the fuzzy comparison. */
  nameKey: string;
  emails: string[];
  /** Raw numbers with the record's country, turned into E.164 only for records that meet in a block. */
  phones: { number: string; country: string | null }[];
  company: string;
  domain: string | null;
}

const digits = (s: string) => s.replace(/\D/g, '');
const person = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ');

/** Streams every live record of the kind as a candidate. */
export function* candidates(db: Database, entity: ScanEntity): Generator<Candidate> {
  if (entity === 'contact') {
    // Accounts once into a map: a join per contact costs more than the whole accounts table.
    const accounts = new Map<number, { company: string; name: string; domain: string | null }>();
    for (const a of db.prepare(`SELECT id, name, website FROM accounts WHERE deleted_at IS NULL`).iterate() as Iterable<{ id: number; name: string; website: string | null }>) {
      accounts.set(a.id, { company: companyKey(a.name), name: a.name, domain: domainOf(a.website) });
    }
    // Rows as arrays (no object per row) in id order: a million of them are read.
    type Raw = [number, string | null, string, string, string, string | null, string | null, number | null];
    const rows = db
      .prepare(`SELECT id, first_name, last_name, emails, phones, address_country, address_city, account_id FROM contacts WHERE deleted_at IS NULL`)
      .raw()
      .iterate() as Iterable<Raw>;
    for (const [id, first, last, emailsJson, phonesJson, country, city, accountId] of rows) {
      const emails = emailsJson === '[]' ? [] : (JSON.parse(emailsJson) as { address: string }[]).map((e) => e.address.trim().toLowerCase());
      const account = accountId !== null ? accounts.get(accountId) : undefined;
      const name = person(first, last);
      yield {
        id,
        name,
        detail: [account?.name, emails[0], city].filter(Boolean).join(' · '),
        nameKey: foldForSort(name),
        emails,
        phones: phonesJson === '[]' ? [] : (JSON.parse(phonesJson) as { number: string }[]).map((p) => ({ number: p.number, country })),
        company: account?.company ?? '',
        domain: account?.domain ?? domainOf(emails[0]),
      };
    }
  } else if (entity === 'lead') {
    const rows = db
      .prepare(`SELECT id, first_name, last_name, company, email, phone, country, city FROM leads WHERE deleted_at IS NULL AND status <> 'converted'`)
      .iterate() as Iterable<{ id: number; first_name: string | null; last_name: string; company: string | null; email: string | null; phone: string | null; country: string | null; city: string | null }>;
    for (const r of rows) {
      const email = r.email?.trim().toLowerCase() ?? null;
      yield {
        id: r.id,
        name: person(r.first_name, r.last_name),
        detail: [r.company, email, r.city].filter(Boolean).join(' · '),
        nameKey: foldForSort(person(r.first_name, r.last_name)),
        emails: email ? [email] : [],
        phones: r.phone ? [{ number: r.phone, country: r.country }] : [],
        company: companyKey(r.company),
        domain: domainOf(email),
      };
    }
  } else {
    const rows = db
      .prepare(`SELECT id, name, website, phone, billing_country AS country, billing_city AS city FROM accounts WHERE deleted_at IS NULL`)
      .iterate() as Iterable<{ id: number; name: string; website: string | null; phone: string | null; country: string | null; city: string | null }>;
    for (const r of rows) {
      yield {
        id: r.id,
        name: r.name,
        detail: [r.website, r.city, r.country].filter(Boolean).join(' · '),
        nameKey: companyKey(r.name),
        emails: [],
        phones: r.phone ? [{ number: r.phone, country: r.country }] : [],
        company: companyKey(r.name),
        domain: domainOf(r.website),
      };
    }
  }
}

/** Blocking key of a phone: its last eight digits (cheap; E.164 decides among the few that share them). */
export function phoneBlock(number: string): string | null {
  const d = digits(number);
  return d.length >= 6 ? d.slice(-8) : null;
}

export function e164(p: { number: string; country: string | null }): string | null {
  return phoneToE164(p.number, p.country);
}
