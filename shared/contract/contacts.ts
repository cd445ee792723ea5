import { z } from 'zod';
import { EMAIL_LABELS, PHONE_LABELS } from '../picklists';
import { Address, AddressInput } from './address';
import { DeleteResult, Id, IdInput, IsoDate, RecordMeta, UserRef, VersionedPatch, optionalText, requiredText } from './common';
import { method } from './define';
import { gridPage, gridQuery } from './grid';

export const EmailEntry = z
  .object({
    label: z.enum(EMAIL_LABELS).default('work'),
    address: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.email('Not an e-mail address').max(254)),
  })
  .strict();

export const PhoneEntry = z
  .object({
    label: z.enum(PHONE_LABELS).default('work'),
    number: z
      .string()
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(3, 'Phone number is too short')
          .max(40, 'At most 40 characters')
          .regex(/^[+()\d\s./-]+(\s*(x|ext\.?)\s*\d+)?$/i, 'Digits, spaces, + ( ) - . / and an extension only'),
      ),
  })
  .strict();

const Birthday = z
  .union([z.literal(''), z.null(), IsoDate])
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || v <= new Date().toISOString().slice(0, 10), 'A birthday cannot be in the future')
  .refine((v) => v === null || v >= '1900-01-01', 'A birthday before 1900 is not plausible');

export const ContactFields = {
  firstName: optionalText(100),
  lastName: requiredText(100, 'Last name'),
  title: optionalText(150),
  emails: z.array(EmailEntry).max(10, 'At most 10 e-mail addresses'),
  phones: z.array(PhoneEntry).max(10, 'At most 10 phone numbers'),
  accountId: Id.nullable().optional().transform((v) => v ?? null),
  address: AddressInput.optional().transform((a) => a ?? AddressInput.parse({})),
  birthday: Birthday,
  emailOptOut: z.boolean(),
  doNotCall: z.boolean(),
  ownerId: Id.optional(),
  /** "Keep this owner" (false unless sent): territory realignment and the account's owner changes leave the owner alone. */
  ownerLocked: z.boolean().optional(),
};

/** Defaults live only here: a patch must never fill in a field the user did not send. */
export const ContactInput = z
  .object({
    ...ContactFields,
    emails: ContactFields.emails.default([]),
    phones: ContactFields.phones.default([]),
    emailOptOut: ContactFields.emailOptOut.default(false),
    doNotCall: ContactFields.doNotCall.default(false),
  })
  .strict();
export type ContactInput = z.input<typeof ContactInput>;

export const ContactPatch = z.object(ContactFields).partial().strict();

export const Contact = z.object({
  ...RecordMeta,
  firstName: z.string().nullable(),
  lastName: z.string(),
  title: z.string().nullable(),
  emails: z.array(z.object({ label: z.enum(EMAIL_LABELS), address: z.string() })),
  phones: z.array(z.object({ label: z.enum(PHONE_LABELS), number: z.string() })),
  account: z.object({ id: Id, name: z.string() }).nullable(),
  address: Address,
  birthday: z.string().nullable(),
  emailOptOut: z.boolean(),
  doNotCall: z.boolean(),
  owner: UserRef,
  ownerLocked: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactRow = z.object({
  id: Id,
  version: z.number().int(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  emailOptOut: z.boolean(),
  doNotCall: z.boolean(),
  ownerName: z.string(),
  updatedAt: z.string(),
});
export type ContactRow = z.infer<typeof ContactRow>;

export const CONTACT_SORTABLE = ['lastName', 'firstName', 'title', 'email', 'city', 'country', 'ownerName', 'updatedAt'] as const;
export const CONTACT_FILTERABLE = ['lastName', 'firstName', 'title', 'email', 'phone', 'accountName', 'city', 'country', 'ownerName'] as const;

export const ContactListQuery = gridQuery(CONTACT_SORTABLE, CONTACT_FILTERABLE, {
  /** Only the contacts of this account (the account's detail page). */
  accountId: Id.optional(),
});
export type ContactListQuery = z.input<typeof ContactListQuery>;

export const contactsContract = {
  'contacts.create': method({ summary: 'Create a contact', writes: true, input: ContactInput, output: Contact }),
  'contacts.get': method({ summary: 'One contact with its account and owner', writes: false, input: IdInput, output: Contact }),
  'contacts.update': method({
    summary: 'Change fields of a contact; refused when the version is stale',
    writes: true,
    input: VersionedPatch(ContactPatch),
    output: Contact,
  }),
  'contacts.delete': method({ summary: 'Move a contact to the recycle bin', writes: true, input: IdInput, output: DeleteResult }),
  'contacts.restore': method({ summary: 'Bring a contact back from the recycle bin', writes: true, input: IdInput, output: Contact }),
  'contacts.list': method({
    summary: 'A page of the contacts grid, optionally of one account',
    writes: false,
    input: ContactListQuery,
    output: gridPage(ContactRow),
  }),
};
