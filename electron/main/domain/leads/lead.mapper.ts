import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { z } from 'zod';
import type { Lead, LeadInput, LeadPatch } from '../../../../shared/contract/leads';
import { personSortKey } from '../../../../shared/text';
import { META_NAMES, metaFromRow, metaJoins } from '../records/record-meta';
import type { ColumnValues } from '../records/record-store';

type Parsed = z.output<typeof LeadPatch> | z.output<typeof LeadInput>;

/** The duplicate check's e-mail key: trimmed and lower-cased. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/** E.164 when the number is valid (read in `country` unless it starts with +), else null. */
export function phoneToE164(phone: string | null | undefined, country: string | null | undefined): string | null {
  if (!phone?.trim()) return null;
  try {
    const parsed = parsePhoneNumberFromString(phone, (country ?? undefined) as CountryCode | undefined);
    return parsed && parsed.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}

export interface LeadDerivedBase {
  firstName: string | null;
  lastName: string;
  phone: string | null;
  country: string | null;
  /** A campaign set by hand on a lead that has none becomes its first touch too (campaigns/attribution.ts). */
  firstTouchCampaignId?: number | null;
}

/**
 * Contract fields → stored columns, with the derived keys (sort name, the
 * normalised e-mail and E.164 phone) kept in step. The keys depend on more
 * than one field, so a patch is completed with the stored values (`current`).
 */
export function leadColumns(patch: Parsed, current?: LeadDerivedBase): ColumnValues {
  const c: ColumnValues = {};
  if (patch.firstName !== undefined) c.first_name = patch.firstName;
  if (patch.lastName !== undefined) c.last_name = patch.lastName;
  if (patch.firstName !== undefined || patch.lastName !== undefined) {
    const first = patch.firstName !== undefined ? patch.firstName : (current?.firstName ?? null);
    const last = patch.lastName !== undefined ? patch.lastName : (current?.lastName ?? '');
    c.sort_name = personSortKey(last, first);
  }
  if (patch.company !== undefined) c.company = patch.company;
  if (patch.title !== undefined) c.title = patch.title;
  if (patch.email !== undefined) {
    c.email = patch.email;
    c.email_normalized = normalizeEmail(patch.email);
  }
  if (patch.phone !== undefined) c.phone = patch.phone;
  if (patch.address !== undefined) {
    c.street = patch.address.street;
    c.city = patch.address.city;
    c.region = patch.address.region;
    c.postcode = patch.address.postcode;
    c.country = patch.address.country;
  }
  if (patch.phone !== undefined || patch.address !== undefined) {
    const phone = patch.phone !== undefined ? patch.phone : (current?.phone ?? null);
    const country = patch.address !== undefined ? patch.address.country : (current?.country ?? null);
    c.phone_e164 = phoneToE164(phone, country);
  }
  if (patch.industry !== undefined) c.industry = patch.industry;
  if (patch.employees !== undefined) c.employees = patch.employees;
  if (patch.source !== undefined) c.source = patch.source;
  if (patch.status !== undefined) c.status = patch.status;
  if (patch.disqualifiedReason !== undefined) c.disqualified_reason = patch.disqualifiedReason;
  if (patch.rating !== undefined) c.rating = patch.rating;
  if (patch.campaignId !== undefined) {
    c.campaign_id = patch.campaignId;
    if (patch.campaignId !== null && (current?.firstTouchCampaignId ?? null) === null) c.first_touch_campaign_id = patch.campaignId;
  }
  if (patch.ownerId !== undefined) c.owner_id = patch.ownerId;
  if (patch.ownerLocked !== undefined) c.owner_locked = patch.ownerLocked ? 1 : 0;
  return c;
}

export const LEAD_SELECT = `
  SELECT l.*, terr.name AS territory_name, ${META_NAMES}
    FROM leads l
    LEFT JOIN territories terr ON terr.id = l.territory_id
    ${metaJoins('l')}`;

export function leadFromRow(r: Record<string, any>): Lead {
  return {
    ...metaFromRow(r),
    firstName: r.first_name,
    lastName: r.last_name,
    company: r.company,
    title: r.title,
    email: r.email,
    phone: r.phone,
    phoneE164: r.phone_e164,
    address: { street: r.street, city: r.city, region: r.region, postcode: r.postcode, country: r.country },
    industry: r.industry,
    employees: r.employees,
    source: r.source,
    status: r.status,
    disqualifiedReason: r.disqualified_reason,
    rating: r.rating,
    campaignId: r.campaign_id,
    firstTouchCampaignId: r.first_touch_campaign_id,
    ownerLocked: r.owner_locked === 1,
    territory: r.territory_id && r.territory_name ? { id: r.territory_id, name: r.territory_name } : null,
    score: r.score,
    scoreReasons: JSON.parse(r.score_reasons),
    lastTouchAt: r.last_touch_at,
    convertedAt: r.converted_at,
    convertedAccountId: r.converted_account_id,
    convertedContactId: r.converted_contact_id,
    convertedOpportunityId: r.converted_opportunity_id,
  };
}

/** The stored columns a change to a lead is checked against (the form's save and an import's update). */
export interface StoredLead {
  first_name: string | null;
  last_name: string;
  phone: string | null;
  country: string | null;
  status: string;
  disqualified_reason: string | null;
  deleted_at: string | null;
  first_touch_campaign_id: number | null;
}

export const DISQUALIFY_REASON_REQUIRED = 'A reason is required to disqualify a lead';
