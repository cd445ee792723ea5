import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import type { Tag, TagRef, Taggable } from '../../../../shared/contract/tags';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { writeAudit } from '../audit/audit.service';
import { requireRole } from '../users/require-role';

/** The table of each taggable kind of record (identifiers come only from here). */
export const RECORD_TABLES: Record<Taggable, { table: string; noun: string }> = {
  contact: { table: 'contacts', noun: 'contact' },
  lead: { table: 'leads', noun: 'lead' },
  account: { table: 'accounts', noun: 'account' },
};

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

interface TagRow {
  id: number;
  name: string;
  colour: string | null;
  created_at: string;
  created_by_id: number;
  created_by_name: string;
  contacts: number;
  leads: number;
  accounts: number;
}

/** Live records per tag and kind: each kind's ids are checked against its own table. */
const COUNT = (entity: Taggable) =>
  `(SELECT COUNT(*) FROM record_tags rt JOIN ${RECORD_TABLES[entity].table} x ON x.id = rt.record_id AND x.deleted_at IS NULL
     WHERE rt.tag_id = t.id AND rt.entity = '${entity}')`;

const SELECT_TAG = `SELECT t.id, t.name, t.colour, t.created_at, t.created_by_id, u.name AS created_by_name,
    ${COUNT('contact')} AS contacts, ${COUNT('lead')} AS leads, ${COUNT('account')} AS accounts
  FROM tags t JOIN users u ON u.id = t.created_by_id`;

function toTag(r: TagRow): Tag {
  return {
    id: r.id,
    name: r.name,
    colour: r.colour,
    counts: { contact: r.contacts, lead: r.leads, account: r.accounts },
    createdAt: r.created_at,
    createdBy: { id: r.created_by_id, name: r.created_by_name },
  };
}

/** The record must exist and not be in the recycle bin. */
export async function assertLiveRecord(em: EntityManager, entity: Taggable, id: number): Promise<void> {
  const t = RECORD_TABLES[entity];
  const row = await new Sql(em).get<{ deleted_at: string | null }>(`SELECT deleted_at FROM ${t.table} WHERE id = ?`, [id]);
  if (!row) throw new CrmError('not_found', `There is no ${t.noun} with id ${id}.`);
  if (row.deleted_at) throw new CrmError('conflict', `This ${t.noun} is in the recycle bin; restore it to change it.`);
}

/*
 * Decisions:
 * - A tag is shared by every kind of record; its name is unique ignoring case (NOCASE), so "VIP" and "vip"
 *   are one tag, and creating an existing name answers with a conflict naming it.
 * - Record tags have no foreign key to the record: a record in the recycle bin keeps its tags (a restore brings
 *   them back) but is never counted, in tag usage or in segments.
 * - Changing a record's tags is written to its history (audit, "tags" before and after by name); the record's
 *   version does not change, so tagging never clashes with someone editing the record.
 */
export class TagsService {
  async list(em: EntityManager, search?: string): Promise<Tag[]> {
    const term = search?.trim();
    const rows = await new Sql(em).all<TagRow>(
      `${SELECT_TAG} ${term ? `WHERE t.name LIKE ? ESCAPE '\\'` : ''} ORDER BY t.name COLLATE NOCASE, t.id`,
      term ? [`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [],
    );
    return rows.map(toTag);
  }

  async get(em: EntityManager, id: number): Promise<Tag> {
    const row = await new Sql(em).get<TagRow>(`${SELECT_TAG} WHERE t.id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no tag with id ${id} (it may have been deleted).`);
    return toTag(row);
  }

  private async assertFreeName(em: EntityManager, name: string, id: number | null): Promise<void> {
    const clash = await new Sql(em).get<{ name: string }>(`SELECT name FROM tags WHERE name = ? AND id IS NOT ?`, [name, id]);
    if (clash) throw new CrmError('conflict', `There is already a tag called "${clash.name}".`, [{ path: 'name', message: 'Choose another name' }]);
  }

  async create(em: EntityManager, input: ParsedInput<'tags.create'>, ctx: CallContext): Promise<Tag> {
    await this.assertFreeName(em, input.name, null);
    const { lastId } = await new Sql(em).run(`INSERT INTO tags (name, colour, created_at, created_by_id) VALUES (?, ?, ?, ?)`, [
      input.name,
      input.colour ?? null,
      ctx.now(),
      ctx.userId,
    ]);
    return this.get(em, lastId);
  }

  async rename(em: EntityManager, input: ParsedInput<'tags.rename'>, ctx: CallContext): Promise<Tag> {
    await requireRole(em, ctx.userId, ['admin', 'marketing'], 'rename tags');
    await this.get(em, input.id);
    await this.assertFreeName(em, input.name, input.id);
    const sql = new Sql(em);
    if (input.colour === undefined) await sql.run(`UPDATE tags SET name = ? WHERE id = ?`, [input.name, input.id]);
    else await sql.run(`UPDATE tags SET name = ?, colour = ? WHERE id = ?`, [input.name, input.colour, input.id]);
    return this.get(em, input.id);
  }

  async delete(em: EntityManager, id: number, ctx: CallContext): Promise<{ id: number; removedFrom: number }> {
    await requireRole(em, ctx.userId, ['admin', 'marketing'], 'delete tags');
    const sql = new Sql(em);
    await this.get(em, id);
    const { n } = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM record_tags WHERE tag_id = ?`, [id]))!;
    await sql.run(`DELETE FROM tags WHERE id = ?`, [id]);
    return { id, removedFrom: n };
  }

  async forRecord(em: EntityManager, entity: Taggable, recordId: number): Promise<TagRef[]> {
    return new Sql(em).all<TagRef>(
      `SELECT t.id, t.name, t.colour FROM record_tags rt JOIN tags t ON t.id = rt.tag_id
        WHERE rt.entity = ? AND rt.record_id = ? ORDER BY t.name COLLATE NOCASE, t.id`,
      [entity, recordId],
    );
  }

  /** Every id must name a tag; the issue points at the unknown one. */
  private async assertTags(em: EntityManager, ids: number[], path: string): Promise<void> {
    if (!ids.length) return;
    const found = new Set((await new Sql(em).all<{ id: number }>(`SELECT id FROM tags WHERE id IN (${marks(ids.length)})`, ids)).map((r) => r.id));
    const issues = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: ids.length === 1 && path === 'tagId' ? path : `${path}.${i}`, message: `There is no tag with id ${id}` }]));
    if (issues.length) throw new CrmError('validation', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }

  async set(em: EntityManager, input: ParsedInput<'tags.set'>, ctx: CallContext): Promise<TagRef[]> {
    await assertLiveRecord(em, input.entity, input.recordId);
    await this.assertTags(em, input.tagIds, 'tagIds');
    const sql = new Sql(em);
    const before = await this.forRecord(em, input.entity, input.recordId);
    await sql.run(`DELETE FROM record_tags WHERE entity = ? AND record_id = ?`, [input.entity, input.recordId]);
    for (const tagId of input.tagIds) {
      await sql.run(`INSERT INTO record_tags (tag_id, entity, record_id) VALUES (?, ?, ?)`, [tagId, input.entity, input.recordId]);
    }
    const after = await this.forRecord(em, input.entity, input.recordId);
    const names = (tags: TagRef[]) => tags.map((t) => t.name).join(', ');
    if (names(before) !== names(after)) {
      await writeAudit(em, { entity: input.entity, recordId: input.recordId, action: 'update', changes: { tags: [names(before), names(after)] }, userId: ctx.userId, at: ctx.now() });
    }
    return after;
  }

  async add(em: EntityManager, input: ParsedInput<'tags.add'>): Promise<{ added: number; alreadyTagged: number }> {
    await this.assertTags(em, [input.tagId], 'tagId');
    const t = RECORD_TABLES[input.entity];
    const sql = new Sql(em);
    const ids = input.recordIds;
    const live = await sql.all<{ id: number }>(`SELECT id FROM ${t.table} WHERE id IN (${marks(ids.length)}) AND deleted_at IS NULL`, ids);
    if (live.length !== ids.length) {
      const ok = new Set(live.map((r) => r.id));
      const missing = ids.flatMap((id, i) => (ok.has(id) ? [] : [{ path: `recordIds.${i}`, message: `There is no live ${t.noun} with id ${id}` }]));
      throw new CrmError('validation', `recordIds: ${missing.length} of the records do not exist or are in the recycle bin`, missing);
    }
    const { changes } = await sql.run(
      `INSERT OR IGNORE INTO record_tags (tag_id, entity, record_id) SELECT ?, ?, value FROM json_each(?)`,
      [input.tagId, input.entity, JSON.stringify(ids)],
    );
    return { added: changes, alreadyTagged: ids.length - changes };
  }

  async remove(em: EntityManager, input: ParsedInput<'tags.remove'>): Promise<{ removed: number }> {
    await this.assertTags(em, [input.tagId], 'tagId');
    const { changes } = await new Sql(em).run(
      `DELETE FROM record_tags WHERE tag_id = ? AND entity = ? AND record_id IN (SELECT value FROM json_each(?))`,
      [input.tagId, input.entity, JSON.stringify(input.recordIds)],
    );
    return { removed: changes };
  }
}
