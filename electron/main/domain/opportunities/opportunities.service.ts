import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type {
  MoveInput,
  Opportunity,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityPatch,
  OpportunityRow,
  StageChange,
} from '../../../../shared/contract/opportunities';
import { CrmError } from '../../../../shared/errors';
import { foldForSort } from '../../../../shared/text';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { opportunityAttribution } from '../campaigns/attribution';
import { loadRecord } from '../records/load-record';
import { fetchGridPage } from '../records/grid-page';
import { gridSql, type GridColumn } from '../records/grid-sql';
import { assertLive, insertRecord, restoreRecord, softDelete, updateRecord, type ColumnValues, type RecordTable } from '../records/record-store';
import { OPPORTUNITY_SELECT, STAGE_HISTORY_SELECT, opportunityColumns, opportunityFromRow, stageChangeFromRow } from './opportunity.mapper';
import { transition, type StageRow } from './stage-transition';

const TABLE: RecordTable = { table: 'opportunities', entity: 'opportunity', noun: 'opportunity', derived: ['sort_name'] };

const OWNER_JOIN = 'JOIN users o ON o.id = op.owner_id';
const STAGE_JOIN = 'JOIN pipeline_stages s ON s.id = op.stage_id';
const ACCOUNT_NAME = '(SELECT a.name FROM accounts a WHERE a.id = op.account_id AND a.deleted_at IS NULL)';

const GRID_COLUMNS: Record<string, GridColumn> = {
  name: { sql: 'op.name', kind: 'text', sortSql: 'op.sort_name', notNull: true, folded: { sql: 'op.sort_name', rangeKey: 'op.sort_name' } },
  accountName: { sql: ACCOUNT_NAME, kind: 'text' },
  stageName: { sql: 's.name', kind: 'text', sortSql: 's.position', notNull: true },
  amountMinor: { sql: 'op.amount_minor', kind: 'number', notNull: true },
  probability: { sql: 'op.probability', kind: 'number', notNull: true },
  expectedCloseDate: { sql: 'op.expected_close_date', kind: 'text', sortSql: 'op.expected_close_date' },
  forecastCategory: { sql: 'op.forecast_category', kind: 'text' },
  currency: { sql: 'op.currency', kind: 'text' },
  ownerName: { sql: 'o.name', kind: 'text', notNull: true },
  updatedAt: { sql: 'op.updated_at', kind: 'text', sortSql: 'op.updated_at', notNull: true },
};

interface CurrentRow {
  id: number;
  version: number;
  deleted_at: string | null;
  pipeline_id: number;
  stage_id: number;
  stage_kind: 'open' | 'won' | 'lost';
  probability: number;
  closed_at: string | null;
  lost_reason: string | null;
  amount_minor: number;
  currency: string;
}

export class OpportunitiesService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  get(id: number, em?: EntityManager): Promise<Opportunity> {
    return loadRecord(this.sql, em, { select: OPPORTUNITY_SELECT, idColumn: 'op.id', noun: 'opportunity', fromRow: opportunityFromRow }, id);
  }

  async create(
    em: EntityManager,
    input: z.output<typeof OpportunityInput>,
    ctx: CallContext,
    extra: { leadId?: number } = {},
  ): Promise<Opportunity> {
    const sql = new Sql(em);
    const ownerId = input.ownerId ?? ctx.userId;
    await assertLive(em, 'users', ownerId, 'ownerId', 'Owner');
    if (input.accountId !== null) await assertLive(em, 'accounts', input.accountId, 'accountId', 'Account');
    if (input.primaryContactId !== null) await assertLive(em, 'contacts', input.primaryContactId, 'primaryContactId', 'Contact');
    const stage = await this.resolveStage(sql, input.pipelineId, input.stageId, 'stageId');
    const now = ctx.now();
    const state = transition(null, stage, { probability: input.probability, lostReason: input.lostReason }, now);
    const touch = await opportunityAttribution(em, { leadId: extra.leadId ?? null, primaryContactId: input.primaryContactId, campaignId: input.campaignId, at: now });
    const columns: ColumnValues = {
      name: input.name,
      sort_name: foldForSort(input.name),
      account_id: input.accountId,
      primary_contact_id: input.primaryContactId,
      pipeline_id: stage.pipeline_id,
      stage_id: stage.id,
      amount_minor: input.amount.amountMinor,
      currency: input.amount.currency,
      probability: state.probability,
      expected_close_date: input.expectedCloseDate,
      forecast_category: input.forecastCategory,
      owner_id: ownerId,
      next_step: input.nextStep,
      lost_reason: state.lost_reason,
      closed_at: state.closed_at,
      lead_id: extra.leadId ?? null,
      campaign_id: touch.campaignId,
      first_touch_campaign_id: touch.firstTouchCampaignId,
    };
    if (input.ownerLocked !== undefined) columns.owner_locked = input.ownerLocked ? 1 : 0;
    const id = await insertRecord(em, TABLE, columns, ctx);
    await recordStageChange(sql, id, null, stage.id, input.amount.amountMinor, input.amount.currency, state.probability, ctx);
    return this.get(id, em);
  }

  async update(em: EntityManager, id: number, version: number, patch: z.output<typeof OpportunityPatch>, ctx: CallContext): Promise<Opportunity> {
    const sql = new Sql(em);
    const current = await loadCurrent(sql, id);
    if (patch.ownerId !== undefined) await assertLive(em, 'users', patch.ownerId, 'patch.ownerId', 'Owner');
    if (patch.accountId != null) await assertLive(em, 'accounts', patch.accountId, 'patch.accountId', 'Account');
    if (patch.primaryContactId != null) await assertLive(em, 'contacts', patch.primaryContactId, 'patch.primaryContactId', 'Contact');

    const c = opportunityColumns(patch);

    const pipelineChanged = patch.pipelineId !== undefined && patch.pipelineId !== current.pipeline_id;
    const stageWanted = patch.stageId !== undefined && patch.stageId !== current.stage_id;
    let target: StageRow;
    if (stageWanted || pipelineChanged) {
      target = await this.resolveStage(sql, patch.pipelineId ?? current.pipeline_id, patch.stageId, 'patch.stageId', current.stage_id);
    } else {
      target = (await loadStage(sql, current.stage_id))!;
    }
    const state = transition(current, target, { probability: patch.probability, lostReason: patch.lostReason }, ctx.now(), 'patch.lostReason');
    Object.assign(c, { pipeline_id: target.pipeline_id, stage_id: target.id, ...state });

    const { changed } = await updateRecord(em, TABLE, id, version, c, ctx);
    if (changed.includes('stage_id')) {
      const amount = patch.amount ?? { amountMinor: Number(current.amount_minor), currency: current.currency };
      await recordStageChange(sql, id, current.stage_id, target.id, amount.amountMinor, amount.currency, state.probability, ctx);
    }
    return this.get(id, em);
  }

  /**
   * The kanban drop. Entering an open stage sets the probability to the
   * stage's default unless `probability` is given; won forces 100, lost 0.
   */
  move(em: EntityManager, input: z.output<typeof MoveInput>, ctx: CallContext): Promise<Opportunity> {
    const patch: z.output<typeof OpportunityPatch> = { stageId: input.stageId };
    if (input.probability !== undefined) patch.probability = input.probability;
    if (input.lostReason !== null) patch.lostReason = input.lostReason;
    return this.update(em, input.id, input.version, patch, ctx);
  }

  delete(em: EntityManager, id: number, ctx: CallContext) {
    return softDelete(em, TABLE, id, ctx);
  }

  async restore(em: EntityManager, id: number, ctx: CallContext): Promise<Opportunity> {
    await restoreRecord(em, TABLE, id, ctx);
    return this.get(id, em);
  }

  async stageHistory(id: number): Promise<StageChange[]> {
    const exists = await this.sql.get(`SELECT 1 FROM opportunities WHERE id = ?`, [id]);
    if (!exists) throw new CrmError('not_found', `There is no opportunity with id ${id}.`);
    const rows = await this.sql.all<Record<string, unknown>>(`${STAGE_HISTORY_SELECT} WHERE h.opportunity_id = ? ORDER BY h.changed_at, h.id`, [id]);
    return rows.map(stageChangeFromRow);
  }

  async list(q: z.output<typeof OpportunityListQuery>): Promise<{ rows: OpportunityRow[]; total: number | null }> {
    const g = gridSql(GRID_COLUMNS, q, { colId: 'name', sort: 'asc' }, 'op.id');
    const where = ['op.deleted_at IS NULL', ...g.where];
    const params = [...g.params];
    const scope: [string, unknown][] = [];
    if (q.pipelineId !== undefined) scope.push(['op.pipeline_id = ?', q.pipelineId]);
    if (q.accountId !== undefined) scope.push(['op.account_id = ?', q.accountId]);
    if (q.stageKind !== undefined) scope.push(['s.kind = ?', q.stageKind]);
    for (const [clause, value] of scope.reverse()) {
      where.unshift(clause);
      params.unshift(value);
    }
    const usesOwner = q.filter.ownerName !== undefined || q.sort.some((s) => s.colId === 'ownerName');
    const usesStage = q.stageKind !== undefined || q.filter.stageName !== undefined || q.sort.some((s) => s.colId === 'stageName');
    const page = await fetchGridPage<Record<string, any>>(this.sql, {
      table: 'opportunities',
      alias: 'op',
      columns: `op.id, op.version, op.name, ${ACCOUNT_NAME} AS account_name, p.name AS pipeline_name, s.name AS stage_name, s.kind AS stage_kind,
                op.amount_minor, op.currency, op.probability, op.expected_close_date, op.forecast_category, o.name AS owner_name,
                op.closed_at, op.updated_at`,
      rowJoins: `${OWNER_JOIN} ${STAGE_JOIN} JOIN pipelines p ON p.id = op.pipeline_id`,
      filterJoins: [usesOwner ? OWNER_JOIN : '', usesStage ? STAGE_JOIN : ''].join(' '),
      where,
      params,
      orderBy: g.orderBy,
      seek: g.seek,
      startRow: q.startRow,
      endRow: q.endRow,
      withTotal: q.withTotal,
    });
    return {
      total: page.total,
      rows: page.rows.map((r) => ({
        id: r.id,
        version: r.version,
        name: r.name,
        accountName: r.account_name ?? null,
        pipelineName: r.pipeline_name,
        stageName: r.stage_name,
        stageKind: r.stage_kind,
        amountMinor: Number(r.amount_minor),
        currency: r.currency,
        probability: r.probability,
        expectedCloseDate: r.expected_close_date,
        forecastCategory: r.forecast_category,
        ownerName: r.owner_name,
        closedAt: r.closed_at,
        updatedAt: r.updated_at,
      })),
    };
  }

  /**
   * The stage to use: the given one (which must be active and, when a
   * pipeline is named, belong to it), else the pipeline's first active open
   * stage; the pipeline defaults to the default one.
   */
  async resolveStage(sql: Sql, pipelineId: number | undefined, stageId: number | undefined, path: string, keepStageId?: number): Promise<StageRow> {
    if (stageId !== undefined) {
      const stage = await loadStage(sql, stageId);
      if (!stage || (pipelineId !== undefined && stage.pipeline_id !== pipelineId)) {
        throw new CrmError('validation', `Stage ${stageId} is not a stage of this pipeline`, [{ path, message: 'Not a stage of this pipeline' }]);
      }
      if (!stage.active && stage.id !== keepStageId) {
        throw new CrmError('validation', `The stage “${stage.name}” is no longer in use`, [{ path, message: 'This stage is deactivated' }]);
      }
      await assertPipelineActive(sql, stage.pipeline_id, path);
      return stage;
    }
    const pid = pipelineId ?? (await sql.get<{ id: number }>(`SELECT id FROM pipelines WHERE is_default = 1 AND active = 1 ORDER BY position, id LIMIT 1`))?.id;
    if (pid === undefined) throw new CrmError('validation', 'There is no default pipeline', [{ path: 'pipelineId', message: 'Choose a pipeline' }]);
    await assertPipelineActive(sql, pid, 'pipelineId');
    const first = await sql.get<StageRow>(
      `SELECT id, pipeline_id, name, kind, probability, active FROM pipeline_stages WHERE pipeline_id = ? AND kind = 'open' AND active = 1 ORDER BY position, id LIMIT 1`,
      [pid],
    );
    if (!first) throw new CrmError('validation', 'This pipeline has no open stage', [{ path: 'pipelineId', message: 'The pipeline has no open stage' }]);
    return first;
  }
}

async function assertPipelineActive(sql: Sql, pipelineId: number, path: string): Promise<void> {
  const row = await sql.get(`SELECT 1 FROM pipelines WHERE id = ? AND active = 1`, [pipelineId]);
  if (!row) throw new CrmError('validation', `Pipeline ${pipelineId} does not exist or is no longer in use`, [{ path, message: 'Pipeline does not exist' }]);
}

export function loadStage(sql: Sql, stageId: number): Promise<StageRow | undefined> {
  return sql.get<StageRow>(`SELECT id, pipeline_id, name, kind, probability, active FROM pipeline_stages WHERE id = ?`, [stageId]);
}

async function loadCurrent(sql: Sql, id: number): Promise<CurrentRow> {
  const row = await sql.get<CurrentRow>(
    `SELECT op.id, op.version, op.deleted_at, op.pipeline_id, op.stage_id, s.kind AS stage_kind, op.probability, op.closed_at, op.lost_reason,
            op.amount_minor, op.currency
       FROM opportunities op JOIN pipeline_stages s ON s.id = op.stage_id WHERE op.id = ?`,
    [id],
  );
  if (!row || row.deleted_at) throw new CrmError('not_found', 'This opportunity no longer exists (it may have been deleted).');
  return row;
}

async function recordStageChange(
  sql: Sql,
  opportunityId: number,
  fromStageId: number | null,
  toStageId: number,
  amountMinor: number,
  currency: string,
  probability: number,
  ctx: CallContext,
): Promise<void> {
  await sql.run(
    `INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, amount_minor, currency, probability, changed_at, changed_by_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [opportunityId, fromStageId, toStageId, amountMinor, currency, probability, ctx.now(), ctx.userId],
  );
}
