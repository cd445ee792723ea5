import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { CampaignTrigger } from '../../../../shared/contract/campaigns';
import type { SegmentEntity, SegmentRule } from '../../../../shared/contract/segments';
import { Sql } from '../../db/sql';
import type { JobHandler } from '../../jobs/job-registry';
import type { JobStore } from '../../jobs/job-store';
import { compileSegment, fromClause } from '../segments/compile-segment';
import { campaignGroup, scheduleFirstStep } from './schedule';

export const CAMPAIGN_TRIGGER = 'campaign.trigger';
/** How often an active campaign's trigger looks for new events. */
export const TRIGGER_EVERY_MINUTES = 15;
/** Records one look enrols at most; the rest follow at the next look (the watermark only passes what was taken). */
const MAX_PER_LOOK = 5_000;

export const CampaignTriggerPayload = z.object({ campaignId: z.number().int().positive() }).strict();

const DAY_MS = 86_400_000;

/** The calendar days (UTC) after `from`'s day up to and including `to`'s: each birthday and anniversary falls in exactly one look. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from.slice(0, 10)}T00:00:00Z`) + DAY_MS; t <= Date.parse(`${to.slice(0, 10)}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Month-day keys a day stands for: 28 February also stands for 29 February in a year without one. */
function monthDays(days: string[]): string[] {
  const keys = days.map((d) => d.slice(5));
  for (const d of days) {
    const year = Number(d.slice(0, 4));
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (d.slice(5) === '02-28' && !leap) keys.push('02-29');
  }
  return keys;
}

/**
 * The records whose event happened in [watermark, now), oldest first: half-open, so an event stamped with the
 * very instant of a look is taken by the next one, never by both or neither.
 */
function eventQuery(trigger: CampaignTrigger, since: string, now: string): { entity: SegmentEntity; sql: string; params: unknown[] } {
  switch (trigger.kind) {
    case 'leadCreated':
      return {
        entity: 'lead',
        sql: `SELECT r.id FROM leads r WHERE r.created_at >= ? AND r.created_at < ? AND r.deleted_at IS NULL ${trigger.source ? 'AND r.source = ?' : ''} ORDER BY r.created_at, r.id`,
        params: [since, now, ...(trigger.source ? [trigger.source] : [])],
      };
    case 'opportunityStage':
      return {
        entity: 'contact',
        sql: `SELECT o.primary_contact_id AS id FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id AND o.deleted_at IS NULL
               JOIN contacts r ON r.id = o.primary_contact_id AND r.deleted_at IS NULL
              WHERE h.to_stage_id = ? AND h.changed_at >= ? AND h.changed_at < ? GROUP BY o.primary_contact_id ORDER BY MIN(h.changed_at)`,
        params: [trigger.stageId, since, now],
      };
    case 'quoteNotAccepted': {
      const shift = (iso: string) => new Date(Date.parse(iso) - trigger.days * DAY_MS).toISOString();
      return {
        entity: 'contact',
        sql: `SELECT q.contact_id AS id FROM quotes q JOIN contacts r ON r.id = q.contact_id AND r.deleted_at IS NULL
               WHERE q.status = 'sent' AND q.is_latest = 1 AND q.deleted_at IS NULL AND q.sent_at >= ? AND q.sent_at < ?
               GROUP BY q.contact_id ORDER BY MIN(q.sent_at)`,
        params: [shift(since), shift(now)],
      };
    }
    case 'birthday':
    case 'anniversary': {
      const keys = JSON.stringify(monthDays(daysBetween(since, now)));
      const column = trigger.kind === 'birthday' ? 'r.birthday' : 'r.created_at';
      // An anniversary is a whole year or more after the record was added.
      const notNew = trigger.kind === 'anniversary' ? `AND r.created_at < ?` : '';
      return {
        entity: 'contact',
        sql: `SELECT r.id FROM contacts r WHERE r.deleted_at IS NULL AND ${column} IS NOT NULL AND substr(${column}, 6, 5) IN (SELECT value FROM json_each(?)) ${notNew} ORDER BY r.id`,
        params: [keys, ...(trigger.kind === 'anniversary' ? [new Date(Date.parse(now) - 365 * DAY_MS).toISOString()] : [])],
      };
    }
    case 'inactivity': {
      const rule: SegmentRule = {
        entity: 'contact',
        root: {
          type: 'group',
          op: 'or',
          items: [
            { type: 'fact', fact: 'lastActivity', op: 'olderThanDays', days: trigger.days },
            { type: 'fact', fact: 'lastActivity', op: 'never' },
          ],
        },
      };
      const where = compileSegment(rule, now);
      return {
        entity: 'contact',
        sql: `SELECT r.id FROM ${fromClause('contact')} WHERE ${where.sql} AND r.created_at <= ? ORDER BY r.id`,
        params: [...where.params, new Date(Date.parse(now) - trigger.days * DAY_MS).toISOString()],
      };
    }
  }
}

/** One look: enrols what happened since the last one (each record once), schedules their first step, moves the watermark. */
export async function lookForTriggerEvents(em: EntityManager, jobs: JobStore, campaignId: number, now: string): Promise<number> {
  const sql = new Sql(em);
  const c = await sql.get<{ status: string; trigger: string | null; trigger_watermark: string | null }>(`SELECT status, trigger, trigger_watermark FROM campaigns WHERE id = ?`, [
    campaignId,
  ]);
  if (!c || c.status !== 'active' || c.trigger === null) return 0;
  const trigger = JSON.parse(c.trigger) as CampaignTrigger;
  const since = c.trigger_watermark ?? now;
  const q = eventQuery(trigger, since, now);
  // Records already enrolled are left out before the limit, so a full look always makes progress.
  const fresh = await sql.all<{ id: number }>(
    `SELECT e.id FROM (${q.sql}) e WHERE NOT EXISTS (SELECT 1 FROM campaign_members m WHERE m.campaign_id = ? AND m.entity = ? AND m.record_id = e.id) LIMIT ${MAX_PER_LOOK}`,
    [...q.params, campaignId, q.entity],
  );
  const added = await sql.all<{ id: number }>(
    `INSERT INTO campaign_members (campaign_id, entity, record_id, source, enrolled_at, status)
     SELECT ?, ?, value, 'trigger', ?, 'active' FROM json_each(?) WHERE true
     ON CONFLICT (campaign_id, entity, record_id) DO NOTHING RETURNING id`,
    [campaignId, q.entity, now, JSON.stringify(fresh.map((r) => r.id))],
  );
  if (added.length) await scheduleFirstStep(em, jobs, campaignId, now, added.map((r) => r.id));
  // A full look leaves the watermark where it was: the next look takes the rest of the same window.
  if (fresh.length < MAX_PER_LOOK) await sql.run(`UPDATE campaigns SET trigger_watermark = ? WHERE id = ?`, [now, campaignId]);
  return added.length;
}

/** Schedules the next look (one per slot: starting twice or two runners never double it). */
export async function scheduleTriggerLook(em: EntityManager, jobs: JobStore, campaignId: number, runAt: string): Promise<void> {
  await jobs.enqueue(em, {
    kind: CAMPAIGN_TRIGGER,
    payload: { campaignId },
    group: campaignGroup(campaignId),
    runAt,
    dedupeKey: `campaign-trigger:${campaignId}:${runAt}`,
  });
}

/** The `campaign.trigger` kind: a look, then the next one in TRIGGER_EVERY_MINUTES while the campaign is active. */
export function campaignTriggerJob(jobs: JobStore): JobHandler<typeof CampaignTriggerPayload> {
  return {
    payload: CampaignTriggerPayload,
    maxAttempts: 3,
    async run(ctx) {
      await ctx.transaction(async (em) => {
        const status = await new Sql(em).get<{ status: string; trigger: string | null }>(`SELECT status, trigger FROM campaigns WHERE id = ?`, [ctx.payload.campaignId]);
        if (!status || status.trigger === null || (status.status !== 'active' && status.status !== 'paused')) return;
        await lookForTriggerEvents(em, jobs, ctx.payload.campaignId, ctx.now());
        const next = new Date(Date.parse(ctx.now()) + TRIGGER_EVERY_MINUTES * 60_000).toISOString();
        await scheduleTriggerLook(em, jobs, ctx.payload.campaignId, next);
      });
    },
  };
}
