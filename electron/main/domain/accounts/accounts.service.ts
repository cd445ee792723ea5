import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Account, AccountInput, AccountListQuery, AccountPatch, AccountRow } from '../../../../shared/contract/accounts';
import { CrmError } from '../../../../shared/errors';
import { foldForSort } from '../../../../shared/text';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { loadRecord } from '../records/load-record';
import { fetchGridPage } from '../records/grid-page';
import { gridSql, type GridColumn } from '../records/grid-sql';
import { assertLive, insertRecord, restoreRecord, softDelete, updateRecord, type RecordTable } from '../records/record-store';
import { ACCOUNT_SELECT, accountColumns, accountFromRow } from './account.mapper';

const OWNER_JOIN = 'JOIN users o ON o.id = a.owner_id';

const TABLE: RecordTable = { table: 'accounts', entity: 'account', noun: 'account', derived: ['sort_name'] };

const GRID_COLUMNS: Record<string, GridColumn> = {
  name: { sql: 'a.name', kind: 'text', sortSql: 'a.sort_name', notNull: true, folded: { sql: 'a.sort_name', rangeKey: 'a.sort_name' } },
  industry: { sql: 'a.industry', kind: 'text' },
  phone: { sql: 'a.phone', kind: 'text' },
  website: { sql: 'a.website', kind: 'text' },
  city: { sql: 'a.billing_city', kind: 'text' },
  country: { sql: 'a.billing_country', kind: 'text' },
  employees: { sql: 'a.employees', kind: 'number' },
  annualRevenueMinor: { sql: 'a.annual_revenue_minor', kind: 'number' },
  ownerName: { sql: 'o.name', kind: 'text', notNull: true },
  updatedAt: { sql: 'a.updated_at', kind: 'text', sortSql: 'a.updated_at', notNull: true },
};

export class AccountsService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  get(id: number, em?: EntityManager): Promise<Account> {
    return loadRecord(this.sql, em, { select: ACCOUNT_SELECT, idColumn: 'a.id', noun: 'account', fromRow: accountFromRow }, id);
  }

  async create(em: EntityManager, input: z.output<typeof AccountInput>, ctx: CallContext): Promise<Account> {
    const ownerId = input.ownerId ?? ctx.userId;
    await assertLive(em, 'users', ownerId, 'ownerId', 'Owner');
    if (input.parentAccountId !== null) await assertLive(em, 'accounts', input.parentAccountId, 'parentAccountId', 'Parent account');
    const id = await insertRecord(em, TABLE, accountColumns({ ...input, ownerId }), ctx);
    return this.get(id, em);
  }

  async update(em: EntityManager, id: number, version: number, patch: z.output<typeof AccountPatch>, ctx: CallContext): Promise<Account> {
    if (patch.ownerId !== undefined) await assertLive(em, 'users', patch.ownerId, 'patch.ownerId', 'Owner');
    if (patch.parentAccountId != null) await this.assertParentAllowed(em, id, patch.parentAccountId);
    await updateRecord(em, TABLE, id, version, accountColumns(patch), ctx);
    return this.get(id, em);
  }

  /** A parent must exist and must not be the account itself or one of its descendants. */
  private async assertParentAllowed(em: EntityManager, id: number, parentId: number): Promise<void> {
    await assertLive(em, 'accounts', parentId, 'patch.parentAccountId', 'Parent account');
    const cycle = await new Sql(em).get(
      `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT a.parent_account_id FROM accounts a JOIN up ON a.id = up.id WHERE a.parent_account_id IS NOT NULL)
       SELECT 1 FROM up WHERE id = ?`,
      [parentId, id],
    );
    if (cycle) {
      throw new CrmError('validation', 'An account cannot be its own parent, directly or through its parents.', [
        { path: 'patch.parentAccountId', message: 'This would make a loop of parent accounts' },
      ]);
    }
  }

  delete(em: EntityManager, id: number, ctx: CallContext) {
    return softDelete(em, TABLE, id, ctx);
  }

  async restore(em: EntityManager, id: number, ctx: CallContext): Promise<Account> {
    await restoreRecord(em, TABLE, id, ctx);
    return this.get(id, em);
  }

  async list(q: z.output<typeof AccountListQuery>): Promise<{ rows: AccountRow[]; total: number | null }> {
    const g = gridSql(GRID_COLUMNS, q, { colId: 'name', sort: 'asc' }, 'a.id');
    const usesOwner = q.filter.ownerName !== undefined || q.sort.some((s) => s.colId === 'ownerName');
    const page = await fetchGridPage<Record<string, any>>(this.sql, {
      table: 'accounts',
      alias: 'a',
      columns: `a.id, a.version, a.name, a.industry, a.phone, a.website, a.billing_city, a.billing_country, a.employees,
                a.annual_revenue_minor, a.annual_revenue_currency, o.name AS owner_name, a.updated_at`,
      rowJoins: OWNER_JOIN,
      filterJoins: usesOwner ? OWNER_JOIN : '',
      where: ['a.deleted_at IS NULL', ...g.where],
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
        name: r.name,
        industry: r.industry,
        phone: r.phone,
        website: r.website,
        city: r.billing_city,
        country: r.billing_country,
        employees: r.employees,
        annualRevenueMinor: r.annual_revenue_minor === null ? null : Number(r.annual_revenue_minor),
        currency: r.annual_revenue_currency,
        ownerName: r.owner_name,
        updatedAt: r.updated_at,
      })),
    };
  }

  async lookup(text: string, limit: number): Promise<{ id: number; name: string }[]> {
    const key = foldForSort(text).replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.sql.all(
      `SELECT id, name FROM accounts WHERE deleted_at IS NULL AND sort_name LIKE ? ESCAPE '\\' ORDER BY sort_name, id LIMIT ?`,
      [`${key}%`, limit],
    );
  }
}
