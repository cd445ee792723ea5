import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { DuplicateMatch, DuplicateQuery } from '../../../../shared/contract/leads';
import { foldForSort, personSortKey } from '../../../../shared/text';
import { Sql } from '../../db/sql';
import { normalizeEmail, phoneToE164 } from './lead.mapper';

type Reason = DuplicateMatch['reasons'][number];
const LIMIT = 20;

/** SQL that keeps only the digits of a phone column (the separators the contract allows). */
function digitsSql(column: string): string {
  let expr = column;
  for (const ch of [' ', '-', '(', ')', '.', '/', '+']) expr = `replace(${expr}, '${ch}', '')`;
  return expr;
}

function personName(first: string | null, last: string): string {
  return first ? `${first} ${last}` : last;
}

/**
 * Likely duplicates of a lead being entered, among live leads, contacts and
 * accounts: the same e-mail (trimmed, any case), the same phone (compared as
 * E.164, so '+49 89 1234567' is '089 1234567' in DE), or the same person at
 * the same company (accent- and case-folded); an account matches on its name
 * alone. Leads use their stored keys (indexed); contacts and accounts keep no
 * phone key, so their numbers are narrowed in SQL by the last digits and
 * compared in E.164 here.
 */
export class DuplicatesService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async find(q: z.output<typeof DuplicateQuery>): Promise<DuplicateMatch[]> {
    const email = normalizeEmail(q.email);
    const e164 = phoneToE164(q.phone, q.country);
    const company = foldForSort(q.company);
    const nameKey = q.lastName ? personSortKey(q.lastName, q.firstName) : null;
    const matches = new Map<string, DuplicateMatch>();
    const add = (m: Omit<DuplicateMatch, 'reasons'>, reason: Reason) => {
      const key = `${m.entity}:${m.id}`;
      const found = matches.get(key);
      if (found) {
        if (!found.reasons.includes(reason)) found.reasons.push(reason);
      } else matches.set(key, { ...m, reasons: [reason] });
    };
    const exclude = q.excludeLeadId ?? 0;

    // Leads: every key is stored and indexed.
    type LeadHit = { id: number; first_name: string | null; last_name: string; company: string | null; email: string | null; phone: string | null };
    const lead = (r: LeadHit) => ({ entity: 'lead' as const, id: r.id, name: personName(r.first_name, r.last_name), company: r.company, email: r.email, phone: r.phone });
    const leadCols = 'id, first_name, last_name, company, email, phone';
    if (email) {
      for (const r of await this.sql.all<LeadHit>(`SELECT ${leadCols} FROM leads WHERE email_normalized = ? AND deleted_at IS NULL AND id <> ? LIMIT ${LIMIT}`, [email, exclude])) {
        add(lead(r), 'email');
      }
    }
    if (e164) {
      for (const r of await this.sql.all<LeadHit>(`SELECT ${leadCols} FROM leads WHERE phone_e164 = ? AND deleted_at IS NULL AND id <> ? LIMIT ${LIMIT}`, [e164, exclude])) {
        add(lead(r), 'phone');
      }
    }
    if (nameKey && company) {
      const rows = await this.sql.all<LeadHit>(`SELECT ${leadCols} FROM leads WHERE sort_name = ? AND deleted_at IS NULL AND id <> ? LIMIT 200`, [nameKey, exclude]);
      for (const r of rows.filter((x) => foldForSort(x.company) === company).slice(0, LIMIT)) add(lead(r), 'name_and_company');
    }

    // Contacts: e-mails in the primary column and the JSON list.
    type ContactHit = { id: number; first_name: string | null; last_name: string; account_name: string | null; email: string | null; phone: string | null; phones: string; country: string | null };
    const contact = (r: ContactHit) => ({ entity: 'contact' as const, id: r.id, name: personName(r.first_name, r.last_name), company: r.account_name, email: r.email, phone: r.phone });
    const contactCols = `c.id, c.first_name, c.last_name, c.email, c.phone, c.phones, c.address_country AS country,
      (SELECT a.name FROM accounts a WHERE a.id = c.account_id AND a.deleted_at IS NULL) AS account_name`;
    if (email) {
      const rows = await this.sql.all<ContactHit>(
        `SELECT ${contactCols} FROM contacts c
          WHERE c.deleted_at IS NULL
            AND (lower(trim(c.email)) = ? OR EXISTS (SELECT 1 FROM json_each(c.emails) e WHERE lower(trim(json_extract(e.value, '$.address'))) = ?))
          LIMIT ${LIMIT}`,
        [email, email],
      );
      for (const r of rows) add(contact(r), 'email');
    }
    const tail = e164 ? e164.slice(-7) : null;
    if (e164 && tail) {
      const rows = await this.sql.all<ContactHit>(
        `SELECT ${contactCols} FROM contacts c
          WHERE c.deleted_at IS NULL
            AND EXISTS (SELECT 1 FROM json_each(c.phones) p WHERE ${digitsSql("json_extract(p.value, '$.number')")} LIKE ?)
          LIMIT 200`,
        [`%${tail}`],
      );
      for (const r of rows) {
        const numbers: { number: string }[] = JSON.parse(r.phones);
        if (numbers.some((p) => samePhone(p.number, r.country ?? q.country, e164))) add(contact(r), 'phone');
      }
    }
    if (nameKey && company) {
      const rows = await this.sql.all<ContactHit>(
        `SELECT ${contactCols} FROM contacts c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL
          WHERE c.deleted_at IS NULL AND c.sort_name = ? AND a.sort_name = ? LIMIT ${LIMIT}`,
        [nameKey, company],
      );
      for (const r of rows) add(contact(r), 'name_and_company');
    }

    // Accounts: the company's name, and the account's phone.
    type AccountHit = { id: number; name: string; phone: string | null; billing_country: string | null };
    const account = (r: AccountHit) => ({ entity: 'account' as const, id: r.id, name: r.name, company: r.name, email: null, phone: r.phone });
    if (company) {
      const rows = await this.sql.all<AccountHit>(`SELECT id, name, phone, billing_country FROM accounts WHERE sort_name = ? AND deleted_at IS NULL LIMIT ${LIMIT}`, [company]);
      for (const r of rows) add(account(r), 'company_name');
    }
    if (e164 && tail) {
      const rows = await this.sql.all<AccountHit>(
        `SELECT id, name, phone, billing_country FROM accounts WHERE deleted_at IS NULL AND ${digitsSql('phone')} LIKE ? LIMIT 200`,
        [`%${tail}`],
      );
      for (const r of rows) if (r.phone && samePhone(r.phone, r.billing_country ?? q.country, e164)) add(account(r), 'phone');
    }

    const order = { lead: 0, contact: 1, account: 2 };
    return [...matches.values()].sort((a, b) => b.reasons.length - a.reasons.length || order[a.entity] - order[b.entity] || a.id - b.id);
  }
}

function samePhone(number: string, country: string | null, e164: string): boolean {
  try {
    const parsed = parsePhoneNumberFromString(number, (country ?? undefined) as CountryCode | undefined);
    return parsed?.number === e164;
  } catch {
    return false;
  }
}
