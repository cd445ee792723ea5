import type { z } from 'zod';
import type { Account, AccountInput, AccountPatch } from '../../../../shared/contract/accounts';
import { foldForSort } from '../../../../shared/text';
import { addressFromRow, addressToColumns } from '../records/address-columns';
import { META_NAMES, metaFromRow, metaJoins } from '../records/record-meta';
import type { ColumnValues } from '../records/record-store';

type ParsedPatch = z.output<typeof AccountPatch>;

/** Contract fields → stored columns; only the fields present in the patch. */
export function accountColumns(patch: ParsedPatch | z.output<typeof AccountInput>): ColumnValues {
  const c: ColumnValues = {};
  if (patch.name !== undefined) {
    c.name = patch.name;
    c.sort_name = foldForSort(patch.name);
  }
  if (patch.industry !== undefined) c.industry = patch.industry;
  if (patch.website !== undefined) c.website = patch.website;
  if (patch.phone !== undefined) c.phone = patch.phone;
  if (patch.billingAddress !== undefined) Object.assign(c, addressToColumns('billing', patch.billingAddress));
  if (patch.shippingAddress !== undefined) Object.assign(c, addressToColumns('shipping', patch.shippingAddress));
  if (patch.employees !== undefined) c.employees = patch.employees;
  if (patch.annualRevenue !== undefined) {
    c.annual_revenue_minor = patch.annualRevenue?.amountMinor ?? null;
    c.annual_revenue_currency = patch.annualRevenue?.currency ?? null;
  }
  if (patch.parentAccountId !== undefined) c.parent_account_id = patch.parentAccountId;
  if (patch.ownerId !== undefined) c.owner_id = patch.ownerId;
  if (patch.ownerLocked !== undefined) c.owner_locked = patch.ownerLocked ? 1 : 0;
  return c;
}

export const ACCOUNT_SELECT = `
  SELECT a.*, p.name AS parent_name, terr.name AS territory_name, ${META_NAMES},
         (SELECT COUNT(*) FROM contacts c WHERE c.account_id = a.id AND c.deleted_at IS NULL) AS contact_count
    FROM accounts a
    LEFT JOIN accounts p ON p.id = a.parent_account_id AND p.deleted_at IS NULL
    LEFT JOIN territories terr ON terr.id = a.territory_id
    ${metaJoins('a')}`;

export function accountFromRow(r: Record<string, any>): Account {
  return {
    ...metaFromRow(r),
    name: r.name,
    industry: r.industry,
    website: r.website,
    phone: r.phone,
    billingAddress: addressFromRow('billing', r),
    shippingAddress: addressFromRow('shipping', r),
    employees: r.employees,
    annualRevenue: r.annual_revenue_minor === null ? null : { amountMinor: Number(r.annual_revenue_minor), currency: r.annual_revenue_currency },
    parentAccount: r.parent_account_id && r.parent_name ? { id: r.parent_account_id, name: r.parent_name } : null,
    ownerLocked: r.owner_locked === 1,
    territory: r.territory_id && r.territory_name ? { id: r.territory_id, name: r.territory_name } : null,
    contactCount: r.contact_count,
  };
}
