import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Lead, LeadInput, LeadListQuery, LeadPatch, LeadRow } from '../../../../shared/contract/leads';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { loadRecord } from '../records/load-record';
import { fetchGridPage } from '../records/grid-page';
import { gridSql, type GridColumn } from '../records/grid-sql';
import { assertLive, insertRecord, restoreRecord, softDelete, updateRecord, type ColumnValues, type RecordTable } from '../records/record-store';
import { DISQUALIFY_REASON_REQUIRED, LEAD_SELECT, leadColumns, leadFromRow, type StoredLead } from './lead.mapper';
import type { ScoringService } from './scoring.service';

const OWNER_JOIN = 'JOIN users o ON o.id = l.owner_id';

export const LEAD_TABLE: RecordTable = {
  table: 'leads',
  entity: 'lead',
  noun: 'lead',
  derived: ['sort_name', 'email_normalized', 'phone_e164', 'score', 'score_reasons'],
};

const GRID_COLUMNS: Record<string, GridColumn> = {
  lastName: {
    sql: 'l.last_name',
    kind: 'text',
    sortSql: 'l.sort_name',
    notNull: true,
    folded: { sql: 'substr(l.sort_name, 1, instr(l.sort_name, char(1)) - 1)', rangeKey: 'l.sort_name', terminator: '\u0001' },
  },
  firstName: { sql: 'l.first_name', kind: 'text' },
  company: { sql: 'l.company', kind: 'text' },
  title: { sql: 'l.title', kind: 'text' },
  email: { sql: 'l.email', kind: 'text' },
  phone: { sql: 'l.phone', kind: 'text' },
  status: { sql: 'l.status', kind: 'text', notNull: true },
  source: { sql: 'l.source', kind: 'text', notNull: true },
  rating: { sql: 'l.rating', kind: 'text' },
  score: { sql: 'l.score', kind: 'number', notNull: true },
  city: { sql: 'l.city', kind: 'text' },
  country: { sql: 'l.country', kind: 'text' },
  ownerName: { sql: 'o.name', kind: 'text', notNull: true },
  createdAt: { sql: 'l.created_at', kind: 'text', sortSql: 'l.created_at', notNull: true },
  updatedAt: { sql: 'l.updated_at', kind: 'text', sortSql: 'l.updated_at', notNull: true },
};


export class LeadsService {
  private readonly sql: Sql;

  constructor(
    dataSource: DataSource,
    private readonly scoring: ScoringService,
  ) {
    this.sql = new Sql(dataSource);
  }

  get(id: number, em?: EntityManager): Promise<Lead> {
    return loadRecord(this.sql, em, { select: LEAD_SELECT, idColumn: 'l.id', noun: 'lead', fromRow: leadFromRow }, id);
  }

  async create(em: EntityManager, input: z.output<typeof LeadInput>, ctx: CallContext): Promise<Lead> {
    const ownerId = input.ownerId ?? ctx.userId;
    await assertLive(em, 'users', ownerId, 'ownerId', 'Owner');
    const columns = leadColumns({ ...input, ownerId });
    checkDisqualified(input.status, input.disqualifiedReason, 'disqualifiedReason');
    if (input.status !== 'disqualified') columns.disqualified_reason = null;
    const id = await insertRecord(em, LEAD_TABLE, columns, ctx);
    await this.scoring.rescoreOne(em, id, ctx.now());
    return this.get(id, em);
  }

  async update(em: EntityManager, id: number, version: number, patch: z.output<typeof LeadPatch>, ctx: CallContext): Promise<Lead> {
    const current = await new Sql(em).get<StoredLead>(
      `SELECT first_name, last_name, phone, country, status, disqualified_reason, deleted_at, first_touch_campaign_id FROM leads WHERE id = ?`,
      [id],
    );
    if (!current || current.deleted_at) throw new CrmError('not_found', 'This lead no longer exists (it may have been deleted).');
    if (patch.ownerId !== undefined) await assertLive(em, 'users', patch.ownerId, 'patch.ownerId', 'Owner');
    if (current.status === 'converted' && patch.status !== undefined) {
      throw new CrmError('validation', 'A converted lead keeps its status', [{ path: 'patch.status', message: 'The lead is converted' }]);
    }
    const columns: ColumnValues = leadColumns(patch, {
      firstName: current.first_name,
      lastName: current.last_name,
      phone: current.phone,
      country: current.country,
      firstTouchCampaignId: current.first_touch_campaign_id,
    });
    const status = patch.status ?? current.status;
    const reason = patch.disqualifiedReason !== undefined ? patch.disqualifiedReason : current.disqualified_reason;
    checkDisqualified(status, reason, 'patch.disqualifiedReason');
    // The reason belongs to the disqualified status only: leaving it clears the reason.
    if (status !== 'disqualified') columns.disqualified_reason = null;
    await updateRecord(em, LEAD_TABLE, id, version, columns, ctx);
    await this.scoring.rescoreOne(em, id, ctx.now());
    return this.get(id, em);
  }

  delete(em: EntityManager, id: number, ctx: CallContext) {
    return softDelete(em, LEAD_TABLE, id, ctx);
  }

  async restore(em: EntityManager, id: number, ctx: CallContext): Promise<Lead> {
    await restoreRecord(em, LEAD_TABLE, id, ctx);
    await this.scoring.rescoreOne(em, id, ctx.now());
    return this.get(id, em);
  }

  async rescore(em: EntityManager, id: number, ctx: CallContext): Promise<Lead> {
    await this.get(id, em);
    await this.scoring.rescoreOne(em, id, ctx.now());
    return this.get(id, em);
  }

  async list(q: z.output<typeof LeadListQuery>): Promise<{ rows: LeadRow[]; total: number | null }> {
    const g = gridSql(GRID_COLUMNS, q, { colId: 'lastName', sort: 'asc' }, 'l.id');
    const usesOwner = q.filter.ownerName !== undefined || q.sort.some((s) => s.colId === 'ownerName');
    const page = await fetchGridPage<Record<string, any>>(this.sql, {
      table: 'leads',
      alias: 'l',
      columns: `l.id, l.version, l.first_name, l.last_name, l.company, l.title, l.email, l.phone, l.city, l.country, l.source, l.status,
                l.rating, l.score, o.name AS owner_name, l.created_at, l.updated_at`,
      rowJoins: OWNER_JOIN,
      filterJoins: usesOwner ? OWNER_JOIN : '',
      where: ['l.deleted_at IS NULL', ...g.where],
      params: g.params,
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
        firstName: r.first_name,
        lastName: r.last_name,
        company: r.company,
        title: r.title,
        email: r.email,
        phone: r.phone,
        city: r.city,
        country: r.country,
        source: r.source,
        status: r.status,
        rating: r.rating,
        score: r.score,
        ownerName: r.owner_name,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
    };
  }
}

function checkDisqualified(status: string, reason: string | null, path: string): void {
  if (status === 'disqualified' && !reason) {
    throw new CrmError('validation', 'Say why the lead is disqualified', [{ path, message: DISQUALIFY_REASON_REQUIRED }]);
  }
}
