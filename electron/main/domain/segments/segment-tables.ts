import type { SEGMENT_FIELDS, SegmentEntity } from '../../../../shared/contract/segments';

/**
 * Where each whitelisted field of shared/contract/segments.ts lives in SQL.
 * Every identifier the compiler writes comes from this file; values only ever
 * travel as parameters. The record's alias is always `r`.
 */
export type FieldSql =
  | { column: string }
  /** A column of the contact's account (a live one; a contact without one has no value). */
  | { accountColumn: string }
  | { amount: string; currency: string };

export interface SegmentTable {
  table: string;
  /** The column of `activities` that points at this kind of record. */
  activityLink: string;
  fields: Record<string, FieldSql>;
}

type FieldsOf<E extends SegmentEntity> = Record<keyof (typeof SEGMENT_FIELDS)[E], FieldSql>;

const contactFields: FieldsOf<'contact'> = {
  firstName: { column: 'r.first_name' },
  lastName: { column: 'r.last_name' },
  title: { column: 'r.title' },
  email: { column: 'r.email' },
  phone: { column: 'r.phone' },
  city: { column: 'r.address_city' },
  region: { column: 'r.address_region' },
  postcode: { column: 'r.address_postcode' },
  country: { column: 'r.address_country' },
  birthday: { column: 'r.birthday' },
  emailOptOut: { column: 'r.email_opt_out' },
  doNotCall: { column: 'r.do_not_call' },
  owner: { column: 'r.owner_id' },
  accountName: { accountColumn: 'a.name' },
  accountIndustry: { accountColumn: 'a.industry' },
  createdAt: { column: 'r.created_at' },
  updatedAt: { column: 'r.updated_at' },
};

const leadFields: FieldsOf<'lead'> = {
  firstName: { column: 'r.first_name' },
  lastName: { column: 'r.last_name' },
  company: { column: 'r.company' },
  title: { column: 'r.title' },
  email: { column: 'r.email' },
  phone: { column: 'r.phone' },
  city: { column: 'r.city' },
  region: { column: 'r.region' },
  postcode: { column: 'r.postcode' },
  country: { column: 'r.country' },
  industry: { column: 'r.industry' },
  employees: { column: 'r.employees' },
  source: { column: 'r.source' },
  status: { column: 'r.status' },
  rating: { column: 'r.rating' },
  score: { column: 'r.score' },
  owner: { column: 'r.owner_id' },
  createdAt: { column: 'r.created_at' },
  updatedAt: { column: 'r.updated_at' },
};

const accountFields: FieldsOf<'account'> = {
  name: { column: 'r.name' },
  industry: { column: 'r.industry' },
  employees: { column: 'r.employees' },
  annualRevenue: { amount: 'r.annual_revenue_minor', currency: 'r.annual_revenue_currency' },
  website: { column: 'r.website' },
  phone: { column: 'r.phone' },
  city: { column: 'r.billing_city' },
  region: { column: 'r.billing_region' },
  postcode: { column: 'r.billing_postcode' },
  country: { column: 'r.billing_country' },
  owner: { column: 'r.owner_id' },
  createdAt: { column: 'r.created_at' },
  updatedAt: { column: 'r.updated_at' },
};

export const SEGMENT_TABLES: Record<SegmentEntity, SegmentTable> = {
  contact: { table: 'contacts', activityLink: 'contact_id', fields: contactFields },
  lead: { table: 'leads', activityLink: 'lead_id', fields: leadFields },
  account: { table: 'accounts', activityLink: 'account_id', fields: accountFields },
};

/** What a sample row and a list member show, per entity (alias r, owner u, a contact's account ac). */
export const ROW_SQL: Record<SegmentEntity, { select: string; joins: string }> = {
  contact: {
    select: `r.id, trim(COALESCE(r.first_name || ' ', '') || r.last_name) AS name, r.email AS detail, ac.name AS company, r.phone, r.address_country AS country, u.name AS ownerName`,
    joins: `JOIN users u ON u.id = r.owner_id LEFT JOIN accounts ac ON ac.id = r.account_id AND ac.deleted_at IS NULL`,
  },
  lead: {
    select: `r.id, trim(COALESCE(r.first_name || ' ', '') || r.last_name) AS name, r.email AS detail, r.company AS company, r.phone, r.country AS country, u.name AS ownerName`,
    joins: `JOIN users u ON u.id = r.owner_id`,
  },
  account: {
    select: `r.id, r.name AS name, r.website AS detail, NULL AS company, r.phone, r.billing_country AS country, u.name AS ownerName`,
    joins: `JOIN users u ON u.id = r.owner_id`,
  },
};
