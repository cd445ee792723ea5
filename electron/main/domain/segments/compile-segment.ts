import type { FactCondition, FieldCondition, SegmentEntity, SegmentGroup, SegmentItem, SegmentRule } from '../../../../shared/contract/segments';
import { SEGMENT_FIELDS } from '../../../../shared/contract/segments';
import { CrmError } from '../../../../shared/errors';
import { SEGMENT_TABLES, type FieldSql } from './segment-tables';

/** A piece of SQL and its parameters, in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * A rule as a WHERE clause over `<table> r`. Live records only. Identifiers come
 * from segment-tables.ts; every value is a `?` parameter.
 *
 * Semantics (the in-memory evaluator of the differential test implements the same):
 * - Every condition is true or false, never unknown: "not equals", "not in",
 *   "does not contain" and "is empty" hold for a record without a value.
 * - Text compares ignoring the case of A–Z (LIKE and NOCASE), not accents.
 * - Dates compare by UTC day: "after D" is from the day after D, "within the last
 *   N days" from the start of today − N through today, "older than N days" before
 *   the start of today − N.
 * - An empty top group matches every live record.
 */
export function compileSegment(rule: SegmentRule, now: string, related: RelatedStrategy = 'sets'): SqlPart {
  const ctx: Ctx = { entity: rule.entity, now, today: now.slice(0, 10), related };
  const root = group(rule.root, ctx);
  // `+`: live records, without making the partial indexes on deleted_at (the name order) look useful; walking one
  // costs a row lookup per record where a rule with nothing indexable wants a plain scan.
  return { sql: `+r.deleted_at IS NULL AND ${root.sql}`, params: root.params };
}

/** `FROM <table> r` for an entity. */
export function fromClause(entity: SegmentEntity): string {
  return `${SEGMENT_TABLES[entity].table} r`;
}

/**
 * How conditions on related records are asked:
 * - 'sets': `r.id IN (SELECT …)` without correlation. SQLite computes the set once per statement (an ephemeral
 *   index with a Bloom filter) and probes it per record: the cheapest way to count or copy every match, since
 *   its cost does not grow with the number of records looked at (see test/bench/segment-cases.ts).
 * - 'probes': correlated EXISTS / NOT EXISTS lookups on the related table's index: the cheapest way to find a
 *   few matches (a sample with LIMIT) when matches are common, since nothing is computed up front.
 * Both mean the same; the differential test holds each to the in-memory evaluator.
 */
export type RelatedStrategy = 'sets' | 'probes';

interface Ctx {
  entity: SegmentEntity;
  now: string;
  today: string;
  related: RelatedStrategy;
}

const TRUE: SqlPart = { sql: '1', params: [] };
const FALSE: SqlPart = { sql: '0', params: [] };

function group(g: SegmentGroup, ctx: Ctx): SqlPart {
  if (g.items.length === 0) return TRUE;
  const parts = g.items.map((item) => (item.type === 'group' ? group(item, ctx) : item.type === 'field' ? field(item, ctx) : fact(item, ctx)));
  const joined = `(${parts.map((p) => p.sql).join(g.op === 'and' ? ' AND ' : ' OR ')})`;
  // An OR with a related fact in it: `IS TRUE` hides it from SQLite's OR-by-union plan, which would fetch every
  // record of a big related set by rowid (twice as slow at a million contacts as one scan with set probes).
  return { sql: g.op === 'or' && g.items.some((i) => related(i, ctx.entity)) ? `${joined} IS TRUE` : joined, params: parts.flatMap((p) => p.params) };
}

/** Does the item ask about related records (a fact, or a field of the contact's account)? */
function related(item: SegmentItem, entity: SegmentEntity): boolean {
  if (item.type === 'group') return item.items.some((i) => related(i, entity));
  if (item.type === 'fact') return true;
  const where = SEGMENT_TABLES[entity].fields[item.field];
  return where !== undefined && 'accountColumn' in where;
}

// ---------------------------------------------------------------- days

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The same day of the month N months earlier (or later), the last day of a shorter month when it has none. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- fields

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Operators that hold for a record without a value. */
const HOLDS_FOR_EMPTY = new Set(['notEquals', 'notContains', 'notIn', 'isEmpty']);

function field(c: FieldCondition, ctx: Ctx): SqlPart {
  const fields = SEGMENT_FIELDS[ctx.entity] as Record<string, { kind: string }>;
  const def = Object.prototype.hasOwnProperty.call(fields, c.field) ? fields[c.field] : undefined;
  const where = SEGMENT_TABLES[ctx.entity].fields[c.field] as FieldSql | undefined;
  // Validated by the contract already; a second line of defence, since identifiers come from here.
  if (!def || !where) throw new CrmError('validation', `Unknown field "${c.field}"`, [{ path: 'field', message: 'Unknown field' }]);
  if ('amount' in where) return money(where, c);
  if ('accountColumn' in where) {
    const inner = predicate(where.accountColumn, def.kind, c, ctx);
    // A contact without a live account has no value: it matches exactly when the operator holds for an empty value.
    // `+a.deleted_at`: read the accounts straight through rather than along the partial name index (a row lookup each).
    const test = HOLDS_FOR_EMPTY.has(c.op) ? `(+a.deleted_at IS NOT NULL OR ${inner.sql})` : `(+a.deleted_at IS NULL AND ${inner.sql})`;
    const matches =
      ctx.related === 'sets'
        ? `(r.account_id IS NOT NULL AND r.account_id IN (SELECT a.id FROM accounts a WHERE ${test}))`
        : `EXISTS (SELECT 1 FROM accounts a WHERE a.id = r.account_id AND ${test})`;
    return { sql: HOLDS_FOR_EMPTY.has(c.op) ? `(r.account_id IS NULL OR ${matches})` : matches, params: inner.params };
  }
  return predicate(where.column, def.kind, c, ctx);
}

function predicate(col: string, kind: string, c: FieldCondition, ctx: Ctx): SqlPart {
  const v = c.value;
  const list = c.values ?? [];
  switch (kind) {
    case 'text':
      switch (c.op) {
        case 'equals':
          return { sql: `${col} = ? COLLATE NOCASE`, params: [v] };
        case 'notEquals':
          return { sql: `(${col} IS NULL OR ${col} <> ? COLLATE NOCASE)`, params: [v] };
        case 'contains':
          return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(String(v))}%`] };
        case 'notContains':
          return { sql: `(${col} IS NULL OR ${col} NOT LIKE ? ESCAPE '\\')`, params: [`%${escapeLike(String(v))}%`] };
        case 'startsWith':
          return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`${escapeLike(String(v))}%`] };
        case 'in':
          return { sql: `${col} COLLATE NOCASE IN (${marks(list.length)})`, params: list };
        default:
          return emptiness(col, c);
      }
    case 'picklist':
    case 'country':
    case 'owner':
    case 'number':
      switch (c.op) {
        case 'equals':
          return { sql: `${col} = ?`, params: [v] };
        case 'notEquals':
          return { sql: `(${col} IS NULL OR ${col} <> ?)`, params: [v] };
        case 'in':
          return { sql: `${col} IN (${marks(list.length)})`, params: list };
        case 'notIn':
          return { sql: `(${col} IS NULL OR ${col} NOT IN (${marks(list.length)}))`, params: list };
        case 'gt':
          return { sql: `${col} > ?`, params: [v] };
        case 'lt':
          return { sql: `${col} < ?`, params: [v] };
        case 'between':
          return { sql: `${col} BETWEEN ? AND ?`, params: [c.from, c.to] };
        case 'isEmpty':
          return kind === 'number' ? { sql: `${col} IS NULL`, params: [] } : emptiness(col, c);
        case 'isNotEmpty':
          return kind === 'number' ? { sql: `${col} IS NOT NULL`, params: [] } : emptiness(col, c);
      }
      break;
    case 'date': {
      const day = String(v);
      switch (c.op) {
        case 'equals':
          return { sql: `(${col} >= ? AND ${col} < ?)`, params: [day, addDays(day, 1)] };
        case 'gt':
          return { sql: `${col} >= ?`, params: [addDays(day, 1)] };
        case 'lt':
          return { sql: `${col} < ?`, params: [day] };
        case 'between':
          return { sql: `(${col} >= ? AND ${col} < ?)`, params: [c.from, addDays(String(c.to), 1)] };
        case 'withinLastDays':
          return { sql: `(${col} >= ? AND ${col} < ?)`, params: [addDays(ctx.today, -c.days!), addDays(ctx.today, 1)] };
        case 'olderThanDays':
          return { sql: `${col} < ?`, params: [addDays(ctx.today, -c.days!)] };
        default:
          return emptiness(col, c);
      }
    }
    case 'boolean':
      return { sql: `${col} = ${c.op === 'isTrue' ? 1 : 0}`, params: [] };
  }
  throw new CrmError('validation', `"${c.op}" does not apply to ${c.field}`, [{ path: 'op', message: 'Unsupported operator' }]);
}

function emptiness(col: string, c: FieldCondition): SqlPart {
  if (c.op === 'isEmpty') return { sql: `(${col} IS NULL OR ${col} = '')`, params: [] };
  if (c.op === 'isNotEmpty') return { sql: `(${col} IS NOT NULL AND ${col} <> '')`, params: [] };
  throw new CrmError('validation', `"${c.op}" does not apply to ${c.field}`, [{ path: 'op', message: 'Unsupported operator' }]);
}

function money(where: { amount: string; currency: string }, c: FieldCondition): SqlPart {
  const { amount, currency } = where;
  switch (c.op) {
    case 'equals':
      return { sql: `(${currency} = ? AND ${amount} = ?)`, params: [c.currency, c.value] };
    case 'gt':
      return { sql: `(${currency} = ? AND ${amount} > ?)`, params: [c.currency, c.value] };
    case 'lt':
      return { sql: `(${currency} = ? AND ${amount} < ?)`, params: [c.currency, c.value] };
    case 'between':
      return { sql: `(${currency} = ? AND ${amount} BETWEEN ? AND ?)`, params: [c.currency, c.from, c.to] };
    case 'isEmpty':
      return { sql: `${amount} IS NULL`, params: [] };
    case 'isNotEmpty':
      return { sql: `${amount} IS NOT NULL`, params: [] };
    default:
      throw new CrmError('validation', `"${c.op}" does not apply to ${c.field}`, [{ path: 'op', message: 'Unsupported operator' }]);
  }
}

// ---------------------------------------------------------------- related facts

/*
 * Related facts (won opportunities, open pipeline, last activity, the account's fields) are asked as sets or as
 * probes (RelatedStrategy above). Sets never hold NULL, so NOT IN is exact; every fact is true or false.
 */
/** Opportunities in a stage of this kind, alive; `extra` narrows them further. */
const OPPORTUNITIES = (kind: 'won' | 'open', extra: string) =>
  `FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id WHERE o.deleted_at IS NULL AND s.kind = '${kind}' AND ${extra}`;

function fact(c: FactCondition, ctx: Ctx): SqlPart {
  switch (c.fact) {
    case 'wonOpportunity':
      return won(c.withinMonths, ctx);
    case 'openPipeline':
      return pipeline(c, ctx);
    case 'lastActivity':
      return lastActivity(c, ctx);
    case 'tag':
      return tags(c, ctx);
    case 'customPick':
      return customPick(c, ctx);
  }
}

/**
 * Tags: "any" — the record carries at least one of them; "all" — every one (the ids are distinct, and a record
 * carries a tag once); "none" — not one of them (an untagged record included). Unknown ids match no record.
 */
function tags(c: Extract<FactCondition, { fact: 'tag' }>, ctx: Ctx): SqlPart {
  const ids = c.tagIds;
  const all = c.op === 'all' ? ` GROUP BY rt.record_id HAVING COUNT(*) = ${ids.length}` : '';
  if (ctx.related === 'sets') {
    const set = `SELECT rt.record_id FROM record_tags rt WHERE rt.entity = ? AND rt.tag_id IN (${marks(ids.length)})${all}`;
    return { sql: `r.id ${c.op === 'none' ? 'NOT IN' : 'IN'} (${set})`, params: [ctx.entity, ...ids] };
  }
  const from = `FROM record_tags rt WHERE rt.entity = ? AND rt.record_id = r.id AND rt.tag_id IN (${marks(ids.length)})`;
  if (c.op === 'all') return { sql: `(SELECT COUNT(*) ${from}) = ${ids.length}`, params: [ctx.entity, ...ids] };
  return { sql: `${c.op === 'none' ? 'NOT ' : ''}EXISTS (SELECT 1 ${from})`, params: [ctx.entity, ...ids] };
}

/**
 * A custom picklist (the field is the entity's; checked before counting and saving): "any of" — one of the
 * values is chosen; "none of" — none is (no value included); "empty" — no value; "not empty" — some value.
 */
function customPick(c: Extract<FactCondition, { fact: 'customPick' }>, ctx: Ctx): SqlPart {
  const values = c.op === 'anyOf' || c.op === 'noneOf' ? (c.values ?? []) : [];
  const which = values.length ? ` AND v.value IN (${marks(values.length)})` : '';
  const holds = c.op === 'anyOf' || c.op === 'notEmpty';
  if (ctx.related === 'sets') {
    return { sql: `r.id ${holds ? 'IN' : 'NOT IN'} (SELECT v.record_id FROM custom_field_values v WHERE v.field_id = ?${which})`, params: [c.fieldId, ...values] };
  }
  // The primary key (field_id, record_id, value) serves the probe.
  return { sql: `${holds ? '' : 'NOT '}EXISTS (SELECT 1 FROM custom_field_values v WHERE v.field_id = ? AND v.record_id = r.id${which})`, params: [c.fieldId, ...values] };
}

/** Won (closed) since the same day N months ago: an account's own, a contact's account's or as primary contact. */
function won(months: number, ctx: Ctx): SqlPart {
  const since = addMonths(ctx.today, -months);
  if (ctx.entity === 'lead') return FALSE;
  if (ctx.related === 'sets') {
    const set = (col: string) => `SELECT o.${col} ${OPPORTUNITIES('won', `o.closed_at >= ? AND o.${col} IS NOT NULL`)}`;
    if (ctx.entity === 'account') return { sql: `r.id IN (${set('account_id')})`, params: [since] };
    return { sql: `(r.id IN (${set('primary_contact_id')}) OR (r.account_id IS NOT NULL AND r.account_id IN (${set('account_id')})))`, params: [since, since] };
  }
  // `+o.closed_at`: look up by account or contact, not by the closing date.
  const probe = (link: string) => `EXISTS (SELECT 1 ${OPPORTUNITIES('won', `+o.closed_at >= ? AND ${link}`)})`;
  if (ctx.entity === 'account') return { sql: probe('o.account_id = r.id'), params: [since] };
  return { sql: `(${probe('o.primary_contact_id = r.id')} OR ${probe('o.account_id = r.account_id')})`, params: [since, since] };
}

/**
 * A touch is an activity's completion, end, start or creation, whichever comes first in that order, not in the
 * future. "Within the last N days": a touch since the start of today − N; "more than N days ago": none since then
 * (never touched included); "never": no touch at all.
 */
function lastActivity(c: Extract<FactCondition, { fact: 'lastActivity' }>, ctx: Ctx): SqlPart {
  const link = SEGMENT_TABLES[ctx.entity].activityLink;
  const touch = 'COALESCE(t.completed_at, t.ends_at, t.starts_at, t.created_at)';
  const recent = c.op === 'never' ? { sql: '', params: [ctx.now] } : { sql: ` AND ${touch} >= ?`, params: [ctx.now, addDays(ctx.today, -c.days!)] };
  const holds = c.op === 'withinLastDays';
  if (ctx.related === 'sets') {
    const set = `SELECT t.${link} FROM activities t WHERE t.${link} IS NOT NULL AND t.deleted_at IS NULL AND ${touch} <= ?${recent.sql}`;
    return { sql: `r.id ${holds ? 'IN' : 'NOT IN'} (${set})`, params: recent.params };
  }
  const probe = `EXISTS (SELECT 1 FROM activities t WHERE t.${link} = r.id AND t.deleted_at IS NULL AND ${touch} <= ?${recent.sql})`;
  return { sql: holds ? probe : `NOT ${probe}`, params: recent.params };
}

/**
 * The sum of open opportunities in one currency, compared with an amount.
 * Amounts are never negative, so a record without open opportunities sums to 0:
 * "more than X" needs at least one; "less than X" holds for it when X > 0.
 */
function pipeline(c: Extract<FactCondition, { fact: 'openPipeline' }>, ctx: Ctx): SqlPart {
  if (ctx.entity === 'lead') return FALSE;
  // `+o.currency`, `+o.deleted_at`: look up by account or contact, not by the currency (every deal in it).
  const open = `FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id WHERE +o.deleted_at IS NULL AND s.kind = 'open' AND +o.currency = ?`;
  const accountSum = (of: string) => `(SELECT COALESCE(SUM(o.amount_minor), 0) ${open} AND o.account_id = ${of})`;
  if (ctx.entity === 'account') {
    if (ctx.related === 'probes') return { sql: `${accountSum('r.id')} ${c.op === 'gt' ? '>' : '<'} ?`, params: [c.currency, c.amountMinor] };
    const totals = `SELECT o.account_id ${OPPORTUNITIES('open', 'o.currency = ? AND o.account_id IS NOT NULL')}
      GROUP BY o.account_id HAVING SUM(o.amount_minor) ${c.op === 'gt' ? '>' : '>='} ?`;
    if (c.op === 'gt') return { sql: `r.id IN (${totals})`, params: [c.currency, c.amountMinor] };
    return c.amountMinor === 0 ? FALSE : { sql: `r.id NOT IN (${totals})`, params: [c.currency, c.amountMinor] };
  }
  // A contact's opportunities: its account's and those it is the primary contact of, each counted once.
  const sum = `(${accountSum('r.account_id')}
      + (SELECT COALESCE(SUM(o.amount_minor), 0) ${open} AND o.primary_contact_id = r.id AND (r.account_id IS NULL OR o.account_id IS NULL OR o.account_id <> r.account_id)))`;
  if (ctx.related === 'probes') return { sql: `${sum} ${c.op === 'gt' ? '>' : '<'} ?`, params: [c.currency, c.currency, c.amountMinor] };
  // Its sum is at least its account's, so an account above the amount settles it from a set; only primary
  // contacts (few) need their exact sum.
  const reaches = (cmp: '>' | '>=') => {
    const accounts = `SELECT o.account_id ${OPPORTUNITIES('open', 'o.currency = ? AND o.account_id IS NOT NULL')}
      GROUP BY o.account_id HAVING SUM(o.amount_minor) ${cmp} ?`;
    const primaries = `SELECT o.primary_contact_id ${OPPORTUNITIES('open', 'o.currency = ? AND o.primary_contact_id IS NOT NULL')}`;
    return {
      sql: `((r.account_id IS NOT NULL AND r.account_id IN (${accounts})) OR (r.id IN (${primaries}) AND ${sum} ${cmp} ?))`,
      params: [c.currency, c.amountMinor, c.currency, c.currency, c.currency, c.amountMinor],
    };
  };
  if (c.op === 'gt') return reaches('>');
  if (c.amountMinor === 0) return FALSE;
  const atLeast = reaches('>=');
  return { sql: `NOT ${atLeast.sql}`, params: atLeast.params };
}
