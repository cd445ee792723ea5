import { z } from 'zod';
import { Money } from '../money';
import { INDUSTRIES } from '../picklists';
import { Address, AddressInput } from './address';
import { DeleteResult, Id, IdInput, RecordMeta, UserRef, VersionedPatch, optionalText, requiredText } from './common';
import { method } from './define';
import { gridPage, gridQuery } from './grid';

/** People type "acme.com"; store a full URL so the link works. */
const Website = z
  .string()
  .max(300)
  .transform((s) => s.trim())
  .transform((s) => (s === '' ? null : /^https?:\/\//i.test(s) ? s : `https://${s}`))
  .pipe(z.url({ protocol: /^https?$/, error: 'Not a web address' }).nullable())
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const AccountFields = {
  name: requiredText(200, 'Name'),
  industry: z
    .union([z.enum(INDUSTRIES), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  website: Website,
  phone: optionalText(40),
  billingAddress: AddressInput.optional().transform((a) => a ?? AddressInput.parse({})),
  shippingAddress: AddressInput.optional().transform((a) => a ?? AddressInput.parse({})),
  employees: z.number().int().min(0).max(10_000_000).nullable().optional().transform((v) => v ?? null),
  annualRevenue: Money.nullable().optional().transform((v) => v ?? null),
  parentAccountId: Id.nullable().optional().transform((v) => v ?? null),
  /** Defaults to the current user on create. */
  ownerId: Id.optional(),
  /** "Keep this owner" (false unless sent): territory realignment and the account's owner changes leave the owner alone. */
  ownerLocked: z.boolean().optional(),
};

export const AccountInput = z.object(AccountFields).strict();
export type AccountInput = z.input<typeof AccountInput>;

export const AccountPatch = z.object(AccountFields).partial().strict();

export const Account = z.object({
  ...RecordMeta,
  name: z.string(),
  industry: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  billingAddress: Address,
  shippingAddress: Address,
  employees: z.number().int().nullable(),
  annualRevenue: Money.nullable(),
  parentAccount: z.object({ id: Id, name: z.string() }).nullable(),
  owner: UserRef,
  ownerLocked: z.boolean(),
  /** The territory the account was last assigned through; null when none. */
  territory: z.object({ id: Id, name: z.string() }).nullable(),
  contactCount: z.number().int(),
});
export type Account = z.infer<typeof Account>;

export const AccountRow = z.object({
  id: Id,
  version: z.number().int(),
  name: z.string(),
  industry: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  employees: z.number().int().nullable(),
  annualRevenueMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  ownerName: z.string(),
  updatedAt: z.string(),
});
export type AccountRow = z.infer<typeof AccountRow>;

export const ACCOUNT_SORTABLE = ['name', 'industry', 'city', 'country', 'employees', 'annualRevenueMinor', 'ownerName', 'updatedAt'] as const;
export const ACCOUNT_FILTERABLE = ['name', 'industry', 'phone', 'website', 'city', 'country', 'employees', 'ownerName'] as const;
export const AccountListQuery = gridQuery(ACCOUNT_SORTABLE, ACCOUNT_FILTERABLE);
export type AccountListQuery = z.input<typeof AccountListQuery>;

export const accountsContract = {
  'accounts.create': method({ summary: 'Create an account', writes: true, input: AccountInput, output: Account }),
  'accounts.get': method({ summary: 'One account with its parent, owner and contact count', writes: false, input: IdInput, output: Account }),
  'accounts.update': method({
    summary: 'Change fields of an account; refused when the version is stale',
    writes: true,
    input: VersionedPatch(AccountPatch),
    output: Account,
  }),
  'accounts.delete': method({ summary: 'Move an account to the recycle bin', writes: true, input: IdInput, output: DeleteResult }),
  'accounts.restore': method({ summary: 'Bring an account back from the recycle bin', writes: true, input: IdInput, output: Account }),
  'accounts.list': method({ summary: 'A page of the accounts grid', writes: false, input: AccountListQuery, output: gridPage(AccountRow) }),
  'accounts.lookup': method({
    summary: 'Accounts whose name starts with the given text, for pickers',
    writes: false,
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.array(z.object({ id: Id, name: z.string() })),
  }),
};
