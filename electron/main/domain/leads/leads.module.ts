import type { DataSource } from 'typeorm';
import type { leadsContract } from '../../../../shared/contract/leads';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { convertLead } from './conversion.service';
import { DuplicatesService } from './duplicates.service';
import { LeadsService } from './leads.service';
import { ScoringService } from './scoring.service';
import { assignCreated } from '../territories/territories.module';

/** The leads module: leads, their scoring rules, the duplicate check and the conversion. */
export interface LeadsServices {
  leads: LeadsService;
  scoring: ScoringService;
  duplicates: DuplicatesService;
}

export function createLeadsServices(dataSource: DataSource, _now: () => string): LeadsServices {
  const scoring = new ScoringService(dataSource);
  return { leads: new LeadsService(dataSource, scoring), scoring, duplicates: new DuplicatesService(dataSource) };
}

export function leadsHandlers(services: Services): ModuleHandlers<typeof leadsContract> {
  const { leads, scoring, duplicates } = services.leads;
  return {
    'leads.create': async (input, ctx) => {
      let lead = await leads.create(ctx.em, input, ctx);
      // No owner chosen: the territory rules pick one, in this same transaction.
      if (input.ownerId === undefined && assignCreated(services, 'lead', lead.id, ctx)) lead = await leads.get(lead.id, ctx.em);
      ctx.events.emit('record.changed', { entity: 'lead', id: lead.id, action: 'create' });
      return lead;
    },
    'leads.get': ({ id }) => leads.get(id),
    'leads.update': async ({ id, version, patch }, ctx) => {
      const lead = await leads.update(ctx.em, id, version, patch, ctx);
      ctx.events.emit('record.changed', { entity: 'lead', id, action: 'update' });
      return lead;
    },
    'leads.delete': async ({ id }, ctx) => {
      const result = await leads.delete(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'lead', id, action: 'delete' });
      return result;
    },
    'leads.restore': async ({ id }, ctx) => {
      const lead = await leads.restore(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'lead', id, action: 'restore' });
      return lead;
    },
    'leads.list': (query) => leads.list(query),
    'leads.rescore': ({ id }, ctx) => leads.rescore(ctx.em, id, ctx),
    'leads.findDuplicates': (query) => duplicates.find(query),
    'leads.convert': async (input, ctx) => {
      const { lead, accountId, contactId, opportunityId } = await convertLead(ctx.em, input, ctx, {
        leads,
        accounts: services.accounts,
        contacts: services.contacts,
        opportunities: services.opportunities.opportunities,
      });
      ctx.events.emit('record.changed', { entity: 'lead', id: lead.id, action: 'update' });
      return { lead, accountId, contactId, opportunityId };
    },
    'leadScoring.listRules': () => scoring.listRules(),
    'leadScoring.saveRules': ({ rules }, ctx) => scoring.saveRules(ctx.em, rules, ctx),
  };
}
