import type { Database } from 'better-sqlite3';
import type { ImportSpec, RowError } from '../../../../../shared/contract/imports';
import { targetHandler } from '../targets';
import { importHeaders, readImportRows } from './import-file';
import { Lookups } from './lookups';
import { checkMapping } from './mapping-check';
import { mappedValues, widthError } from './row-values';

export interface PreviewRow {
  row: number;
  line: number;
  values: Record<string, string>;
  action: 'create' | 'update' | 'unchanged' | 'error';
  errors: RowError[];
}

/**
 * The first rows as the import would see them, validated against the
 * database but without writing: rows that depend on earlier rows of the same
 * file (an account created above) are judged by the dry run, not here.
 */
export async function previewRows(db: Database, spec: ImportSpec, path: string, by: { userId: number; now: string }, limit: number): Promise<PreviewRow[]> {
  const target = targetHandler(spec.target, db);
  const headers = await importHeaders(path, spec);
  checkMapping(spec, headers, target.defaultKey(spec)!);
  const ctx = { db, spec, lookups: new Lookups(db), ...by };
  const out: PreviewRow[] = [];
  for await (const record of readImportRows(path, spec, {})) {
    const values = mappedValues(record.values, spec.columns);
    const width = widthError(record.values, headers.length, record.row, record.line);
    const outcome = width ? null : target.plan(values, ctx);
    const errors: RowError[] = width ? [width] : outcome && !outcome.ok ? outcome.errors.map((e) => ({ row: record.row, line: record.line, ...e })) : [];
    const action = outcome?.ok ? outcome.plan.action : 'error';
    out.push({ row: record.row, line: record.line, values: Object.fromEntries(values), action, errors });
    if (out.length >= limit) break;
  }
  return out;
}
