import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Contact, ContactInput, ContactListQuery, ContactPatch, ContactRow } from '../../../../shared/contract/contacts';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { loadRecord } from '../records/load-record';
import { fetchGridPage } from '../records/grid-page';
import { gridSql, type GridColumn } from '../records/grid-sql';
import { assertLive, insertRecord, restoreRecord, softDelete, updateRecord, type RecordTable } from '../records/record-store';
import { CONTACT_SELECT, contactColumns, contactFromRow } from './contact.mapper';

const OWNER_JOIN = 'JOIN users o ON o.id = c.owner_id';
/** A sub-select rather than a join: a live account's name, or NULL while it is in the recycle bin. */
const ACCOUNT_NAME = '(SELECT a.name FROM accounts a WHERE a.id = c.account_id AND a.deleted_at IS NULL)';

const TABLE: RecordTable = { table: 'contacts', entity: 'contact', noun: 'contact', derived: ['sort_name', 'email', 'phone'] };

const GRID_COLUMNS: Record<string, GridColumn> = {
  lastName: {
    sql: 'c.last_name',
    kind: 'text',
    sortSql: 'c.sort_name',
    notNull: true,
    folded: { sql: 'substr(c.sort_name, 1, instr(c.sort_name, char(1)) - 1)', rangeKey: 'c.sort_name', terminator: '\u0001' },
  },
  firstName: { sql: 'c.first_name', kind: 'text' },
  title: { sql: 'c.title', kind: 'text' },
  email: { sql: 'c.email', kind: 'text' },
  phone: { sql: 'c.phone', kind: 'text' },
  accountName: { sql: ACCOUNT_NAME, kind: 'text' },
  city: { sql: 'c.address_city', kind: 'text' },
  country: { sql: 'c.address_country', kind: 'text' },
  ownerName: { sql: 'o.name', kind: 'text', notNull: true },
  updatedAt: { sql: 'c.updated_at', kind: 'text', sortSql: 'c.updated_at', notNull: true },
};

export class ContactsService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  get(id: number, em?: EntityManager): Promise<Contact> {
    return loadRecord(this.sql, em, { select: CONTACT_SELECT, idColumn: 'c.id', noun: 'contact', fromRow: contactFromRow }, id);
  }

  async create(em: EntityManager, input: z.output<typeof ContactInput>, ctx: CallContext): Promise<Contact> {
    const ownerId = input.ownerId ?? ctx.userId;
    await assertLive(em, 'users', ownerId, 'ownerId', 'Owner');
    if (input.accountId !== null) await assertLive(em, 'accounts', input.accountId, 'accountId', 'Account');
    const id = await insertRecord(em, TABLE, contactColumns({ ...input, ownerId }), ctx);
    return this.get(id, em);
  }

  async update(em: EntityManager, id: number, version: number, patch: z.output<typeof ContactPatch>, ctx: CallContext): Promise<Contact> {
    if (patch.ownerId !== undefined) await assertLive(em, 'users', patch.ownerId, 'patch.ownerId', 'Owner');
    if (patch.accountId != null) await assertLive(em, 'accounts', patch.accountId, 'patch.accountId', 'Account');
    const current = await new Sql(em).get<{ first_name: string | null; last_name: string }>(
      `SELECT first_name, last_name FROM contacts WHERE id = ?`,
      [id],
    );
    const names = current ? { firstName: current.first_name, lastName: current.last_name } : undefined;
    await updateRecord(em, TABLE, id, version, contactColumns(patch, names), ctx);
    return this.get(id, em);
  }

  delete(em: EntityManager, id: number, ctx: CallContext) {
    return softDelete(em, TABLE, id, ctx);
  }

  async restore(em: EntityManager, id: number, ctx: CallContext): Promise<Contact> {
    await restoreRecord(em, TABLE, id, ctx);
    return this.get(id, em);
  }

  async list(q: z.output<typeof ContactListQuery>): Promise<{ rows: ContactRow[]; total: number | null }> {
    const g = gridSql(GRID_COLUMNS, q, { colId: 'lastName', sort: 'asc' }, 'c.id');
    const where = ['c.deleted_at IS NULL', ...g.where];
    const params = [...g.params];
    if (q.accountId !== undefined) {
      where.unshift('c.account_id = ?');
      params.unshift(q.accountId);
    }
    const usesOwner = q.filter.ownerName !== undefined || q.sort.some((s) => s.colId === 'ownerName');
    const page = await fetchGridPage<Record<string, any>>(this.sql, {
      table: 'contacts',
      alias: 'c',
      columns: `c.id, c.version, c.first_name, c.last_name, c.title, c.email, c.phone, c.account_id, ${ACCOUNT_NAME} AS account_name,
                c.address_city, c.address_country, c.email_opt_out, c.do_not_call, o.name AS owner_name, c.updated_at`,
      rowJoins: OWNER_JOIN,
      filterJoins: usesOwner ? OWNER_JOIN : '',
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
        firstName: r.first_name,
        lastName: r.last_name,
        title: r.title,
        email: r.email,
        phone: r.phone,
        accountId: r.account_name ? r.account_id : null,
        accountName: r.account_name ?? null,
        city: r.address_city,
        country: r.address_country,
        emailOptOut: r.email_opt_out === 1,
        doNotCall: r.do_not_call === 1,
        ownerName: r.owner_name,
        updatedAt: r.updated_at,
      })),
    };
  }
}
