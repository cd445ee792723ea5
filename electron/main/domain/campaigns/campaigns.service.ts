import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import {
  CampaignSettings,
  STATUS_TRANSITIONS,
  type Campaign,
  type CampaignStatus,
  type CampaignSummary,
  type CampaignTrigger,
  type StepDef,
} from '../../../../shared/contract/campaigns';
import type { SegmentEntity } from '../../../../shared/contract/segments';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import type { JobStore } from '../../jobs/job-store';
import { requireRole } from '../users/require-role';
import { readSteps, writeSteps } from './campaign-steps';
import { enrolList } from './campaign-members';
import { checkStepTemplates } from './step-templates';
import { campaignGroup, scheduleFirstStep } from './schedule';
import { scheduleTriggerLook } from './triggers.job';

/** Who plans and runs campaigns; everyone may look at them. */
export const CAMPAIGN_EDITORS = ['admin', 'sales_manager', 'marketing'] as const;

interface CampaignRow {
  id: number;
  version: number;
  name: string;
  objective: string | null;
  type: Campaign['type'];
  status: CampaignStatus;
  start_date: string | null;
  end_date: string | null;
  currency: string;
  budget_minor: number;
  actual_cost_minor: number;
  expected_revenue_minor: number;
  owner_id: number;
  owner_name: string;
  parent_id: number | null;
  parent_name: string | null;
  audience_list_id: number | null;
  list_name: string | null;
  list_entity: SegmentEntity | null;
  settings: string;
  trigger: string | null;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
  updated_at: string;
  member_count: number;
  response_count: number;
}

const SELECT_CAMPAIGN = `SELECT c.*, o.name AS owner_name, p.name AS parent_name, l.name AS list_name, l.entity AS list_entity,
    (SELECT COUNT(*) FROM campaign_members m WHERE m.campaign_id = c.id) AS member_count,
    (SELECT COUNT(*) FROM campaign_responses cr WHERE cr.campaign_id = c.id) AS response_count
  FROM campaigns c JOIN users o ON o.id = c.owner_id
  LEFT JOIN campaigns p ON p.id = c.parent_id LEFT JOIN target_lists l ON l.id = c.audience_list_id`;

function toSummary(r: CampaignRow): CampaignSummary {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    type: r.type,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
    currency: r.currency,
    budgetMinor: r.budget_minor,
    actualCostMinor: r.actual_cost_minor,
    expectedRevenueMinor: r.expected_revenue_minor,
    owner: { id: r.owner_id, name: r.owner_name },
    parent: r.parent_id === null ? null : { id: r.parent_id, name: r.parent_name! },
    memberCount: r.member_count,
    responseCount: r.response_count,
  };
}

/** Columns a patch may set, by contract field. */
const COLUMN: Record<string, string> = {
  name: 'name',
  objective: 'objective',
  type: 'type',
  startDate: 'start_date',
  endDate: 'end_date',
  currency: 'currency',
  budgetMinor: 'budget_minor',
  actualCostMinor: 'actual_cost_minor',
  expectedRevenueMinor: 'expected_revenue_minor',
  ownerId: 'owner_id',
  parentId: 'parent_id',
  audienceListId: 'audience_list_id',
  settings: 'settings',
  trigger: 'trigger',
};

/** Fields that shape who is reached: fixed once the campaign has started. */
const FIXED_ONCE_STARTED = ['currency', 'audienceListId', 'trigger'] as const;

export class CampaignsService {
  constructor(private readonly jobs: JobStore) {}

  private async row(em: EntityManager, id: number): Promise<CampaignRow> {
    const row = await new Sql(em).get<CampaignRow>(`${SELECT_CAMPAIGN} WHERE c.id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no campaign with id ${id} (it may have been deleted).`);
    return row;
  }

  async get(em: EntityManager, id: number): Promise<Campaign> {
    const r = await this.row(em, id);
    return {
      ...toSummary(r),
      objective: r.objective,
      audienceList: r.audience_list_id === null ? null : { id: r.audience_list_id, name: r.list_name!, entity: r.list_entity! },
      settings: CampaignSettings.parse(JSON.parse(r.settings)),
      trigger: r.trigger === null ? null : (JSON.parse(r.trigger) as CampaignTrigger),
      steps: await readSteps(em, id),
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  async list(em: EntityManager, input: ParsedInput<'campaigns.list'>): Promise<CampaignSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.status?.length) {
      where.push(`c.status IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(input.status));
    }
    if (input.parentId !== undefined) {
      where.push(`c.parent_id = ?`);
      params.push(input.parentId);
    }
    const rows = await new Sql(em).all<CampaignRow>(
      `${SELECT_CAMPAIGN} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY COALESCE(c.start_date, substr(c.created_at, 1, 10)) DESC, c.id DESC`,
      params,
    );
    return rows.map(toSummary);
  }

  async create(em: EntityManager, input: ParsedInput<'campaigns.create'>, ctx: CallContext): Promise<Campaign> {
    await requireRole(em, ctx.userId, CAMPAIGN_EDITORS, 'plan campaigns');
    const ownerId = input.ownerId ?? ctx.userId;
    await this.checkReferences(em, { ...input, ownerId }, null);
    checkStepTemplates(input.steps);
    const now = ctx.now();
    const { lastId } = await new Sql(em).run(
      `INSERT INTO campaigns (version, name, objective, type, status, start_date, end_date, currency, budget_minor, actual_cost_minor, expected_revenue_minor,
         owner_id, parent_id, audience_list_id, settings, trigger, created_at, created_by_id, updated_at, updated_by_id)
       VALUES (1, ?, ?, ?, 'planned', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.name,
        input.objective,
        input.type,
        input.startDate,
        input.endDate,
        input.currency,
        input.budgetMinor,
        input.actualCostMinor,
        input.expectedRevenueMinor,
        ownerId,
        input.parentId,
        input.audienceListId,
        JSON.stringify(input.settings),
        input.trigger === null ? null : JSON.stringify(input.trigger),
        now,
        ctx.userId,
        now,
        ctx.userId,
      ],
    );
    await writeSteps(em, lastId, input.steps);
    return this.get(em, lastId);
  }

  async update(em: EntityManager, input: ParsedInput<'campaigns.update'>, ctx: CallContext): Promise<Campaign> {
    await requireRole(em, ctx.userId, CAMPAIGN_EDITORS, 'change campaigns');
    const current = await this.row(em, input.id);
    this.checkVersion(current, input.version);
    const patch = input.patch;
    if (current.status !== 'planned') {
      const fixed = FIXED_ONCE_STARTED.filter((f) => patch[f] !== undefined && JSON.stringify(patch[f]) !== JSON.stringify(this.currentValue(current, f)));
      if (fixed.length) {
        throw new CrmError(
          'conflict',
          `The campaign has started: its ${fixed.map((f) => ({ currency: 'currency', audienceListId: 'audience', trigger: 'trigger' })[f]).join(' and ')} can no longer change.`,
          fixed.map((f) => ({ path: `patch.${f}`, message: 'Fixed once the campaign has started' })),
        );
      }
    }
    const merged = {
      ownerId: patch.ownerId ?? current.owner_id,
      parentId: patch.parentId === undefined ? current.parent_id : patch.parentId,
      audienceListId: patch.audienceListId === undefined ? current.audience_list_id : patch.audienceListId,
      startDate: patch.startDate === undefined ? current.start_date : patch.startDate,
      endDate: patch.endDate === undefined ? current.end_date : patch.endDate,
      trigger: patch.trigger,
    };
    if (merged.startDate && merged.endDate && merged.startDate > merged.endDate) {
      throw new CrmError('validation', 'The end date is before the start date.', [{ path: 'patch.endDate', message: 'Before the start date' }]);
    }
    await this.checkReferences(em, merged, current.id);
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      sets.push(`${COLUMN[field]} = ?`);
      params.push(field === 'settings' || field === 'trigger' ? (value === null ? null : JSON.stringify(value)) : value);
    }
    await new Sql(em).run(`UPDATE campaigns SET ${[...sets, 'version = version + 1', 'updated_at = ?', 'updated_by_id = ?'].join(', ')} WHERE id = ?`, [
      ...params,
      ctx.now(),
      ctx.userId,
      current.id,
    ]);
    return this.get(em, current.id);
  }

  async saveJourney(em: EntityManager, input: ParsedInput<'campaigns.saveJourney'>, ctx: CallContext): Promise<Campaign> {
    await requireRole(em, ctx.userId, CAMPAIGN_EDITORS, 'change campaigns');
    const current = await this.row(em, input.id);
    this.checkVersion(current, input.version);
    if (current.status !== 'planned') {
      throw new CrmError('conflict', `The campaign is ${current.status}: its journey was fixed when it started. Copy it into a new campaign to change the steps.`);
    }
    checkStepTemplates(input.steps);
    await writeSteps(em, current.id, input.steps as StepDef[]);
    await new Sql(em).run(`UPDATE campaigns SET version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`, [ctx.now(), ctx.userId, current.id]);
    return this.get(em, current.id);
  }

  async delete(em: EntityManager, id: number, ctx: CallContext): Promise<{ id: number }> {
    await requireRole(em, ctx.userId, CAMPAIGN_EDITORS, 'delete campaigns');
    const current = await this.row(em, id);
    const sql = new Sql(em);
    const used = await sql.get<{ n: number }>(
      `SELECT (SELECT COUNT(*) FROM campaigns WHERE parent_id = ?) + (SELECT COUNT(*) FROM leads WHERE campaign_id = ? OR first_touch_campaign_id = ?)
            + (SELECT COUNT(*) FROM opportunities WHERE campaign_id = ? OR first_touch_campaign_id = ?) + (SELECT COUNT(*) FROM campaign_responses WHERE campaign_id = ?) AS n`,
      [id, id, id, id, id, id],
    );
    if (current.status !== 'planned' || used!.n > 0) {
      throw new CrmError(
        'conflict',
        current.status !== 'planned'
          ? `"${current.name}" has started, so its history stays: cancel it instead.`
          : `"${current.name}" is referred to by leads, opportunities, responses or child campaigns: cancel it instead.`,
      );
    }
    await sql.run(`DELETE FROM campaigns WHERE id = ?`, [id]);
    return { id };
  }

  /**
   * Moves a campaign along its life cycle. Starting enrols the audience list's live records and schedules the
   * first step for each; pausing and resuming pause and resume its jobs; completing or cancelling cancels the
   * jobs not yet run (what was sent stays sent).
   */
  async setStatus(em: EntityManager, input: ParsedInput<'campaigns.setStatus'>, ctx: CallContext): Promise<Campaign> {
    await requireRole(em, ctx.userId, CAMPAIGN_EDITORS, 'run campaigns');
    const current = await this.row(em, input.id);
    this.checkVersion(current, input.version);
    const to = input.status;
    if (to === current.status) return this.get(em, current.id);
    if (!STATUS_TRANSITIONS[current.status].includes(to)) {
      const allowed = STATUS_TRANSITIONS[current.status];
      throw new CrmError(
        'conflict',
        `A ${current.status} campaign cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}.`,
        [{ path: 'status', message: 'Not allowed from here' }],
      );
    }
    const sql = new Sql(em);
    const now = ctx.now();
    const group = campaignGroup(current.id);
    if (current.status === 'planned' && to === 'active') {
      const steps = await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM campaign_steps WHERE campaign_id = ?`, [current.id]);
      if (steps!.n === 0) throw new CrmError('validation', 'Add at least one step to the journey before starting the campaign.', [{ path: 'steps', message: 'No steps' }]);
      if (current.audience_list_id === null && current.trigger === null && current.member_count === 0) {
        throw new CrmError('validation', 'Choose an audience list, a trigger or add members before starting the campaign.', [{ path: 'audienceListId', message: 'No audience' }]);
      }
      if (current.audience_list_id !== null) await enrolList(em, current.id, current.audience_list_id, now);
      await sql.run(`UPDATE campaigns SET started_at = ?, trigger_watermark = ? WHERE id = ?`, [now, now, current.id]);
      await this.jobs.resumeGroup(em, group);
      await scheduleFirstStep(em, this.jobs, current.id, now);
      if (current.trigger !== null) await scheduleTriggerLook(em, this.jobs, current.id, now);
    } else if (to === 'paused') {
      await this.jobs.pauseGroup(em, group, ctx.userId);
    } else if (to === 'active') {
      await this.jobs.resumeGroup(em, group);
    } else {
      await this.jobs.cancelGroup(em, group);
      await sql.run(`UPDATE campaigns SET finished_at = ? WHERE id = ?`, [now, current.id]);
    }
    await sql.run(`UPDATE campaigns SET status = ?, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`, [to, now, ctx.userId, current.id]);
    return this.get(em, current.id);
  }

  private checkVersion(current: CampaignRow, version: number): void {
    if (current.version !== version) {
      throw new CrmError('conflict', `"${current.name}" was changed at ${current.updated_at} (version ${current.version}) after you opened it. Reload it; your change was not saved.`);
    }
  }

  private currentValue(r: CampaignRow, field: (typeof FIXED_ONCE_STARTED)[number]): unknown {
    if (field === 'currency') return r.currency;
    if (field === 'audienceListId') return r.audience_list_id;
    return r.trigger === null ? null : JSON.parse(r.trigger);
  }

  private async checkReferences(
    em: EntityManager,
    c: { ownerId: number; parentId: number | null; audienceListId: number | null; trigger?: CampaignTrigger | null | undefined },
    selfId: number | null,
  ): Promise<void> {
    const sql = new Sql(em);
    const issues: ErrorIssue[] = [];
    const owner = await sql.get<{ active: number }>(`SELECT active FROM users WHERE id = ?`, [c.ownerId]);
    if (!owner || owner.active !== 1) issues.push({ path: 'ownerId', message: `There is no active user with id ${c.ownerId}` });
    if (c.parentId !== null) {
      // A program's chain of parents must not come back to this campaign.
      const chain = await sql.all<{ id: number }>(
        `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM campaigns WHERE id = ? UNION SELECT c.id, c.parent_id FROM campaigns c JOIN up ON c.id = up.parent_id) SELECT id FROM up`,
        [c.parentId],
      );
      if (chain.length === 0) issues.push({ path: 'parentId', message: `There is no campaign with id ${c.parentId}` });
      else if (selfId !== null && chain.some((p) => p.id === selfId)) issues.push({ path: 'parentId', message: 'A campaign cannot be its own program' });
    }
    if (c.audienceListId !== null) {
      const list = await sql.get<{ id: number }>(`SELECT id FROM target_lists WHERE id = ?`, [c.audienceListId]);
      if (!list) issues.push({ path: 'audienceListId', message: `There is no target list with id ${c.audienceListId}` });
    }
    if (c.trigger?.kind === 'opportunityStage') {
      const stage = await sql.get<{ id: number }>(`SELECT id FROM pipeline_stages WHERE id = ?`, [c.trigger.stageId]);
      if (!stage) issues.push({ path: 'trigger.stageId', message: `There is no pipeline stage with id ${c.trigger.stageId}` });
    }
    if (issues.length) throw new CrmError('validation', issues[0]!.message, issues);
  }
}
