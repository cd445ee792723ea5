import type { z } from 'zod';
import { AccountListQuery, AccountRow } from '../../../../shared/contract/accounts';
import { ContactListQuery, ContactRow } from '../../../../shared/contract/contacts';
import type { EXPORT_GRIDS } from '../../../../shared/contract/exports';
import { LeadListQuery, LeadRow } from '../../../../shared/contract/leads';
import { OpportunityListQuery, OpportunityRow } from '../../../../shared/contract/opportunities';
import type { Services } from '../../host/services';

type Grid = (typeof EXPORT_GRIDS)[number];

export interface GridSource {
  /** The grid's own list query: the export's sort and filter must pass it, as a page request would. */
  query: z.ZodType;
  columns: readonly string[];
  /** Money columns in minor units, exported in major units of the row's currency. */
  money: Record<string, string>;
  list(services: Services, query: never): Promise<{ rows: Record<string, unknown>[] }>;
}

const keys = (row: z.ZodObject) => Object.keys(row.shape).filter((k) => k !== 'id' && k !== 'version');

export const GRID_SOURCES: Record<Grid, GridSource> = {
  contacts: { query: ContactListQuery, columns: keys(ContactRow), money: {}, list: (s, q) => s.contacts.list(q) },
  accounts: { query: AccountListQuery, columns: keys(AccountRow), money: { annualRevenueMinor: 'currency' }, list: (s, q) => s.accounts.list(q) },
  leads: { query: LeadListQuery, columns: keys(LeadRow), money: {}, list: (s, q) => s.leads.leads.list(q) },
  opportunities: { query: OpportunityListQuery, columns: keys(OpportunityRow), money: { amountMinor: 'currency' }, list: (s, q) => s.opportunities.opportunities.list(q) },
};
