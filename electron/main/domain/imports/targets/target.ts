import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ImportSpec } from '../../../../../shared/contract/imports';
import { IMPORT_FIELDS, type ImportField, type ImportTarget } from '../../../../../shared/imports/fields';
import type { ColumnValues } from '../../records/record-store';
import { fieldValue } from '../engine/field-values';
import type { Found, Lookups } from '../engine/lookups';

export interface FieldError {
  /** A field key, or null for the row as a whole. */
  field: string | null;
  message: string;
}

/** What one row will do, decided before anything is written. */
export type RowPlan =
  | {
      action: 'create';
      columns: ColumnValues;
      externalId: string | null;
      /** A contact's account that does not exist yet and is to be created first (by name). */
      newAccount: string | null;
      /** No owner in the file: accounts are assigned by the territory rules, contacts take their account's owner. */
      ownerFromRules: boolean;
    }
  | { action: 'update'; id: number; columns: ColumnValues; before: ColumnValues; externalId: string | null }
  | { action: 'unchanged'; id: number };

export type PlanOutcome = { ok: true; plan: RowPlan } | { ok: false; errors: FieldError[] };

export interface PlanContext {
  db: Database;
  spec: ImportSpec;
  lookups: Lookups;
  userId: number;
}

export interface TargetHandler {
  entity: 'contact' | 'account';
  table: string;
  /** The key an update or upsert finds records by when the spec names none. */
  defaultKey(spec: ImportSpec): ImportSpec['key'];
  plan(values: Map<string, string>, ctx: PlanContext): PlanOutcome;
}

/** Cell text → typed values, keyed by field; a cell that is not a valid value of its type is an error of its field. */
export function typedValues(target: ImportTarget, raw: Map<string, string>, spec: ImportSpec): { values: Map<string, unknown>; errors: FieldError[] } {
  const values = new Map<string, unknown>();
  const errors: FieldError[] = [];
  for (const [key, text] of raw) {
    const field = IMPORT_FIELDS[target].find((f) => f.key === key) as ImportField;
    const parsed = fieldValue(field, text, spec);
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
  if (text === undefined) return null;
  const user = ctx.lookups.user(text);
  if (!user.ok) {
    errors.push({ field: 'owner', message: user.message });
    return null;
  }
  return user.id;
}
