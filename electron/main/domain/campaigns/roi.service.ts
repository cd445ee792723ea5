import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import { STEP_CHANNELS, type StepChannel } from '../../../../shared/contract/campaigns';
import type { RoiRow } from '../../../../shared/contract/campaign-results';
import { Sql } from '../../db/sql';
import { OPT_OUT_KIND } from './attribution';

/*
 * The closed-loop report, campaign by campaign (newest first), each followed by a line per channel of its steps.
 *
 * - reached: members with a sent touch (on the channel). responded: records with a response other than an
 *   unsubscribe (to a step of the channel: the step a response answers, see responses.service.ts).
 * - leads / opportunities: live ones whose last touch (campaign_id) or first touch (first_touch_campaign_id) is the
 *   campaign. won: opportunities in a stage of kind 'won'; their amounts are summed in the campaign's currency only,
 *   the others counted in otherCurrencyWins (no exchange rates in the CRM).
 * - cost is the campaign's actual cost. It is not split among channels: channel lines carry cost 0 and a null ROI,
 *   the campaign line carries the cost and the ROI.
 * - A channel line credits a lead or an opportunity to one channel, so that its lines add up to no more than the
 *   campaign line (records credited to no channel are on the campaign line only):
 *     a lead to the channel of the step its response to the campaign answered (the latest response for last touch,
 *     the earliest for first touch: a response is what attributes a lead); a lead whose campaign was set by hand
 *     has no response and no channel;
 *     an opportunity to the channel of the campaign's last sent touch, at or before the opportunity was created, to
 *     the record it came from: its lead, else its primary contact, else its account.
 * - roiPercent = (won revenue − cost) / cost × 100, rounded half away from zero to one decimal; null without a cost.
 *   responseRate = responded / reached (it can exceed 1 when records that were never sent anything respond).
 *
 * Each figure is one grouped statement over all the selected campaigns, read through the indexes of the campaigns
 * migration (touches by campaign, channel and status; responses by campaign; leads and opportunities by campaign).
 */

interface CampaignRow {
  id: number;
  name: string;
  currency: string;
  actual_cost_minor: number;
}

type Figure = 'reached' | 'responded' | 'leads' | 'opportunities' | 'wonOpportunities' | 'wonRevenueMinor' | 'otherCurrencyWins';
type Counts = Record<Figure, number>;

const ZERO: Counts = { reached: 0, responded: 0, leads: 0, opportunities: 0, wonOpportunities: 0, wonRevenueMinor: 0, otherCurrencyWins: 0 };

/** The latest (last touch) or earliest (first touch) response of lead `l` to campaign `l.<column>`: its step's channel. */
const leadChannel = (column: string, order: 'ASC' | 'DESC') => `(
  SELECT s.channel FROM campaign_responses r JOIN campaign_steps s ON s.id = r.step_id
   WHERE r.entity = 'lead' AND r.record_id = l.id AND r.campaign_id = l.${column} AND r.kind <> '${OPT_OUT_KIND}'
   ORDER BY r.responded_at ${order}, r.id ${order} LIMIT 1)`;

/** The channel of campaign `op.<column>`'s last sent touch to a member (`entity`, `recordId`) before the opportunity was created. */
const touchChannel = (column: string, entity: string, recordId: string) => `(
  SELECT t.channel FROM campaign_members m JOIN campaign_touches t ON t.member_id = m.id
   WHERE m.campaign_id = op.${column} AND m.entity = '${entity}' AND m.record_id = ${recordId} AND t.status = 'sent' AND t.at <= op.created_at
   ORDER BY t.at DESC, t.id DESC LIMIT 1)`;

export class RoiService {
  async report(em: EntityManager, input: ParsedInput<'campaigns.roi'>): Promise<RoiRow[]> {
    const sql = new Sql(em);
    const ids = input.campaignIds ? JSON.stringify(input.campaignIds) : null;
    const campaigns = await sql.all<CampaignRow>(
      `SELECT id, name, currency, actual_cost_minor FROM campaigns ${ids ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''} ORDER BY id DESC`,
      ids ? [ids] : [],
    );
    if (!campaigns.length) return [];
    const selected = JSON.stringify(campaigns.map((c) => c.id));
    const inSelected = (col: string) => `${col} IN (SELECT value FROM json_each(?))`;
    const column = input.attribution === 'first' ? 'first_touch_campaign_id' : 'campaign_id';
    const order = input.attribution === 'first' ? 'ASC' : 'DESC';

    // Per campaign and channel; channel NULL is the whole campaign (distinct counts are not sums of the channels').
    const figures: { campaign_id: number; channel: StepChannel | null; figure: Figure; n: number }[] = [];
    const add = async (statement: string, figureNames: Figure[]) => {
      for (const row of await sql.all<Record<string, number | string | null>>(statement, [selected])) {
        for (const f of figureNames) figures.push({ campaign_id: row.campaign_id as number, channel: row.channel as StepChannel | null, figure: f, n: Number(row[f] ?? 0) });
      }
    };
    const reached = `FROM campaign_touches t WHERE ${inSelected('t.campaign_id')} AND t.status = 'sent'`;
    await add(`SELECT t.campaign_id, t.channel, COUNT(DISTINCT t.member_id) AS reached ${reached} GROUP BY t.campaign_id, t.channel`, ['reached']);
    await add(`SELECT t.campaign_id, NULL AS channel, COUNT(DISTINCT t.member_id) AS reached ${reached} GROUP BY t.campaign_id`, ['reached']);

    const responded = `FROM campaign_responses r LEFT JOIN campaign_steps s ON s.id = r.step_id WHERE ${inSelected('r.campaign_id')} AND r.kind <> '${OPT_OUT_KIND}'`;
    const who = `COUNT(DISTINCT r.entity || ':' || r.record_id) AS responded`;
    await add(`SELECT r.campaign_id, s.channel, ${who} ${responded} AND s.channel IS NOT NULL GROUP BY r.campaign_id, s.channel`, ['responded']);
    await add(`SELECT r.campaign_id, NULL AS channel, ${who} ${responded} GROUP BY r.campaign_id`, ['responded']);

    // Leads and opportunities are credited to one channel each (or none), so the campaign line is the sum over channels.
    await add(
      `SELECT l.${column} AS campaign_id, ${leadChannel(column, order)} AS channel, COUNT(*) AS leads
         FROM leads l WHERE ${inSelected(`l.${column}`)} AND l.deleted_at IS NULL GROUP BY 1, 2`,
      ['leads'],
    );
    const opportunityChannel = `COALESCE(
      CASE WHEN op.lead_id IS NOT NULL THEN ${touchChannel(column, 'lead', 'op.lead_id')} END,
      CASE WHEN op.primary_contact_id IS NOT NULL THEN ${touchChannel(column, 'contact', 'op.primary_contact_id')} END,
      CASE WHEN op.account_id IS NOT NULL THEN ${touchChannel(column, 'account', 'op.account_id')} END)`;
    await add(
      `SELECT op.${column} AS campaign_id, ${opportunityChannel} AS channel, COUNT(*) AS opportunities,
              SUM(st.kind = 'won') AS wonOpportunities,
              SUM(CASE WHEN st.kind = 'won' AND op.currency = c.currency THEN op.amount_minor ELSE 0 END) AS wonRevenueMinor,
              SUM(st.kind = 'won' AND op.currency <> c.currency) AS otherCurrencyWins
         FROM opportunities op JOIN pipeline_stages st ON st.id = op.stage_id JOIN campaigns c ON c.id = op.${column}
        WHERE ${inSelected(`op.${column}`)} AND op.deleted_at IS NULL GROUP BY 1, 2`,
      ['opportunities', 'wonOpportunities', 'wonRevenueMinor', 'otherCurrencyWins'],
    );

    const creditedToChannels = new Set<Figure>(['leads', 'opportunities', 'wonOpportunities', 'wonRevenueMinor', 'otherCurrencyWins']);
    const steps = await sql.all<{ campaign_id: number; channel: StepChannel }>(
      `SELECT DISTINCT campaign_id, channel FROM campaign_steps WHERE ${inSelected('campaign_id')}`,
      [selected],
    );
    const out: RoiRow[] = [];
    for (const c of campaigns) {
      const mine = figures.filter((f) => f.campaign_id === c.id);
      const total: Counts = { ...ZERO };
      const perChannel = new Map<StepChannel, Counts>();
      for (const ch of steps.filter((s) => s.campaign_id === c.id).map((s) => s.channel)) perChannel.set(ch, { ...ZERO });
      for (const f of mine) {
        // Reached and responded have a campaign-wide statement of their own (channel null); the credited figures add up.
        if (f.channel === null || creditedToChannels.has(f.figure)) total[f.figure] += f.n;
        if (f.channel !== null) {
          const counts = perChannel.get(f.channel) ?? { ...ZERO };
          counts[f.figure] += f.n;
          perChannel.set(f.channel, counts);
        }
      }
      out.push(line(c, null, total, Number(c.actual_cost_minor)));
      for (const ch of STEP_CHANNELS) {
        const counts = perChannel.get(ch);
        if (counts) out.push(line(c, ch, counts, 0));
      }
    }
    return out;
  }
}

function line(c: CampaignRow, channel: StepChannel | null, n: Counts, costMinor: number): RoiRow {
  return {
    campaignId: c.id,
    campaignName: c.name,
    channel,
    currency: c.currency,
    ...n,
    costMinor,
    roiPercent: costMinor > 0 ? roundHalfAway(((n.wonRevenueMinor - costMinor) / costMinor) * 100, 1) : null,
    responseRate: n.reached > 0 ? n.responded / n.reached : null,
  };
}

function roundHalfAway(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // toPrecision first: 12.35 * 10 is 123.49999… in binary, which should still round to 12.4.
  const scaled = Number((Math.abs(value) * f).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / f || 0;
}
