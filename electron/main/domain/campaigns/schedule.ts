import type { EntityManager } from 'typeorm';
import { Sql } from '../../db/sql';
import type { JobStore } from '../../jobs/job-store';

export const CAMPAIGN_STEP = 'campaign.step';

/** The job group a campaign's jobs share: paused, resumed and cancelled with the campaign. */
export const campaignGroup = (campaignId: number) => `campaign:${campaignId}`;

/** One job per (step, member): the dedupe key makes scheduling the same step twice harmless. */
export const stepJobKey = (stepId: number, memberId: number) => `campaign-step:${stepId}:member:${memberId}`;

/** The dedupe keys of one step's jobs sort between these two (an index range, unlike LIKE). */
export const stepJobKeyRange = (stepId: number): [string, string] => [`campaign-step:${stepId}:`, `campaign-step:${stepId};`];

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/**
 * Schedules a campaign's first step for its active members that have no job for it yet (all of them when the
 * campaign starts; the new ones when records are enrolled later), `delay_minutes` after `now`. One INSERT … SELECT.
 */
export async function scheduleFirstStep(em: EntityManager, jobs: JobStore, campaignId: number, now: string, memberIds?: number[]): Promise<number> {
  const first = await new Sql(em).get<{ id: number; delay_minutes: number }>(
    `SELECT id, delay_minutes FROM campaign_steps WHERE campaign_id = ? ORDER BY position LIMIT 1`,
    [campaignId],
  );
  if (!first) return 0;
  const only = memberIds ? `AND m.id IN (SELECT value FROM json_each(?))` : '';
  return jobs.enqueueSelected(em, {
    kind: CAMPAIGN_STEP,
    group: campaignGroup(campaignId),
    select: `SELECT json_object('campaignId', m.campaign_id, 'stepId', ?, 'memberId', m.id) AS payload,
                    ? AS run_at,
                    ? || m.id AS dedupe_key
               FROM campaign_members m
              WHERE m.campaign_id = ? AND m.status = 'active' ${only}`,
    params: [first.id, addMinutes(now, first.delay_minutes), `campaign-step:${first.id}:member:`, campaignId, ...(memberIds ? [JSON.stringify(memberIds)] : [])],
  });
}

/** The step after `position`, scheduled for one member `delay_minutes` after `now`; false when it was the last. */
export async function scheduleNextStep(em: EntityManager, jobs: JobStore, campaignId: number, position: number, memberId: number, now: string): Promise<boolean> {
  const sql = new Sql(em);
  const next = await sql.get<{ id: number; delay_minutes: number }>(
    `SELECT id, delay_minutes FROM campaign_steps WHERE campaign_id = ? AND position > ? ORDER BY position LIMIT 1`,
    [campaignId, position],
  );
  if (!next) {
    await sql.run(`UPDATE campaign_members SET status = 'done' WHERE id = ? AND status = 'active'`, [memberId]);
    return false;
  }
  await jobs.enqueue(em, {
    kind: CAMPAIGN_STEP,
    payload: { campaignId, stepId: next.id, memberId },
    group: campaignGroup(campaignId),
    runAt: addMinutes(now, next.delay_minutes),
    dedupeKey: stepJobKey(next.id, memberId),
  });
  return true;
}
