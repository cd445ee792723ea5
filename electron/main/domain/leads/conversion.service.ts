import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AccountInput } from '../../../../shared/contract/accounts';
import { ContactInput } from '../../../../shared/contract/contacts';
import type { ConvertInput, Lead } from '../../../../shared/contract/leads';
import { OpportunityInput } from '../../../../shared/contract/opportunities';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import type { AccountsService } from '../accounts/accounts.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { OpportunitiesService } from '../opportunities/opportunities.service';
import { assertLive, updateRecord } from '../records/record-store';
import { LEAD_TABLE, type LeadsService } from './leads.service';

export interface ConversionDeps {
  leads: LeadsService;
  accounts: AccountsService;
  contacts: ContactsService;
  opportunities: OpportunitiesService;
}

export interface Conversion {
  lead: Lead;
  accountId: number;
  contactId: number;
  opportunityId: number | null;
  created: { account: boolean; contact: boolean };
}

/** Drops keys whose value is undefined, so they do not hide the lead's defaults. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Parses what the conversion builds from the lead and the user's choices; issues point into the convert input. */
function parseAs<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
  throw new CrmError('validation', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/**
 * Converts a lead in the caller's (one) transaction: creates or links the
 * account and the contact, optionally creates an opportunity in the default
 * pipeline's first open stage, marks the lead converted, and points the
 * lead's activities at what it became (lead_id stays, for history). Any
 * failure throws, and the whole transaction rolls back.
 */
export async function convertLead(em: EntityManager, input: z.output<typeof ConvertInput>, ctx: CallContext, deps: ConversionDeps): Promise<Conversion> {
  const sql = new Sql(em);
  const lead = await deps.leads.get(input.id, em);
  if (lead.deletedAt) throw new CrmError('not_found', 'This lead no longer exists (it may have been deleted).');
  if (lead.status === 'converted') throw new CrmError('conflict', 'This lead has already been converted.');
  if (lead.version !== input.version) {
    throw new CrmError('conflict', `${lead.updatedBy.name} saved this lead after you opened it (it is now at version ${lead.version}). Reload, then convert again.`);
  }

  let accountId: number;
  const createAccount = 'create' in input.account;
  if ('existingId' in input.account) {
    await assertLive(em, 'accounts', input.account.existingId, 'account.existingId', 'Account');
    accountId = input.account.existingId;
  } else {
    const fromLead = {
      name: lead.company ?? [lead.firstName, lead.lastName].filter(Boolean).join(' '),
      industry: lead.industry,
      phone: lead.phone,
      employees: lead.employees,
      billingAddress: lead.address,
      ownerId: lead.owner.id,
    };
    const account = parseAs(AccountInput, { ...fromLead, ...defined(input.account.create) }, 'account.create');
    accountId = (await deps.accounts.create(em, account, ctx)).id;
    ctx.events.emit('record.changed', { entity: 'account', id: accountId, action: 'create' });
  }

  let contactId: number;
  const createContact = 'create' in input.contact;
  if ('existingId' in input.contact) {
    await assertLive(em, 'contacts', input.contact.existingId, 'contact.existingId', 'Contact');
    contactId = input.contact.existingId;
  } else {
    const fromLead = {
      firstName: lead.firstName,
      lastName: lead.lastName,
      title: lead.title,
      emails: lead.email ? [{ label: 'work', address: lead.email }] : [],
      phones: lead.phone ? [{ label: 'work', number: lead.phone }] : [],
      address: lead.address,
      ownerId: lead.owner.id,
    };
    const contact = parseAs(ContactInput, { ...fromLead, ...defined(input.contact.create), accountId }, 'contact.create');
    contactId = (await deps.contacts.create(em, contact, ctx)).id;
    ctx.events.emit('record.changed', { entity: 'contact', id: contactId, action: 'create' });
  }

  let opportunityId: number | null = null;
  if (input.opportunity) {
    const o = input.opportunity;
    const opportunity = parseAs(
      OpportunityInput,
      {
        name: o.name,
        amount: o.amount,
        accountId,
        primaryContactId: contactId,
        ownerId: lead.owner.id,
        // No campaignId: the opportunity takes the lead's first and last touch (campaigns/attribution.ts, through leadId).
        ...(o.stageId !== undefined ? { stageId: o.stageId } : {}),
        ...(o.expectedCloseDate !== undefined ? { expectedCloseDate: o.expectedCloseDate } : {}),
      },
      'opportunity',
    );
    opportunityId = (await deps.opportunities.create(em, opportunity, ctx, { leadId: lead.id })).id;
    ctx.events.emit('record.changed', { entity: 'opportunity', id: opportunityId, action: 'create' });
  }

  await updateRecord(
    em,
    LEAD_TABLE,
    lead.id,
    input.version,
    {
      status: 'converted',
      converted_at: ctx.now(),
      converted_account_id: accountId,
      converted_contact_id: contactId,
      converted_opportunity_id: opportunityId,
    },
    ctx,
  );
  // A version bump, so an activity form opened before the conversion is refused rather than saved over the new links.
  await sql.run(
    `UPDATE activities SET contact_id = ?, account_id = ?, opportunity_id = COALESCE(?, opportunity_id),
            version = version + 1, updated_at = ?, updated_by_id = ?
      WHERE lead_id = ?`,
    [contactId, accountId, opportunityId, ctx.now(), ctx.userId, lead.id],
  );
  return { lead: await deps.leads.get(lead.id, em), accountId, contactId, opportunityId, created: { account: createAccount, contact: createContact } };
}
