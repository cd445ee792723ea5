import type { EntityManager } from 'typeorm';
import type { CampaignProgress, MemberRow, StepCounts } from '../../../../shared/contract/campaigns';
import type { SegmentEntity } from '../../../../shared/contract/segments';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import { fromClause } from '../segments/compile-segment';
import { stepJobKeyRange } from './schedule';

/** Enrols a target list's live records (each once: a record already enrolled stays as it is). */
export async function enrolList(em: EntityManager, campaignId: number, listId: number, now: string): Promise<number> {
  const sql = new Sql(em);
  const list = await sql.get<{ entity: SegmentEntity }>(`SELECT entity FROM target_lists WHERE id = ?`, [listId]);
  if (!list) throw new CrmError('validation', `There is no target list with id ${listId}.`, [{ path: 'audienceListId', message: 'No such list' }]);
  const { changes } = await sql.run(
    `INSERT INTO campaign_members (campaign_id, entity, record_id, source, enrolled_at, status)
     SELECT ?, ?, m.record_id, 'list', ?, 'active'
       FROM target_list_members m JOIN ${fromClause(list.entity)} ON r.id = m.record_id AND r.deleted_at IS NULL
      WHERE m.list_id = ? ORDER BY m.record_id
     ON CONFLICT (campaign_id, entity, record_id) DO NOTHING`,
    [campaignId, list.entity, now, listId],
  );
  return changes;
}

/** Enrols records by id; the ids of the members added (records already enrolled are left alone). */
export async function enrolRecords(
  em: EntityManager,
  campaignId: number,
  entity: SegmentEntity,
  recordIds: number[],
  source: 'manual' | 'trigger',
  now: string,
): Promise<{ added: number[]; already: number }> {
  const sql = new Sql(em);
  const ids = JSON.stringify(recordIds);
  const live = await sql.all<{ id: number }>(`SELECT r.id FROM ${fromClause(entity)} WHERE r.id IN (SELECT value FROM json_each(?)) AND r.deleted_at IS NULL`, [ids]);
  if (live.length !== recordIds.length) {
    const found = new Set(live.map((r) => r.id));
    const missing = recordIds.filter((id) => !found.has(id));
    throw new CrmError('validation', `There is no ${entity} with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''} (or it is in the recycle bin).`, [
      { path: 'recordIds', message: 'Unknown records' },
    ]);
  }
  const added = await sql.all<{ id: number }>(
    `INSERT INTO campaign_members (campaign_id, entity, record_id, source, enrolled_at, status)
     SELECT ?, ?, value, ?, ?, 'active' FROM json_each(?) WHERE true
     ON CONFLICT (campaign_id, entity, record_id) DO NOTHING
     RETURNING id`,
    [campaignId, entity, source, now, ids],
  );
  return { added: added.map((r) => r.id), already: recordIds.length - added.length };
}

interface MemberDbRow {
  id: number;
  entity: SegmentEntity;
  record_id: number;
  status: MemberRow['status'];
  name: string | null;
  email: string | null;
  variant: MemberRow['variant'];
  position: number | null;
  channel: NonNullable<MemberRow['lastTouch']>['channel'] | null;
  touch_status: NonNullable<MemberRow['lastTouch']>['status'] | null;
  at: string | null;
  reason: string | null;
  responded: number;
}

const MEMBER_NAME = `CASE m.entity
    WHEN 'contact' THEN (SELECT trim(COALESCE(c.first_name || ' ', '') || c.last_name) FROM contacts c WHERE c.id = m.record_id)
    WHEN 'lead' THEN (SELECT trim(COALESCE(l.first_name || ' ', '') || l.last_name) FROM leads l WHERE l.id = m.record_id)
    ELSE (SELECT a.name FROM accounts a WHERE a.id = m.record_id) END`;
const MEMBER_EMAIL = `CASE m.entity
    WHEN 'contact' THEN (SELECT c.email FROM contacts c WHERE c.id = m.record_id)
    WHEN 'lead' THEN (SELECT l.email FROM leads l WHERE l.id = m.record_id) END`;

/** A page of members in enrolment order, each with its latest touch. */
export async function membersPage(em: EntityManager, campaignId: number, offset: number, limit: number): Promise<{ total: number; rows: MemberRow[] }> {
  const sql = new Sql(em);
  const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM campaign_members WHERE campaign_id = ?`, [campaignId]))!.n;
  const rows = await sql.all<MemberDbRow>(
    `SELECT m.id, m.entity, m.record_id, m.status, ${MEMBER_NAME} AS name, ${MEMBER_EMAIL} AS email,
            t.variant, s.position, t.channel, t.status AS touch_status, t.at, t.reason,
            EXISTS (SELECT 1 FROM campaign_responses r WHERE r.campaign_id = m.campaign_id AND r.entity = m.entity AND r.record_id = m.record_id) AS responded
       FROM campaign_members m
       LEFT JOIN campaign_touches t ON t.id = (SELECT t2.id FROM campaign_touches t2 WHERE t2.member_id = m.id ORDER BY t2.at DESC, t2.id DESC LIMIT 1)
       LEFT JOIN campaign_steps s ON s.id = t.step_id
      WHERE m.campaign_id = ? ORDER BY m.id LIMIT ? OFFSET ?`,
    [campaignId, limit, offset],
  );
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      entity: r.entity,
      recordId: r.record_id,
      name: r.name ?? `(deleted ${r.entity} ${r.record_id})`,
      email: r.email,
      status: r.status,
      variant: r.variant,
      lastTouch: r.at === null ? null : { position: r.position!, channel: r.channel!, status: r.touch_status!, at: r.at, reason: r.reason },
      responded: r.responded === 1,
    })),
  };
}

/** Per step: what its touches came to, and how many of its jobs are still to run. */
export async function campaignProgress(em: EntityManager, campaignId: number): Promise<CampaignProgress> {
  const sql = new Sql(em);
  const campaign = await sql.get<{ status: CampaignProgress['status']; members: number }>(
    `SELECT status, (SELECT COUNT(*) FROM campaign_members WHERE campaign_id = c.id) AS members FROM campaigns c WHERE id = ?`,
    [campaignId],
  );
  if (!campaign) throw new CrmError('not_found', `There is no campaign with id ${campaignId} (it may have been deleted).`);
  const steps = await sql.all<{ id: number }>(`SELECT id FROM campaign_steps WHERE campaign_id = ? ORDER BY position`, [campaignId]);
  const touches = await sql.all<{ step_id: number; status: keyof Omit<StepCounts, 'stepId' | 'waiting'>; n: number }>(
    `SELECT step_id, status, COUNT(*) AS n FROM campaign_touches WHERE campaign_id = ? GROUP BY step_id, status`,
    [campaignId],
  );
  const counts: StepCounts[] = [];
  let remaining = 0;
  let failed = 0;
  for (const step of steps) {
    const [from, to] = stepJobKeyRange(step.id);
    const jobs = await sql.get<{ waiting: number; failed: number }>(
      `SELECT COALESCE(SUM(status IN ('queued', 'running', 'paused')), 0) AS waiting, COALESCE(SUM(status = 'failed'), 0) AS failed
         FROM jobs WHERE dedupe_key >= ? AND dedupe_key < ?`,
      [from, to],
    );
    const c: StepCounts = { stepId: step.id, sent: 0, queued: 0, skipped: 0, failed: jobs!.failed, waiting: jobs!.waiting };
    for (const t of touches) if (t.step_id === step.id) c[t.status] += t.n;
    remaining += jobs!.waiting;
    failed += c.failed;
    counts.push(c);
  }
  return { campaignId, status: campaign.status, members: campaign.members, steps: counts, remaining, failed };
}
