import type { z } from 'zod';
import type { Contact, ContactInput } from '../../../../shared/contract/contacts';
import { ContactFields } from '../../../../shared/contract/contacts';
import type { PickedRecord } from '../../components/RecordPicker';

export type ContactFormValues = z.input<typeof ContactInput>;
export type ContactFormOutput = z.output<typeof ContactInput>;

export const CONTACT_FIELD_NAMES = Object.keys(ContactFields);

/** What the form edits, from a loaded contact (or empty, for a new one). */
export function contactFormValues(contact?: Contact, account?: PickedRecord | null): ContactFormValues {
  const a = contact?.address;
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    title: contact?.title ?? '',
    emails: contact?.emails.map((e) => ({ ...e })) ?? [],
    phones: contact?.phones.map((p) => ({ ...p })) ?? [],
    accountId: contact ? (contact.account?.id ?? null) : (account?.id ?? null),
    address: {
      street: a?.street ?? '',
      city: a?.city ?? '',
      region: a?.region ?? '',
      postcode: a?.postcode ?? '',
      country: a?.country ?? '',
    },
    birthday: contact?.birthday ?? '',
    emailOptOut: contact?.emailOptOut ?? false,
    doNotCall: contact?.doNotCall ?? false,
    ...(contact ? { ownerId: contact.owner.id } : {}),
    ownerLocked: contact?.ownerLocked ?? false,
  };
}
