import type { campaignResultsContract } from '../../../../shared/contract/campaign-results';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { CallListsService } from './call-lists.service';
import { ResponsesService } from './responses.service';
import { RoiService } from './roi.service';

/** What campaigns bring back: responses, call lists and the ROI report. */
export interface CampaignResultsServices {
  responses: ResponsesService;
  calls: CallListsService;
  roi: RoiService;
}

/** The services the results build on, as the host has them. */
export type ResultsBase = Pick<Services, 'contacts' | 'leads' | 'opportunities' | 'activities' | 'segments'>;

export function createCampaignResultsServices(base: ResultsBase): CampaignResultsServices {
  const responses = new ResponsesService({ contacts: base.contacts, suppressions: base.segments.suppressions });
  const calls = new CallListsService({
    responses,
    opportunities: base.opportunities.opportunities,
    leads: base.leads.leads,
    scoring: base.leads.scoring,
    contacts: base.contacts,
    activities: base.activities.activities,
    suppressions: base.segments.suppressions,
    reminders: base.activities.reminders,
  });
  return { responses, calls, roi: new RoiService() };
}

/**
 * The handlers of shared/contract/campaign-results.ts. `results` defaults to services built from the host's own,
 * so the host only spreads these handlers; pass them to share one set (e.g. kept on Services).
 */
export function campaignResultsHandlers(services: Services, results: CampaignResultsServices = createCampaignResultsServices(services)): ModuleHandlers<typeof campaignResultsContract> {
  const { responses, calls, roi } = results;
  return {
    'campaigns.responses': (input, ctx) => responses.list(ctx.em, input),
    'campaigns.recordResponse': (input, ctx) => responses.record(ctx.em, input, ctx),
    'campaigns.deleteResponse': ({ id }, ctx) => responses.delete(ctx.em, id, ctx),
    'campaigns.importResponses': (input, ctx) => responses.importCsv(ctx.em, input, ctx),
    'calls.list': (input, ctx) => calls.list(ctx.em, input, ctx),
    'calls.record': (input, ctx) => calls.record(ctx.em, input, ctx),
    'campaigns.roi': (input, ctx) => roi.report(ctx.em, input),
  };
}
