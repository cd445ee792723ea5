import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ImportSpec } from '../../../../../shared/contract/imports';
import { IMPORT_FIELDS, optionSpelling, type ImportField, type ImportTarget } from '../../../../../shared/imports/fields';
import { CurrencyCode } from '../../../../../shared/money';
import type { ColumnValues } from '../../records/record-store';
import { fieldValue, type ValueStyle } from '../engine/field-values';
import type { Found, Lookups } from '../engine/lookups';
import type { ColumnList } from '../engine/batched-inserts';

export interface FieldError {
  /** A field key, or null for the row as a whole. */
  field: string | null;
  message: string;
}

export type ImportEntity = 'contact' | 'account' | 'lead' | 'opportunity' | 'product';

/** Tables of rows that come with a record; undo removes or restores them by id. */
export const RELATED_TABLES = ['opportunity_stage_history', 'price_book_entries'] as const;

/** A row of another table that goes with the record: an opportunity's stage change, a product's list price. */
export interface RelatedRow {
  table: (typeof RELATED_TABLES)[number];
  /** The row to change, or null to add one. */
  id: number | null;
  /** The column of an added row that points at the record. */
  recordColumn: string;
  values: ColumnValues;
  /** The earlier values of the columns a change overwrites; null for an added row. */
  before: ColumnValues | null;
}

/** What one row will do, decided before anything is written. */
export type RowPlan =
  | {
      action: 'create';
      columns: ColumnValues | ColumnList;
      externalId: string | null;
      /** A contact's account that does not exist yet and is to be created first (by name). */
      newAccount: string | null;
      /** No owner in the file: accounts and leads are assigned by the territory rules, contacts take their account's owner. */
      ownerFromRules: boolean;
      related?: RelatedRow[];
      /** A new contact's e-mail addresses: later rows of the file must find it by them before its keys are written. */
      emails?: readonly string[];
    }
  | { action: 'update'; id: number; columns: ColumnValues; before: ColumnValues; externalId: string | null; related?: RelatedRow[] }
  | { action: 'unchanged'; id: number };

export type PlanOutcome = { ok: true; plan: RowPlan } | { ok: false; errors: FieldError[] };

export interface PlanContext {
  db: Database;
  spec: ImportSpec;
  lookups: Lookups;
  userId: number;
  /** The import's clock: an opportunity closed by the import is closed now. */
  now: string;
}

export interface TargetHandler {
  entity: ImportEntity;
  table: string;
  /** The key an update or upsert finds records by when the spec names none. */
  defaultKey(spec: ImportSpec): ImportSpec['key'];
  /** New records may be written in batches: nothing of the row (related rows, in-file checks) reads them back from the table. */
  batchable?: true;
  /** The table's secondary indexes serve the grids, never the import's own look-ups: a big import may build them afresh at its end. */
  deferrableIndexes?: true;
  plan(values: Map<string, string>, ctx: PlanContext): PlanOutcome;
  /**
   * A new record's plan from what the import's reader thread prepared without
   * the database (contacts only); null when any look-up finds a problem, and
   * the row is then planned in full from its cells.
   */
  resolvePrepared?(prepared: unknown, ctx: PlanContext): PlanOutcome | null;
  /** Set-based work on everything the import wrote, once, before it commits (a dry run or a failed import skips it). */
  beforeCommit?(db: Database, importId: number, o: { userId: number; now: string; progress?: ((label: string, done: number, total: number | null) => void) | undefined }): void;
}

const FIELDS_BY_KEY = new Map<ImportTarget, Map<string, ImportField>>();

/** A target's fields by key, built once: each cell of a million rows looks its field up. */
export function fieldsByKey(target: ImportTarget): Map<string, ImportField> {
  let fields = FIELDS_BY_KEY.get(target);
  if (!fields) FIELDS_BY_KEY.set(target, (fields = new Map(IMPORT_FIELDS[target].map((f) => [f.key, f] as [string, ImportField]))));
  return fields;
}

/**
 * Cell text → typed values, keyed by field; a cell that is not a valid value of its type is an error of its field.
 * A row's own currency column, where the target has one, says what its money cells are in.
 */
export function typedValues(target: ImportTarget, raw: Map<string, string>, spec: ImportSpec): { values: Map<string, unknown>; errors: FieldError[] } {
  const values = new Map<string, unknown>();
  const errors: FieldError[] = [];
  let style: ValueStyle = spec;
  const currency = raw.get('currency');
  if (currency !== undefined) {
    const code = CurrencyCode.safeParse(currency.trim().toUpperCase());
    if (code.success) style = { locale: spec.locale, currency: code.data };
    else errors.push({ field: 'currency', message: `"${currency.trim()}": ${code.error.issues[0]!.message}` });
  }
  for (const [key, text] of raw) {
    if (key === 'currency') continue;
    const field = fieldsByKey(target).get(key)!;
    const parsed = fieldValue(field, field.kind === 'picklist' ? optionSpelling(field, text) : text, style);
    if (parsed.ok) values.set(key, parsed.value);
    else errors.push({ field: key, message: parsed.message });
  }
  return { values, errors };
}

/**
 * The row's errors so far plus the contract schema's, each pinned to the
 * import field it came from; a field already in error (its cell was not a
 * date, say) is not reported again as missing.
 */
export function withSchemaErrors(errors: FieldError[], schema: z.ZodError | null, fieldOf: (path: readonly PropertyKey[]) => string | null): FieldError[] {
  if (!schema) return errors;
  const known = new Set(errors.map((e) => e.field));
  return [...errors, ...schema.issues.map((i) => ({ field: fieldOf(i.path), message: i.message })).filter((e) => !known.has(e.field))];
}

/** Only the columns whose stored value differs, with what was there before. */
export function changedColumns(next: ColumnValues, current: Record<string, unknown>): { columns: ColumnValues; before: ColumnValues } {
  const columns: ColumnValues = {};
  const before: ColumnValues = {};
  for (const [col, value] of Object.entries(next)) {
    if ((current[col] ?? null) !== (value ?? null)) {
      columns[col] = value;
      before[col] = (current[col] ?? null) as ColumnValues[string];
    }
  }
  return { columns, before };
}

/** One existing record by the import's key, or why not. */
export function existing(found: Found, what: string): { id: number | null; error: string | null } {
  if (found.kind === 'one') return { id: found.id, error: null };
  if (found.kind === 'many') return { id: null, error: `${found.count} records have this ${what}: merge them first or import by external id` };
  return { id: null, error: null };
}

export function ownerId(values: Map<string, unknown>, ctx: PlanContext, errors: FieldError[]): number | null {
  const text = values.get('owner') as string | undefined;
  return text === undefined ? null : ownerIdOf(text, ctx, errors);
}

/** The user a row's owner cell names, or null with the reason in `errors`. */
export function ownerIdOf(text: string, ctx: PlanContext, errors: FieldError[]): number | null {
  const user = ctx.lookups.user(text);
  if (!user.ok) {
    errors.push({ field: 'owner', message: user.message });
    return null;
  }
  return user.id;
}

/**
 * The record an update or upsert changes, found by the import's key; null
 * when there is none (an upsert creates it) or the row is in error.
 */
export function recordByKey(
  ctx: PlanContext,
  key: { field: string; what: string; value: string | undefined; find: (value: string) => Found },
  noun: string,
  errors: FieldError[],
): number | null {
  if (key.value === undefined) {
    errors.push({ field: key.field, message: `The ${key.what} is needed to find the ${noun}` });
    return null;
  }
  const hit = existing(key.find(key.value), key.what);
  if (hit.error) errors.push({ field: key.field, message: hit.error });
  else if (hit.id === null && ctx.spec.mode === 'update') errors.push({ field: key.field, message: `No ${noun} has this ${key.what}: nothing to update` });
  return hit.id;
}

/** Records the import itself wrote (created or updated) of the target's entity, for work done on all of them at the end. */
export function importedIds(db: Database, importId: number, entity: ImportEntity): number[] {
  const ids = new Set<number>();
  for (const run of db.prepare(`SELECT record_id AS first, last_record_id AS last FROM import_changes WHERE import_id = ? AND entity = ?`).iterate(importId, entity) as Iterable<{ first: number; last: number }>) {
    for (let id = run.first; id <= run.last; id++) ids.add(id);
  }
  return [...ids];
}
