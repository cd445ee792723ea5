import type { EntityManager } from 'typeorm';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { LEAD_TABLE } from '../leads/leads.service';
import { updateRecord } from '../records/record-store';

/**
 * First- and last-touch campaign attribution of leads and opportunities.
 *
 * - A lead: a response to a campaign makes that campaign the lead's last touch (`campaign_id`); the first touch
 *   (`first_touch_campaign_id`) is set once, to the campaign the lead already had (one set by hand counts: it
 *   came first), else to this one. An unsubscribe is no touch that wins anyone, and a converted lead keeps the
 *   attribution it was converted with (its opportunity and contact carry it on).
 * - An opportunity, when it is created: from a converted lead, the lead's first and last touch; otherwise (or when
 *   the lead had none) the first and the latest campaign that reached its primary contact (a sent touch or a response other than an
 *   unsubscribe) in the ATTRIBUTION_WINDOW_DAYS before. A campaign chosen by the user wins the last touch; it is
 *   also the first touch when nothing earlier is known.
 */
export const ATTRIBUTION_WINDOW_DAYS = 365;

/** The response kind that is not a touch: it neither attributes a record nor counts as having responded. */
export const OPT_OUT_KIND = 'unsubscribed';

export interface Attribution {
  campaignId: number | null;
  firstTouchCampaignId: number | null;
}

/** Makes `campaignId` the lead's last touch (and first, when it had none); false when nothing changed. */
export async function attributeLead(em: EntityManager, leadId: number, campaignId: number, ctx: CallContext): Promise<boolean> {
  const lead = await new Sql(em).get<{ version: number; status: string; deleted_at: string | null; campaign_id: number | null; first_touch_campaign_id: number | null }>(
    `SELECT version, status, deleted_at, campaign_id, first_touch_campaign_id FROM leads WHERE id = ?`,
    [leadId],
  );
  if (!lead || lead.deleted_at || lead.status === 'converted') return false;
  const first = lead.first_touch_campaign_id ?? lead.campaign_id ?? campaignId;
  if (lead.campaign_id === campaignId && lead.first_touch_campaign_id === first) return false;
  // Through the record store: the version moves (a form opened before is refused, not saved over) and the change is audited.
  const { changed } = await updateRecord(em, LEAD_TABLE, leadId, lead.version, { campaign_id: campaignId, first_touch_campaign_id: first }, ctx);
  return changed.length > 0;
}

export interface OpportunityOrigin {
  /** The lead it was converted from. */
  leadId: number | null;
  primaryContactId: number | null;
  /** The campaign the user chose, if any. */
  campaignId: number | null;
  /** When it is created (ISO UTC). */
  at: string;
}

/** The campaigns a new opportunity is attributed to (opportunities.service.ts calls this in `create`). */
export async function opportunityAttribution(em: EntityManager, origin: OpportunityOrigin): Promise<Attribution> {
  const sql = new Sql(em);
  let found: Attribution = { campaignId: null, firstTouchCampaignId: null };
  if (origin.leadId !== null) {
    const lead = await sql.get<{ campaign_id: number | null; first_touch_campaign_id: number | null }>(
      `SELECT campaign_id, first_touch_campaign_id FROM leads WHERE id = ?`,
      [origin.leadId],
    );
    if (lead) found = { campaignId: lead.campaign_id ?? lead.first_touch_campaign_id, firstTouchCampaignId: lead.first_touch_campaign_id ?? lead.campaign_id };
  }
  if (found.campaignId === null && origin.primaryContactId !== null) found = await contactTouches(sql, origin.primaryContactId, origin.at);
  return {
    campaignId: origin.campaignId ?? found.campaignId,
    firstTouchCampaignId: found.firstTouchCampaignId ?? origin.campaignId,
  };
}

/** The first and the latest campaign that reached a contact in the window before `at`. */
async function contactTouches(sql: Sql, contactId: number, at: string): Promise<Attribution> {
  const from = new Date(Date.parse(at) - ATTRIBUTION_WINDOW_DAYS * 86_400_000).toISOString();
  // Both parts read by index: touches through campaign_members (entity, record_id), responses by (entity, record_id).
  const touches = `
    SELECT t.campaign_id, t.at, t.id FROM campaign_members m JOIN campaign_touches t ON t.member_id = m.id
     WHERE m.entity = 'contact' AND m.record_id = ? AND t.status = 'sent' AND t.at >= ? AND t.at <= ?
    UNION ALL
    SELECT r.campaign_id, r.responded_at, r.id FROM campaign_responses r
     WHERE r.entity = 'contact' AND r.record_id = ? AND r.kind <> '${OPT_OUT_KIND}' AND r.responded_at >= ? AND r.responded_at <= ?`;
  const params = [contactId, from, at, contactId, from, at];
  const first = await sql.get<{ campaign_id: number }>(`SELECT campaign_id FROM (${touches}) ORDER BY at, id LIMIT 1`, params);
  const last = await sql.get<{ campaign_id: number }>(`SELECT campaign_id FROM (${touches}) ORDER BY at DESC, id DESC LIMIT 1`, params);
  return { campaignId: last?.campaign_id ?? null, firstTouchCampaignId: first?.campaign_id ?? null };
}
