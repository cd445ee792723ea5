import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import type { Channel, ListMemberRow, SegmentEntity, TargetList } from '../../../../shared/contract/segments';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { gridSql, type GridColumn } from '../records/grid-sql';
import { fromClause } from './compile-segment';
import { eligibleFor, ineligibleReason } from './consent';
import { ROW_SQL } from './segment-tables';

interface ListRow {
  id: number;
  name: string;
  entity: SegmentEntity;
  channel: Channel | null;
  segment_id: number | null;
  segment_name: string | null;
  created_at: string;
  created_by_id: number;
  created_by_name: string;
}

const SELECT_LIST = `SELECT l.*, s.name AS segment_name, u.name AS created_by_name
  FROM target_lists l LEFT JOIN segments s ON s.id = l.segment_id JOIN users u ON u.id = l.created_by_id`;

/** Members of list `?` whose record is live (alias r). */
const membersOf = (entity: SegmentEntity) =>
  `target_list_members m JOIN ${fromClause(entity)} ON r.id = m.record_id AND r.deleted_at IS NULL`;

const NAME_COLUMN: Record<SegmentEntity, GridColumn> = {
  contact: { sql: 'r.last_name', kind: 'text', sortSql: 'r.sort_name', notNull: true, folded: { sql: 'substr(r.sort_name, 1, instr(r.sort_name, char(1)) - 1)', rangeKey: 'r.sort_name', terminator: '\u0001' } },
  lead: { sql: 'r.last_name', kind: 'text', sortSql: 'r.sort_name', notNull: true, folded: { sql: 'substr(r.sort_name, 1, instr(r.sort_name, char(1)) - 1)', rangeKey: 'r.sort_name', terminator: '\u0001' } },
  account: { sql: 'r.name', kind: 'text', sortSql: 'r.sort_name', notNull: true, folded: { sql: 'r.sort_name', rangeKey: 'r.sort_name' } },
};

export class TargetListsService {
  private async row(em: EntityManager, id: number): Promise<ListRow> {
    const row = await new Sql(em).get<ListRow>(`${SELECT_LIST} WHERE l.id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no target list with id ${id} (it may have been deleted).`);
    return row;
  }

  private async memberCount(em: EntityManager, list: ListRow): Promise<number> {
    return (await new Sql(em).get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${membersOf(list.entity)} WHERE m.list_id = ?`, [list.id]))!.n;
  }

  private summary(list: ListRow, memberCount: number) {
    return {
      id: list.id,
      name: list.name,
      entity: list.entity,
      channel: list.channel,
      segment: list.segment_id === null ? null : { id: list.segment_id, name: list.segment_name! },
      memberCount,
      createdAt: list.created_at,
      createdBy: { id: list.created_by_id, name: list.created_by_name },
    };
  }

  async list(em: EntityManager, entity?: SegmentEntity): Promise<Omit<TargetList, 'eligibleCount'>[]> {
    const rows = await new Sql(em).all<ListRow>(`${SELECT_LIST} ${entity ? 'WHERE l.entity = ?' : ''} ORDER BY l.id DESC`, entity ? [entity] : []);
    const out = [];
    for (const r of rows) out.push(this.summary(r, await this.memberCount(em, r)));
    return out;
  }

  async get(em: EntityManager, id: number): Promise<TargetList> {
    const list = await this.row(em, id);
    let eligibleCount: number | null = null;
    if (list.channel) {
      const consent = eligibleFor(list.entity, list.channel);
      eligibleCount = (await new Sql(em).get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${membersOf(list.entity)} WHERE m.list_id = ? AND ${consent.sql}`, [id, ...consent.params]))!.n;
    }
    return { ...this.summary(list, await this.memberCount(em, list)), eligibleCount };
  }

  async create(em: EntityManager, input: ParsedInput<'lists.create'>, ctx: CallContext): Promise<TargetList> {
    const { lastId } = await new Sql(em).run(`INSERT INTO target_lists (name, entity, channel, segment_id, created_at, created_by_id) VALUES (?, ?, ?, NULL, ?, ?)`, [
      input.name,
      input.entity,
      input.channel,
      ctx.now(),
      ctx.userId,
    ]);
    return this.get(em, lastId);
  }

  async members(em: EntityManager, input: ParsedInput<'lists.members'>): Promise<{ rows: ListMemberRow[]; total: number | null }> {
    const list = await this.row(em, input.listId);
    const row = ROW_SQL[list.entity];
    const grid = gridSql({ name: NAME_COLUMN[list.entity], addedAt: { sql: 'm.added_at', kind: 'text', notNull: true } }, input, { colId: 'addedAt', sort: 'asc' }, 'r.id');
    // Without a sort the list's own key (list, record) gives the order: deep pages step through that index alone.
    const orderBy = input.sort.length ? grid.orderBy : 'r.id';
    const eligible = list.channel ? `CASE WHEN ${eligibleFor(list.entity, list.channel).sql} THEN 1 ELSE 0 END` : 'NULL';
    const sql = new Sql(em);
    const where = ['m.list_id = ?', ...grid.where].join(' AND ');
    const params = [list.id, ...grid.params];
    const limit = input.endRow - input.startRow;
    // The page's ids first, on the list's key (list, record) when unsorted; then their rows with the joins.
    const ids = `SELECT r.id FROM ${membersOf(list.entity)} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
    const rows = await sql.all<Omit<ListMemberRow, 'eligible'> & { eligible: number | null }>(
      `SELECT ${row.select}, m.added_at AS addedAt, ${eligible} AS eligible
         FROM ${membersOf(list.entity)} ${row.joins}
        WHERE m.list_id = ? AND r.id IN (${ids}) ORDER BY ${orderBy}`,
      [list.id, ...params, limit, input.startRow],
    );
    let total: number | null = null;
    if (rows.length < limit && (rows.length > 0 || input.startRow === 0)) total = input.startRow + rows.length;
    else if (input.withTotal) total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${membersOf(list.entity)} WHERE ${where}`, params))!.n;
    return {
      total,
      rows: rows.map((r) => ({ ...r, eligible: r.eligible === null ? null : r.eligible === 1 })),
    };
  }

  /** Adds live records of the list's kind; a channel's list leaves out, with the reason, those who may not be reached on it. */
  async add(em: EntityManager, input: ParsedInput<'lists.add'>, ctx: CallContext) {
    const list = await this.row(em, input.listId);
    const sql = new Sql(em);
    const reason = list.channel ? ineligibleReason(list.entity, list.channel).sql : 'NULL';
    const marks = input.ids.map(() => '?').join(', ');
    const found = await sql.all<{ id: number; reason: string | null; member: number }>(
      `SELECT r.id, ${reason} AS reason, EXISTS (SELECT 1 FROM target_list_members m WHERE m.list_id = ? AND m.record_id = r.id) AS member
         FROM ${fromClause(list.entity)} WHERE r.deleted_at IS NULL AND r.id IN (${marks})`,
      [list.id, ...input.ids],
    );
    const byId = new Map(found.map((f) => [f.id, f]));
    const leftOut: { id: number; reason: string }[] = [];
    const toAdd: number[] = [];
    let alreadyMembers = 0;
    for (const id of input.ids) {
      const f = byId.get(id);
      if (!f) leftOut.push({ id, reason: `There is no ${list.entity} with id ${id} (or it is in the recycle bin)` });
      else if (f.member) alreadyMembers++;
      else if (f.reason) leftOut.push({ id, reason: f.reason });
      else toAdd.push(id);
    }
    const now = ctx.now();
    for (let i = 0; i < toAdd.length; i += 200) {
      const chunk = toAdd.slice(i, i + 200);
      await sql.run(
        `INSERT INTO target_list_members (list_id, record_id, added_at, added_by_id) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((id) => [list.id, id, now, ctx.userId]),
      );
    }
    return { added: toAdd.length, alreadyMembers, leftOut };
  }

  async remove(em: EntityManager, input: ParsedInput<'lists.remove'>): Promise<{ removed: number }> {
    await this.row(em, input.listId);
    const { changes } = await new Sql(em).run(`DELETE FROM target_list_members WHERE list_id = ? AND record_id IN (${input.ids.map(() => '?').join(', ')})`, [
      input.listId,
      ...input.ids,
    ]);
    return { removed: changes };
  }

  async delete(em: EntityManager, id: number): Promise<{ id: number }> {
    await this.row(em, id);
    await new Sql(em).run(`DELETE FROM target_list_members WHERE list_id = ?`, [id]);
    await new Sql(em).run(`DELETE FROM target_lists WHERE id = ?`, [id]);
    return { id };
  }

  /**
   * The ids of a list's members a campaign step may contact on `channel` now: live records that pass
   * eligibleFor at the time of sending, whatever the list was made for.
   */
  async recipients(em: EntityManager, listId: number, channel: Channel): Promise<number[]> {
    const list = await this.row(em, listId);
    const consent = eligibleFor(list.entity, channel);
    const rows = await new Sql(em).all<{ id: number }>(`SELECT r.id FROM ${membersOf(list.entity)} WHERE m.list_id = ? AND ${consent.sql} ORDER BY r.id`, [listId, ...consent.params]);
    return rows.map((r) => r.id);
  }
}
