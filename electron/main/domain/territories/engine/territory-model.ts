import type { AssignmentMethod, TerritoryRule } from '../../../../../shared/contract/territories';
import { foldForSort } from '../../../../../shared/text';
import { normalizePostcode, postcodeMatches } from './postcode';

/** What the engine reads of an account or a lead. */
export interface AssignableRecord {
  entity: 'account' | 'lead';
  id: number;
  name: string;
  ownerId: number;
  territoryId: number | null;
  ownerLocked: boolean;
  country: string | null;
  region: string | null;
  city: string | null;
  postcode: string | null;
  industry: string | null;
  employees: number | null;
  revenueMinor: number | null;
  revenueCurrency: string | null;
  /** Leads only. */
  leadSource: string | null;
}

export interface TerritoryRow {
  id: number;
  name: string;
  parent_id: number | null;
  position: number;
  method: AssignmentMethod;
  fixed_owner_id: number | null;
  fallback_owner_id: number | null;
  round_robin_next: number;
  active: number;
}

export interface RuleRow {
  id: number;
  territory_id: number;
  position: number;
  field: TerritoryRule['field'];
  config: string;
}

export interface MemberRow {
  territory_id: number;
  user_id: number;
  position: number;
}

type Predicate = (r: AssignableRecord, folded: FoldedFields) => boolean;

interface FoldedFields {
  region: string;
  city: string;
  postcode: string | null;
}

export interface CompiledTerritory {
  id: number;
  name: string;
  parentId: number | null;
  depth: number;
  /** Position in a pre-order walk of the tree: earlier wins a tie. */
  order: number;
  method: AssignmentMethod;
  fixedOwnerId: number | null;
  fallbackOwnerId: number | null;
  roundRobinNext: number;
  /** Active in itself and in every ancestor. */
  active: boolean;
  memberIds: number[];
  /** Own and inherited criteria: all must hold. */
  criteria: Criterion[];
  /** The id of the territory's own last rule (the most specific thing it checks), for the history. */
  ownRuleId: number | null;
}

export type RuleField = TerritoryRule['field'];

export interface Criterion {
  ruleId: number;
  field: RuleField;
  test: Predicate;
}

export interface TerritoryModel {
  territories: Map<number, CompiledTerritory>;
  /** Active territories, most specific first (deepest, then most criteria, then tree order). */
  ranked: CompiledTerritory[];
  /** What the ranked territories' criteria read: the only record fields worth loading and folding. */
  fields: ReadonlySet<RuleField>;
}

/** A model of just these territories (most specific first), such as a draft being edited. */
export function rankedModel(territories: Map<number, CompiledTerritory>, ranked: CompiledTerritory[]): TerritoryModel {
  return { territories, ranked, fields: new Set(ranked.flatMap((t) => t.criteria.map((c) => c.field))) };
}

export function parseRule(row: RuleRow): TerritoryRule | null {
  try {
    return { field: row.field, ...(JSON.parse(row.config) as object) } as TerritoryRule;
  } catch {
    return null;
  }
}

/** Turns one stored criterion into a test; a criterion about a field the record does not have never matches. */
export function compileRule(rule: TerritoryRule): Predicate {
  switch (rule.field) {
    case 'country': {
      const set = new Set(rule.values);
      return (r) => r.country !== null && set.has(r.country);
    }
    case 'region': {
      const set = new Set(rule.values.map(foldForSort));
      return (_r, f) => f.region !== '' && set.has(f.region);
    }
    case 'city': {
      const set = new Set(rule.values.map(foldForSort));
      return (_r, f) => f.city !== '' && set.has(f.city);
    }
    case 'postcode': {
      const criterion = { prefixes: rule.prefixes.map((p) => normalizePostcode(p) ?? p), ranges: rule.ranges };
      return (_r, f) => postcodeMatches(f.postcode, criterion);
    }
    case 'industry': {
      const set = new Set<string>(rule.values);
      return (r) => r.industry !== null && set.has(r.industry);
    }
    case 'employees':
      return (r) => r.employees !== null && (rule.band.min === null || r.employees >= rule.band.min) && (rule.band.max === null || r.employees <= rule.band.max);
    case 'revenue':
      return (r) =>
        r.revenueMinor !== null &&
        r.revenueCurrency === rule.currency &&
        (rule.band.min === null || r.revenueMinor >= rule.band.min) &&
        (rule.band.max === null || r.revenueMinor <= rule.band.max);
    case 'leadSource': {
      const set = new Set<string>(rule.values);
      return (r) => r.leadSource !== null && set.has(r.leadSource);
    }
  }
}

export function compileModel(territories: TerritoryRow[], rules: RuleRow[], members: MemberRow[]): TerritoryModel {
  const byParent = new Map<number | null, TerritoryRow[]>();
  for (const t of territories) {
    const siblings = byParent.get(t.parent_id) ?? [];
    siblings.push(t);
    byParent.set(t.parent_id, siblings);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const rulesOf = new Map<number, RuleRow[]>();
  for (const r of [...rules].sort((a, b) => a.position - b.position || a.id - b.id)) {
    const list = rulesOf.get(r.territory_id) ?? [];
    list.push(r);
    rulesOf.set(r.territory_id, list);
  }
  const membersOf = new Map<number, number[]>();
  for (const m of [...members].sort((a, b) => a.position - b.position)) {
    const list = membersOf.get(m.territory_id) ?? [];
    list.push(m.user_id);
    membersOf.set(m.territory_id, list);
  }

  const out = new Map<number, CompiledTerritory>();
  let order = 0;
  const walk = (parent: CompiledTerritory | null, rows: TerritoryRow[]) => {
    for (const row of rows) {
      const own = (rulesOf.get(row.id) ?? []).flatMap((r) => {
        const rule = parseRule(r);
        return rule ? [{ ruleId: r.id, field: rule.field, test: compileRule(rule) }] : [];
      });
      const t: CompiledTerritory = {
        id: row.id,
        name: row.name,
        parentId: row.parent_id,
        depth: parent ? parent.depth + 1 : 0,
        order: order++,
        method: row.method,
        fixedOwnerId: row.fixed_owner_id,
        fallbackOwnerId: row.fallback_owner_id,
        roundRobinNext: row.round_robin_next,
        active: row.active === 1 && (parent ? parent.active : true),
        memberIds: membersOf.get(row.id) ?? [],
        criteria: [...(parent?.criteria ?? []), ...own],
        ownRuleId: own.length ? own[own.length - 1]!.ruleId : null,
      };
      out.set(t.id, t);
      walk(t, byParent.get(row.id) ?? []);
    }
  };
  walk(null, byParent.get(null) ?? []);
  const ranked = [...out.values()]
    .filter((t) => t.active)
    .sort((a, b) => b.depth - a.depth || b.criteria.length - a.criteria.length || a.order - b.order);
  return rankedModel(out, ranked);
}

// Cities and regions repeat across thousands of records: fold each distinct text once.
const foldCache = new Map<string, string>();
function fold(text: string | null): string {
  if (!text) return '';
  let folded = foldCache.get(text);
  if (folded === undefined) {
    if (foldCache.size > 100_000) foldCache.clear();
    folded = foldForSort(text);
    foldCache.set(text, folded);
  }
  return folded;
}

/** The most specific active territory whose criteria (and its ancestors') all hold, or null: the fallback queue. */
export function matchTerritory(model: TerritoryModel, record: AssignableRecord): CompiledTerritory | null {
  // Folded only for fields some rule compares: a realignment by country folds nothing.
  const f = model.fields;
  const folded: FoldedFields = {
    region: f.has('region') ? fold(record.region) : '',
    city: f.has('city') ? fold(record.city) : '',
    postcode: f.has('postcode') ? normalizePostcode(record.postcode) : null,
  };
  for (const t of model.ranked) {
    if (t.criteria.every((c) => c.test(record, folded))) return t;
  }
  return null;
}
