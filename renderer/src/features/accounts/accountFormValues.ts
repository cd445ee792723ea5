import type { z } from 'zod';
import type { Account } from '../../../../shared/contract/accounts';
import { AccountFields, AccountInput } from '../../../../shared/contract/accounts';
import type { Address } from '../../../../shared/contract/address';

export type AccountFormValues = z.input<typeof AccountInput>;
export type AccountFormOutput = z.output<typeof AccountInput>;

export const ACCOUNT_FIELD_NAMES = Object.keys(AccountFields);

function address(a: Address | undefined) {
  return { street: a?.street ?? '', city: a?.city ?? '', region: a?.region ?? '', postcode: a?.postcode ?? '', country: a?.country ?? '' };
}

/** What the form edits, from a loaded account (or empty, for a new one). */
export function accountFormValues(account?: Account): AccountFormValues {
  return {
    name: account?.name ?? '',
    industry: (account?.industry ?? '') as AccountFormValues['industry'],
    website: account?.website ?? '',
    phone: account?.phone ?? '',
    employees: account?.employees ?? null,
    annualRevenue: account?.annualRevenue ?? null,
    parentAccountId: account?.parentAccount?.id ?? null,
    billingAddress: address(account?.billingAddress),
    shippingAddress: address(account?.shippingAddress),
    ...(account ? { ownerId: account.owner.id } : {}),
    ownerLocked: account?.ownerLocked ?? false,
  };
}
