import type { EntityManager } from 'typeorm';
import type { SegmentEntity } from '../../../../shared/contract/segments';
import { Sql } from '../../db/sql';

/** A member's record as a campaign merges it into a message: every field a string, '' when absent. */
export interface Recipient {
  entity: SegmentEntity;
  recordId: number;
  /** In the recycle bin: reached no more. */
  deleted: boolean;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  phone: string;
  accountName: string;
  title: string;
  street: string;
  postalCode: string;
  city: string;
  region: string;
  country: string;
  ownerName: string;
}

const COLUMNS: Record<SegmentEntity, string> = {
  contact: `r.first_name AS firstName, r.last_name AS lastName, r.email, r.phone, ac.name AS accountName, r.title,
    r.address_street AS street, r.address_postcode AS postalCode, r.address_city AS city, r.address_region AS region, r.address_country AS country`,
  lead: `r.first_name AS firstName, r.last_name AS lastName, r.email, r.phone, r.company AS accountName, r.title,
    r.street, r.postcode AS postalCode, r.city, r.region, r.country`,
  account: `NULL AS firstName, r.name AS lastName, NULL AS email, r.phone, r.name AS accountName, NULL AS title,
    r.billing_street AS street, r.billing_postcode AS postalCode, r.billing_city AS city, r.billing_region AS region, r.billing_country AS country`,
};

const FROM: Record<SegmentEntity, string> = {
  contact: `contacts r LEFT JOIN accounts ac ON ac.id = r.account_id AND ac.deleted_at IS NULL`,
  lead: `leads r`,
  account: `accounts r`,
};

type RecipientRow = Record<Exclude<keyof Recipient, 'entity' | 'recordId' | 'deleted' | 'fullName'>, string | null> & { deleted_at: string | null };

/** The record behind a member, or null when it is gone for good. */
export async function loadRecipient(em: EntityManager, entity: SegmentEntity, recordId: number): Promise<Recipient | null> {
  const row = await new Sql(em).get<RecipientRow>(
    `SELECT ${COLUMNS[entity]}, u.name AS ownerName, r.deleted_at FROM ${FROM[entity]} JOIN users u ON u.id = r.owner_id WHERE r.id = ?`,
    [recordId],
  );
  if (!row) return null;
  const s = (v: string | null) => v ?? '';
  const fullName = entity === 'account' ? s(row.lastName) : [row.firstName, row.lastName].filter(Boolean).join(' ');
  return {
    entity,
    recordId,
    deleted: row.deleted_at !== null,
    firstName: s(row.firstName),
    lastName: entity === 'account' ? '' : s(row.lastName),
    fullName,
    email: s(row.email),
    phone: s(row.phone),
    accountName: s(row.accountName),
    title: s(row.title),
    street: s(row.street),
    postalCode: s(row.postalCode),
    city: s(row.city),
    region: s(row.region),
    country: s(row.country),
    ownerName: s(row.ownerName),
  };
}
