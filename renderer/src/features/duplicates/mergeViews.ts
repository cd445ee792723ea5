import type { Output } from '../../../../shared/contract';
import type { MergeField, ScanEntity } from '../../../../shared/contract/duplicates';
import { formatMoney } from '../../../../shared/money';
import { call } from '../../lib/api';
import { formatAddress, formatCount, formatDate } from '../../lib/format';
import { accountKeys } from '../accounts/queries';
import { contactKeys } from '../contacts/queries';
import { leadKeys, optionLabel } from '../leads/queries';

/** The contact, account or lead the merge gives back for `E`. */
export type MergeRecordOf<E extends ScanEntity> = Extract<Output<'duplicates.merge'>, { entity: E }>['survivor'];

/** How the merge dialog shows one kind of record: where to load it, the fields to pick from, what is combined. */
export interface MergeView<E extends ScanEntity> {
  queryKey: (id: number) => readonly unknown[];
  load: (id: number) => Promise<MergeRecordOf<E>>;
  fields: { key: MergeField<E>; label: string; show: (r: MergeRecordOf<E>) => string }[];
  /** Values no one picks: combined from all the records or recomputed, one table row each. */
  combined: (records: MergeRecordOf<E>[]) => { label: string; text: string }[];
  /** What happens to the related records, below the table. */
  note: string;
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export const MERGE_VIEWS: { [E in ScanEntity]: MergeView<E> } = {
  contact: {
    queryKey: contactKeys.one,
    load: (id) => call('contacts.get', { id }),
    fields: [
      { key: 'firstName', label: 'First name', show: (c) => text(c.firstName) },
      { key: 'lastName', label: 'Last name', show: (c) => c.lastName },
      { key: 'title', label: 'Title', show: (c) => text(c.title) },
      { key: 'account', label: 'Account', show: (c) => text(c.account?.name) },
      { key: 'address', label: 'Address', show: (c) => formatAddress(c.address) },
      { key: 'birthday', label: 'Birthday', show: (c) => (c.birthday ? formatDate(c.birthday) : '') },
      { key: 'owner', label: 'Owner', show: (c) => c.owner.name },
    ],
    combined: (contacts) => [
      { label: 'E-mails and phones', text: `All of them are kept (${new Set(contacts.flatMap((c) => c.emails.map((e) => e.address.toLowerCase()))).size} e-mails).` },
      {
        label: 'Consent',
        text: `${contacts.some((c) => c.emailOptOut) ? 'E-mail opt-out: kept' : 'No e-mail opt-out'}; ${contacts.some((c) => c.doNotCall) ? 'do not call: kept' : 'calls allowed'}.`,
      },
    ],
    note: 'Activities, meetings, opportunities, quotes and external ids of the others move to the one you keep; the others go to the recycle bin. Un-merge puts everything back.',
  },
  account: {
    queryKey: accountKeys.one,
    load: (id) => call('accounts.get', { id }),
    fields: [
      { key: 'name', label: 'Name', show: (a) => a.name },
      { key: 'industry', label: 'Industry', show: (a) => text(a.industry) },
      { key: 'website', label: 'Website', show: (a) => text(a.website) },
      { key: 'phone', label: 'Phone', show: (a) => text(a.phone) },
      { key: 'billingAddress', label: 'Billing address', show: (a) => formatAddress(a.billingAddress) },
      { key: 'shippingAddress', label: 'Shipping address', show: (a) => formatAddress(a.shippingAddress) },
      { key: 'employees', label: 'Employees', show: (a) => text(a.employees) },
      { key: 'annualRevenue', label: 'Annual revenue', show: (a) => (a.annualRevenue ? formatMoney(a.annualRevenue) : '') },
      { key: 'parentAccount', label: 'Parent account', show: (a) => text(a.parentAccount?.name) },
      { key: 'owner', label: 'Owner', show: (a) => a.owner.name },
    ],
    combined: (accounts) => {
      const contacts = accounts.reduce((n, a) => n + a.contactCount, 0);
      return [{ label: 'Contacts', text: contacts ? `${formatCount(contacts, 'contact')} in all, every one kept on the account you keep.` : 'None on any of them.' }];
    },
    note: 'Contacts, child accounts, opportunities, quotes, activities, converted leads and external ids of the others move to the one you keep; a parent among these accounts leaves it at the top. The others go to the recycle bin. Un-merge puts everything back.',
  },
  lead: {
    queryKey: leadKeys.one,
    load: (id) => call('leads.get', { id }),
    fields: [
      { key: 'firstName', label: 'First name', show: (l) => text(l.firstName) },
      { key: 'lastName', label: 'Last name', show: (l) => l.lastName },
      { key: 'company', label: 'Company', show: (l) => text(l.company) },
      { key: 'title', label: 'Title', show: (l) => text(l.title) },
      { key: 'email', label: 'E-mail', show: (l) => text(l.email) },
      { key: 'phone', label: 'Phone', show: (l) => text(l.phone) },
      { key: 'address', label: 'Address', show: (l) => formatAddress(l.address) },
      { key: 'industry', label: 'Industry', show: (l) => text(l.industry) },
      { key: 'employees', label: 'Employees', show: (l) => text(l.employees) },
      { key: 'source', label: 'Source', show: (l) => optionLabel(l.source) },
      { key: 'status', label: 'Status', show: (l) => (l.disqualifiedReason ? `${optionLabel(l.status)}: ${l.disqualifiedReason}` : optionLabel(l.status)) },
      { key: 'rating', label: 'Rating', show: (l) => (l.rating ? optionLabel(l.rating) : '') },
      { key: 'campaign', label: 'Campaign', show: (l) => (l.campaignId ? `#${l.campaignId}` : '') },
      { key: 'owner', label: 'Owner', show: (l) => l.owner.name },
    ],
    combined: () => [{ label: 'Score', text: 'Recomputed from the activities of all of them.' }],
    note: 'Activities of the others move to the one you keep; the others go to the recycle bin. Converted leads are not merged. Un-merge puts everything back.',
  },
};
