import type { Database } from 'better-sqlite3';
import { AssignmentSettings } from '../../../../../shared/contract/territories';
import type { PickerState } from './owner-picker';
import { compileModel, type AssignableRecord, type MemberRow, type RuleField, type RuleRow, type TerritoryModel, type TerritoryRow } from './territory-model';

export function loadModel(db: Database): TerritoryModel {
  const territories = db
    .prepare(`SELECT id, name, parent_id, position, method, fixed_owner_id, fallback_owner_id, round_robin_next, active FROM territories`)
    .all() as TerritoryRow[];
  const rules = db.prepare(`SELECT id, territory_id, position, field, config FROM territory_rules`).all() as RuleRow[];
  const members = db.prepare(`SELECT territory_id, user_id, position FROM territory_members`).all() as MemberRow[];
  return compileModel(territories, rules, members);
}

export function loadSettings(db: Database): AssignmentSettings {
  const row = db.prepare(`SELECT value FROM app_settings WHERE key = 'assignment'`).get() as { value: string } | undefined;
  try {
    const parsed = AssignmentSettings.safeParse(row ? JSON.parse(row.value) : {});
    return parsed.success ? parsed.data : AssignmentSettings.parse({});
  } catch {
    return AssignmentSettings.parse({});
  }
}

/**
 * Active users' capacities and their open load. A batch reads every load at
 * once (two GROUP BYs); a single new record only its candidates' (indexed counts).
 */
export function loadPickerState(db: Database, excluded: Iterable<number>, queueOwnerId: number | null, onlyUsers?: readonly number[]): PickerState {
  const capacities = new Map(
    (db.prepare(`SELECT id, capacity FROM users WHERE active = 1`).all() as { id: number; capacity: number }[]).map((u) => [u.id, u.capacity] as const),
  );
  const loads = new Map<number, number>();
  const add = (rows: { owner_id: number; n: number }[]) => rows.forEach((r) => loads.set(r.owner_id, (loads.get(r.owner_id) ?? 0) + r.n));
  if (onlyUsers) {
    const leads = db.prepare(`SELECT COUNT(*) FROM leads WHERE owner_id = ? AND ${OPEN_LEAD}`).pluck();
    const opps = db.prepare(`SELECT COUNT(*) FROM opportunities WHERE owner_id = ? AND deleted_at IS NULL AND closed_at IS NULL`).pluck();
    for (const id of onlyUsers) loads.set(id, (leads.get(id) as number) + (opps.get(id) as number));
  } else {
    add(db.prepare(`SELECT owner_id, COUNT(*) AS n FROM leads WHERE ${OPEN_LEAD} GROUP BY owner_id`).all() as never);
    add(db.prepare(`SELECT owner_id, COUNT(*) AS n FROM opportunities WHERE deleted_at IS NULL AND closed_at IS NULL GROUP BY owner_id`).all() as never);
  }
  return { capacities, loads, excluded: new Set(excluded), queueOwnerId };
}

export const OPEN_LEAD = `deleted_at IS NULL AND status NOT IN ('converted', 'disqualified')`;

/** Where each part of AssignableRecord comes from, per table, in the order toRecord reads them; the field is the rule field that needs it. */
const COLUMNS: { field: RuleField | null; account: string; lead: string }[] = [
  { field: null, account: `'account'`, lead: `'lead'` },
  { field: null, account: 'id', lead: 'id' },
  { field: null, account: 'name', lead: `TRIM(COALESCE(company || ' – ', '') || COALESCE(first_name || ' ', '') || last_name)` },
  { field: null, account: 'owner_id', lead: 'owner_id' },
  { field: null, account: 'territory_id', lead: 'territory_id' },
  { field: null, account: 'owner_locked', lead: 'owner_locked' },
  { field: 'country', account: 'billing_country', lead: 'country' },
  { field: 'region', account: 'billing_region', lead: 'region' },
  { field: 'city', account: 'billing_city', lead: 'city' },
  { field: 'postcode', account: 'billing_postcode', lead: 'postcode' },
  { field: 'industry', account: 'industry', lead: 'industry' },
  { field: 'employees', account: 'employees', lead: 'employees' },
  { field: 'revenue', account: 'annual_revenue_minor', lead: 'NULL' },
  { field: 'revenue', account: 'annual_revenue_currency', lead: 'NULL' },
  { field: 'leadSource', account: 'NULL', lead: 'source' },
];
const NAME = 2;

/**
 * The select list for one table: the columns `fields` (every field when
 * undefined) and the name need, NULL for the rest. Strings are most of the
 * cost of reading 100k rows into JavaScript, and a realignment by country
 * needs one of the eight.
 */
function selectList(table: 'account' | 'lead', fields: ReadonlySet<RuleField> | undefined, withNames: boolean): string {
  return COLUMNS.map((c, i) => {
    const wanted = i === NAME ? withNames : c.field === null || fields === undefined || fields.has(c.field);
    return wanted ? c[table] : i === NAME ? "''" : 'NULL';
  }).join(', ');
}

type RawRecord = [AssignableRecord['entity'], number, string, number, number | null, number, ...(string | number | null)[]];

const toRecord = (r: RawRecord): AssignableRecord => ({
  entity: r[0],
  id: r[1],
  name: r[2],
  ownerId: r[3],
  territoryId: r[4],
  ownerLocked: r[5] === 1,
  country: r[6] as string | null,
  region: r[7] as string | null,
  city: r[8] as string | null,
  postcode: r[9] as string | null,
  industry: r[10] as string | null,
  employees: r[11] as number | null,
  revenueMinor: r[12] as number | null,
  revenueCurrency: r[13] as string | null,
  leadSource: r[14] as string | null,
});

export interface RecordsQuery {
  /** Only this owner's records. */
  ownerId?: number | null;
  /** Names cost a string per row: a realignment of 100k records never shows them. */
  withNames?: boolean;
  /** The rule fields to read; the others come back null. Every field when left out. */
  fields?: ReadonlySet<RuleField>;
}

/** Live accounts and open leads in id order (raw rows: arrays are much cheaper than objects at 100k). */
export function loadRecords(db: Database, q: RecordsQuery = {}): AssignableRecord[] {
  const owner = q.ownerId == null ? '' : ' AND owner_id = ?';
  const params = q.ownerId == null ? [] : [q.ownerId];
  const withNames = q.withNames ?? false;
  const accounts = db.prepare(`SELECT ${selectList('account', q.fields, withNames)} FROM accounts WHERE deleted_at IS NULL${owner} ORDER BY id`).raw().all(...params) as RawRecord[];
  const leads = db.prepare(`SELECT ${selectList('lead', q.fields, withNames)} FROM leads WHERE ${OPEN_LEAD}${owner} ORDER BY id`).raw().all(...params) as RawRecord[];
  const out: AssignableRecord[] = new Array(accounts.length + leads.length);
  let i = 0;
  for (const r of accounts) out[i++] = toRecord(r);
  for (const r of leads) out[i++] = toRecord(r);
  return out;
}

export function loadRecord(db: Database, entity: 'account' | 'lead', id: number): AssignableRecord | null {
  const table = entity === 'account' ? 'accounts' : 'leads';
  const row = db.prepare(`SELECT ${selectList(entity, undefined, true)} FROM ${table} WHERE id = ? AND deleted_at IS NULL`).raw().get(id);
  return row ? toRecord(row as RawRecord) : null;
}

/** Open opportunities per account: the load an account brings its new owner, since they follow it. */
export function openOpportunitiesByAccount(db: Database): Map<number, number> {
  const rows = db
    .prepare(`SELECT account_id, COUNT(*) AS n FROM opportunities WHERE deleted_at IS NULL AND closed_at IS NULL AND account_id IS NOT NULL GROUP BY account_id`)
    .all() as { account_id: number; n: number }[];
  return new Map(rows.map((r) => [r.account_id, r.n]));
}
