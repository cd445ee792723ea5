import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import {
  CHANNELS,
  type Channel,
  type ChannelCounts,
  type SampleRow,
  type Segment,
  type SegmentCount,
  type SegmentGroup,
  type SegmentRule,
  type SegmentSummary,
} from '../../../../shared/contract/segments';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { compileSegment, fromClause } from './compile-segment';
import { eligibleFor } from './consent';
import { ROW_SQL } from './segment-tables';

export const SAMPLE_SIZE = 20;

interface SegmentRow {
  id: number;
  name: string;
  description: string | null;
  entity: Segment['entity'];
  rule: string;
  version: number;
  created_at: string;
  created_by_id: number;
  created_by_name: string;
  updated_at: string;
  updated_by_id: number;
  updated_by_name: string;
}

const SELECT_SEGMENT = `SELECT s.*, cu.name AS created_by_name, uu.name AS updated_by_name
  FROM segments s JOIN users cu ON cu.id = s.created_by_id JOIN users uu ON uu.id = s.updated_by_id`;

function toSegment(r: SegmentRow): Segment {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    entity: r.entity,
    root: JSON.parse(r.rule) as SegmentGroup,
    version: r.version,
    createdAt: r.created_at,
    createdBy: { id: r.created_by_id, name: r.created_by_name },
    updatedAt: r.updated_at,
    updatedBy: { id: r.updated_by_id, name: r.updated_by_name },
  };
}

/** How many live records match a rule; optionally how many of them each channel may reach. */
export async function countSegment(em: EntityManager, rule: SegmentRule, now: string, withChannels: boolean): Promise<{ total: number; channels: ChannelCounts | null }> {
  const sql = new Sql(em);
  const where = compileSegment(rule, now);
  if (!withChannels) {
    const row = await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${fromClause(rule.entity)} WHERE ${where.sql}`, where.params);
    return { total: row!.n, channels: null };
  }
  const sums = CHANNELS.map((c) => `COALESCE(SUM(CASE WHEN ${eligibleFor(rule.entity, c).sql} THEN 1 ELSE 0 END), 0) AS ${c}`);
  const row = await sql.get<{ n: number } & ChannelCounts>(`SELECT COUNT(*) AS n, ${sums.join(', ')} FROM ${fromClause(rule.entity)} WHERE ${where.sql}`, where.params);
  return { total: row!.n, channels: { email: row!.email, call: row!.call, letter: row!.letter, sms: row!.sms } };
}

/**
 * Up to 20 matching records, sorted by name. They are the first the rule's best index yields, not the first
 * 20 by name: finding those would walk the name index (or sort every match), which at a million contacts costs
 * several times the count itself. When matches are common (one in 50 or more) related facts are probed per
 * record, so the 20 are found within a few hundred records and no set is built; when they are rare, sets.
 */
export async function sampleSegment(em: EntityManager, rule: SegmentRule, now: string, total: number): Promise<SampleRow[]> {
  const sql = new Sql(em);
  const table = fromClause(rule.entity);
  const highestId = (await sql.get<{ n: number | null }>(`SELECT MAX(r.id) AS n FROM ${table}`))!.n ?? 0;
  const where = compileSegment(rule, now, total * 50 >= highestId ? 'probes' : 'sets');
  const row = ROW_SQL[rule.entity];
  const rows = await sql.all<SampleRow & { phone: string | null }>(
    `SELECT ${row.select} FROM ${table} ${row.joins}
      WHERE r.id IN (SELECT r.id FROM ${table} WHERE ${where.sql} LIMIT ${SAMPLE_SIZE})
      ORDER BY r.sort_name, r.id`,
    where.params,
  );
  return rows.map(({ phone: _phone, ...r }) => r);
}

/** Owners named in a rule must exist; paths point at the offending value. */
async function checkOwners(em: EntityManager, root: SegmentGroup): Promise<void> {
  const refs: { id: number; path: string }[] = [];
  const walk = (g: SegmentGroup, path: string) =>
    g.items.forEach((item, i) => {
      const at = `${path}.items.${i}`;
      if (item.type === 'group') walk(item, at);
      else if (item.type === 'field' && item.field === 'owner') {
        if (typeof item.value === 'number') refs.push({ id: item.value, path: `${at}.value` });
        item.values?.forEach((v, j) => typeof v === 'number' && refs.push({ id: v, path: `${at}.values.${j}` }));
      }
    });
  walk(root, 'root');
  if (!refs.length) return;
  const ids = [...new Set(refs.map((r) => r.id))];
  const found = new Set(
    (await new Sql(em).all<{ id: number }>(`SELECT id FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).map((r) => r.id),
  );
  const issues: ErrorIssue[] = refs.filter((r) => !found.has(r.id)).map((r) => ({ path: r.path, message: `There is no user with id ${r.id}` }));
  if (issues.length) throw new CrmError('validation', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/**
 * Tags and custom fields named in a rule must exist; a custom field must be one of the rule's entity, and its
 * values among its options. The message names the field; paths point at the offending value.
 */
export async function checkReferences(em: EntityManager, rule: { entity: SegmentRule['entity']; root: SegmentGroup }): Promise<void> {
  const tags: { id: number; path: string }[] = [];
  const picks: { fieldId: number; values: string[]; path: string }[] = [];
  const walk = (g: SegmentGroup, path: string) =>
    g.items.forEach((item, i) => {
      const at = `${path}.items.${i}`;
      if (item.type === 'group') walk(item, at);
      else if (item.type === 'fact' && item.fact === 'tag') item.tagIds.forEach((id, j) => tags.push({ id, path: `${at}.tagIds.${j}` }));
      else if (item.type === 'fact' && item.fact === 'customPick') picks.push({ fieldId: item.fieldId, values: item.values ?? [], path: at });
    });
  walk(rule.root, 'root');
  if (!tags.length && !picks.length) return;
  const sql = new Sql(em);
  const issues: ErrorIssue[] = [];
  if (tags.length) {
    const ids = [...new Set(tags.map((t) => t.id))];
    const found = new Set((await sql.all<{ id: number }>(`SELECT id FROM tags WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).map((r) => r.id));
    for (const t of tags) if (!found.has(t.id)) issues.push({ path: t.path, message: `There is no tag with id ${t.id} (it may have been deleted)` });
  }
  if (picks.length) {
    const ids = [...new Set(picks.map((p) => p.fieldId))];
    const fields = new Map(
      (await sql.all<{ id: number; entity: string; label: string; options: string }>(`SELECT id, entity, label, options FROM custom_fields WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)).map((f) => [f.id, f]),
    );
    for (const p of picks) {
      const f = fields.get(p.fieldId);
      if (!f) {
        issues.push({ path: `${p.path}.fieldId`, message: `There is no custom field with id ${p.fieldId} (it may have been deleted)` });
        continue;
      }
      if (f.entity !== rule.entity) {
        issues.push({ path: `${p.path}.fieldId`, message: `${f.label} is a field of ${f.entity}s, not of ${rule.entity}s` });
        continue;
      }
      const options = JSON.parse(f.options) as string[];
      p.values.forEach((v, j) => {
        if (!options.includes(v)) issues.push({ path: `${p.path}.values.${j}`, message: `${f.label} has no option "${v}" (its options: ${options.join(', ')})` });
      });
    }
  }
  if (issues.length) throw new CrmError('validation', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

export class SegmentsService {
  async count(em: EntityManager, input: ParsedInput<'segments.count'>, now: string): Promise<SegmentCount> {
    await checkReferences(em, input.rule);
    const { total, channels } = await countSegment(em, input.rule, now, input.channels);
    const sample = input.sample && total > 0 ? await sampleSegment(em, input.rule, now, total) : [];
    return { entity: input.rule.entity, total, sample, channels };
  }

  async list(em: EntityManager, entity?: Segment['entity']): Promise<SegmentSummary[]> {
    const rows = await new Sql(em).all<SegmentRow>(
      `${SELECT_SEGMENT} ${entity ? 'WHERE s.entity = ?' : ''} ORDER BY lower(s.name), s.id`,
      entity ? [entity] : [],
    );
    return rows.map((r) => {
      const { root: _root, createdAt: _c, createdBy: _b, ...summary } = toSegment(r);
      return summary;
    });
  }

  async get(em: EntityManager, id: number): Promise<Segment> {
    const row = await new Sql(em).get<SegmentRow>(`${SELECT_SEGMENT} WHERE s.id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no segment with id ${id} (it may have been deleted).`);
    return toSegment(row);
  }

  async save(em: EntityManager, input: ParsedInput<'segments.save'>, ctx: CallContext): Promise<Segment> {
    const sql = new Sql(em);
    await checkOwners(em, input.root);
    await checkReferences(em, input);
    const clash = await sql.get<{ id: number }>(`SELECT id FROM segments WHERE lower(name) = lower(?) AND id IS NOT ?`, [input.name, input.id ?? null]);
    if (clash) throw new CrmError('conflict', `There is already a segment called "${input.name}".`, [{ path: 'name', message: 'Choose another name' }]);
    const now = ctx.now();
    const rule = JSON.stringify(input.root);
    if (input.id === undefined) {
      const { lastId } = await sql.run(
        `INSERT INTO segments (version, name, description, entity, rule, created_at, created_by_id, updated_at, updated_by_id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [input.name, input.description, input.entity, rule, now, ctx.userId, now, ctx.userId],
      );
      return this.get(em, lastId);
    }
    const { changes } = await sql.run(
      `UPDATE segments SET version = version + 1, name = ?, description = ?, entity = ?, rule = ?, updated_at = ?, updated_by_id = ? WHERE id = ? AND version = ?`,
      [input.name, input.description, input.entity, rule, now, ctx.userId, input.id, input.version],
    );
    if (changes === 0) {
      const current = await this.get(em, input.id);
      throw new CrmError(
        'conflict',
        `${current.updatedBy.name} saved this segment at ${current.updatedAt} (version ${current.version}) after you opened it. Reload it to see their change; yours was not saved.`,
      );
    }
    return this.get(em, input.id);
  }

  async delete(em: EntityManager, id: number): Promise<{ id: number }> {
    const { changes } = await new Sql(em).run(`DELETE FROM segments WHERE id = ?`, [id]);
    if (!changes) throw new CrmError('not_found', `There is no segment with id ${id} (it may have been deleted).`);
    return { id };
  }

  /**
   * Copies the segment's members as they are now into a new list, in one
   * INSERT … SELECT. A channel's list takes only those who may be reached on it.
   */
  async freeze(em: EntityManager, input: { segmentId: number; name: string; channel: Channel | null }, ctx: CallContext): Promise<{ listId: number; added: number; leftOut: number }> {
    const segment = await this.get(em, input.segmentId);
    const rule: SegmentRule = { entity: segment.entity, root: segment.root };
    const sql = new Sql(em);
    const now = ctx.now();
    const { lastId: listId } = await sql.run(
      `INSERT INTO target_lists (name, entity, channel, segment_id, created_at, created_by_id) VALUES (?, ?, ?, ?, ?, ?)`,
      [input.name, segment.entity, input.channel, segment.id, now, ctx.userId],
    );
    const where = compileSegment(rule, now);
    const consent = input.channel ? ` AND ${eligibleFor(segment.entity, input.channel).sql}` : '';
    const { changes: added } = await sql.run(
      `INSERT INTO target_list_members (list_id, record_id, added_at, added_by_id)
       SELECT ?, r.id, ?, ? FROM ${fromClause(segment.entity)} WHERE ${where.sql}${consent} ORDER BY r.id`,
      [listId, now, ctx.userId, ...where.params],
    );
    const leftOut = input.channel ? (await countSegment(em, rule, now, false)).total - added : 0;
    return { listId, added, leftOut };
  }
}
