import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ScoreReason, ScoringRule, ScoringRuleInput } from '../../../../shared/contract/leads';
import { foldForSort } from '../../../../shared/text';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';

type ParsedRule = z.output<typeof ScoringRuleInput>;

export interface StoredRule {
  id: number;
  label: string;
  kind: string;
  field: string | null;
  operator: string;
  value: string | null;
  points: number;
  position: number;
  active: number;
}

/** A lead's behaviour, read from its activities. */
export interface Behaviour {
  activities: number;
  /** Lower-cased outcomes of its calls. */
  callOutcomes: Set<string>;
  /** The latest touch (an activity done, held or logged, not in the future), or null. */
  lastTouch: string | null;
}

const FIELD_COLUMNS: Record<string, string> = {
  source: 'source',
  status: 'status',
  rating: 'rating',
  industry: 'industry',
  country: 'country',
  region: 'region',
  city: 'city',
  title: 'title',
  company: 'company',
  email: 'email',
  phone: 'phone',
  employees: 'employees',
};

const DAY = 86_400_000;
/** Leads that still get rescored when the rules change: not converted, not disqualified, not deleted. */
export const OPEN_LEADS = `deleted_at IS NULL AND status IN ('new', 'working', 'qualified')`;
const BATCH = 500;

/** Rules as stored → the contract shape. `value` holds JSON for lists and a number as text otherwise. */
export function ruleFromRow(r: StoredRule): ScoringRule {
  const base = { id: r.id, label: r.label, points: r.points, active: r.active === 1 };
  switch (r.kind) {
    case 'activities':
      return { ...base, kind: 'activities', count: Number(r.value) };
    case 'calls':
      return { ...base, kind: 'calls', outcomes: JSON.parse(r.value ?? '[]') };
    case 'days_since_touch':
      return { ...base, kind: 'days_since_touch', days: Number(r.value) };
    default:
      return { ...base, kind: 'field', field: r.field as never, operator: r.operator as never, values: JSON.parse(r.value ?? '[]') };
  }
}

function ruleToColumns(r: ParsedRule): { kind: string; field: string | null; operator: string; value: string } {
  switch (r.kind) {
    case 'field':
      return { kind: 'field', field: r.field, operator: r.operator, value: JSON.stringify(r.values) };
    case 'activities':
      return { kind: 'activities', field: null, operator: 'gte', value: String(r.count) };
    case 'calls':
      return { kind: 'calls', field: null, operator: 'in', value: JSON.stringify(r.outcomes.map((o) => o.toLowerCase())) };
    case 'days_since_touch':
      return { kind: 'days_since_touch', field: null, operator: 'gt', value: String(r.days) };
  }
}

function fieldMatches(rule: Extract<ScoringRule, { kind: 'field' }>, lead: Record<string, unknown>): boolean {
  const raw = lead[FIELD_COLUMNS[rule.field]!];
  if (rule.operator === 'notBlank') return raw !== null && raw !== undefined && String(raw).trim() !== '';
  if (raw === null || raw === undefined) return false;
  if (rule.field === 'employees') {
    const n = Number(raw);
    const v = rule.values.map(Number);
    switch (rule.operator) {
      case 'equals':
        return n === v[0];
      case 'notEquals':
        return n !== v[0];
      case 'in':
        return v.includes(n);
      case 'gte':
        return n >= v[0]!;
      case 'lte':
        return n <= v[0]!;
    }
  }
  const text = foldForSort(String(raw));
  const values = rule.values.map((v) => foldForSort(v));
  switch (rule.operator) {
    case 'equals':
      return text === values[0];
    case 'notEquals':
      return text !== values[0];
    case 'in':
      return values.includes(text);
    default:
      return false;
  }
}

/** The points and the reasons for them; rules apply in order, inactive ones are skipped. */
export function scoreLead(rules: ScoringRule[], lead: Record<string, unknown>, behaviour: Behaviour, now: string): { score: number; reasons: ScoreReason[] } {
  const reasons: ScoreReason[] = [];
  for (const rule of rules) {
    if (!rule.active) continue;
    let hit = false;
    switch (rule.kind) {
      case 'field':
        hit = fieldMatches(rule, lead);
        break;
      case 'activities':
        hit = behaviour.activities >= rule.count;
        break;
      case 'calls':
        hit = rule.outcomes.some((o) => behaviour.callOutcomes.has(o.toLowerCase()));
        break;
      case 'days_since_touch': {
        const last = behaviour.lastTouch ?? (lead.created_at as string);
        hit = Math.floor((Date.parse(now) - Date.parse(last)) / DAY) > rule.days;
        break;
      }
    }
    if (hit) reasons.push({ label: rule.label, points: rule.points });
  }
  return { score: reasons.reduce((s, r) => s + r.points, 0), reasons };
}

/** The new score, reasons and last touch of a stored lead, or null when they are what is stored already. */
export function rescored(
  rules: ScoringRule[],
  lead: Record<string, unknown>,
  behaviour: Behaviour | undefined,
  now: string,
): { score: number; score_reasons: string; last_touch_at: string | null } | null {
  // The last touch is the lead's latest activity (not in the future), so deleting one can move it back.
  const b = behaviour ?? { activities: 0, callOutcomes: new Set<string>(), lastTouch: null };
  const { score, reasons } = scoreLead(rules, lead, b, now);
  const json = JSON.stringify(reasons);
  if (score === lead.score && json === lead.score_reasons && b.lastTouch === lead.last_touch_at) return null;
  return { score, score_reasons: json, last_touch_at: b.lastTouch };
}

export const RULES_SQL = `SELECT * FROM lead_scoring_rules ORDER BY position, id`;

/** Per lead of the `?` list (after `now`): its activities and latest touch not in the future. */
export const behaviourCountsSql = (marks: string) =>
  `SELECT lead_id, COUNT(*) AS n,
          MAX(CASE WHEN COALESCE(completed_at, ends_at, starts_at, created_at) <= ? THEN COALESCE(completed_at, ends_at, starts_at, created_at) END) AS last_touch
     FROM activities WHERE lead_id IN (${marks}) AND deleted_at IS NULL GROUP BY lead_id`;

/** The distinct call outcomes of the leads of the `?` list. */
export const behaviourCallsSql = (marks: string) =>
  `SELECT DISTINCT lead_id, lower(outcome) AS outcome FROM activities
    WHERE lead_id IN (${marks}) AND deleted_at IS NULL AND type = 'call' AND outcome IS NOT NULL`;

export function behaviourOf(counts: { lead_id: number; n: number; last_touch: string | null }[], calls: { lead_id: number; outcome: string }[]): Map<number, Behaviour> {
  const out = new Map<number, Behaviour>();
  for (const c of counts) out.set(c.lead_id, { activities: c.n, callOutcomes: new Set(), lastTouch: c.last_touch });
  for (const c of calls) out.get(c.lead_id)?.callOutcomes.add(c.outcome);
  return out;
}

export class ScoringService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async listRules(em?: EntityManager): Promise<ScoringRule[]> {
    const rows = await (em ? new Sql(em) : this.sql).all<StoredRule>(RULES_SQL);
    return rows.map(ruleFromRow);
  }

  /** Replaces the ordered rule set, then rescores every open lead in the same transaction. */
  async saveRules(em: EntityManager, rules: ParsedRule[], ctx: CallContext): Promise<ScoringRule[]> {
    const sql = new Sql(em);
    const now = ctx.now();
    await sql.run(`DELETE FROM lead_scoring_rules`);
    for (const [position, rule] of rules.entries()) {
      const c = ruleToColumns(rule);
      await sql.run(
        `INSERT INTO lead_scoring_rules (label, kind, field, operator, value, points, position, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [rule.label, c.kind, c.field, c.operator, c.value, rule.points, position, rule.active ? 1 : 0, now],
      );
    }
    await this.rescoreWhere(em, OPEN_LEADS, [], now);
    return this.listRules(em);
  }

  /**
   * Recomputes score and reasons of the leads matching `where`, in batches of
   * 500 by id: one query for the leads, two set-based ones for their
   * activities, and an UPDATE only where the score or the last touch changed.
   * Derived values: no version bump, no audit row.
   */
  async rescoreWhere(em: EntityManager, where: string, params: unknown[], now: string): Promise<number> {
    const sql = new Sql(em);
    const rules = await this.listRules(em);
    let after = 0;
    let changed = 0;
    for (;;) {
      const leads = await sql.all<Record<string, unknown> & { id: number; score: number; score_reasons: string }>(
        `SELECT * FROM leads WHERE id > ? AND (${where}) ORDER BY id LIMIT ${BATCH}`,
        [after, ...params],
      );
      if (!leads.length) break;
      after = leads[leads.length - 1]!.id;
      const behaviour = await loadBehaviour(sql, leads.map((l) => l.id), now);
      for (const lead of leads) {
        const next = rescored(rules, lead, behaviour.get(lead.id), now);
        if (next) {
          await sql.run(`UPDATE leads SET score = ?, score_reasons = ?, last_touch_at = ? WHERE id = ?`, [next.score, next.score_reasons, next.last_touch_at, lead.id]);
          changed++;
        }
      }
      if (leads.length < BATCH) break;
    }
    return changed;
  }

  rescoreOne(em: EntityManager, id: number, now: string): Promise<number> {
    return this.rescoreWhere(em, 'id = ?', [id], now);
  }
}

async function loadBehaviour(sql: Sql, ids: number[], now: string): Promise<Map<number, Behaviour>> {
  const marks = ids.map(() => '?').join(', ');
  const counts = await sql.all<{ lead_id: number; n: number; last_touch: string | null }>(behaviourCountsSql(marks), [now, ...ids]);
  const calls = await sql.all<{ lead_id: number; outcome: string }>(behaviourCallsSql(marks), ids);
  return behaviourOf(counts, calls);
}
