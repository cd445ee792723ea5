import type { z } from 'zod';
import type { Contact, ContactInput, ContactPatch } from '../../../../shared/contract/contacts';
import { personSortKey } from '../../../../shared/text';
import { addressFromRow, addressToColumns } from '../records/address-columns';
import { META_NAMES, metaFromRow, metaJoins } from '../records/record-meta';
import type { ColumnValues } from '../records/record-store';

type Parsed = z.output<typeof ContactPatch> | z.output<typeof ContactInput>;

/**
 * Contract fields → stored columns. The sort key depends on both names, so a
 * patch that changes one name must be completed with the other (`current`).
 */
export function contactColumns(patch: Parsed, current?: { firstName: string | null; lastName: string }): ColumnValues {
  const c: ColumnValues = {};
  if (patch.firstName !== undefined) c.first_name = patch.firstName;
  if (patch.lastName !== undefined) c.last_name = patch.lastName;
  if (patch.firstName !== undefined || patch.lastName !== undefined) {
    const first = patch.firstName !== undefined ? patch.firstName : (current?.firstName ?? null);
    const last = patch.lastName !== undefined ? patch.lastName : (current?.lastName ?? '');
    c.sort_name = personSortKey(last, first);
  }
  if (patch.title !== undefined) c.title = patch.title;
  if (patch.emails !== undefined) {
    c.emails = JSON.stringify(patch.emails);
    c.email = patch.emails[0]?.address ?? null;
  }
  if (patch.phones !== undefined) {
    c.phones = JSON.stringify(patch.phones);
    c.phone = patch.phones[0]?.number ?? null;
  }
  if (patch.accountId !== undefined) c.account_id = patch.accountId;
  if (patch.address !== undefined) Object.assign(c, addressToColumns('address', patch.address));
  if (patch.birthday !== undefined) c.birthday = patch.birthday;
  if (patch.emailOptOut !== undefined) c.email_opt_out = patch.emailOptOut ? 1 : 0;
  if (patch.doNotCall !== undefined) c.do_not_call = patch.doNotCall ? 1 : 0;
  if (patch.ownerId !== undefined) c.owner_id = patch.ownerId;
  if (patch.ownerLocked !== undefined) c.owner_locked = patch.ownerLocked ? 1 : 0;
  return c;
}

export const CONTACT_SELECT = `
  SELECT c.*, a.name AS account_name, ${META_NAMES}
    FROM contacts c
    LEFT JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL
    ${metaJoins('c')}`;

export function contactFromRow(r: Record<string, any>): Contact {
  return {
    ...metaFromRow(r),
    firstName: r.first_name,
    lastName: r.last_name,
    title: r.title,
    emails: JSON.parse(r.emails),
    phones: JSON.parse(r.phones),
    account: r.account_id && r.account_name ? { id: r.account_id, name: r.account_name } : null,
    address: addressFromRow('address', r),
    birthday: r.birthday,
    emailOptOut: r.email_opt_out === 1,
    doNotCall: r.do_not_call === 1,
    ownerLocked: r.owner_locked === 1,
  };
}
