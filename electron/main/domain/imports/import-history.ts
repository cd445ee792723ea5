import type { Database } from 'better-sqlite3';
import Papa from 'papaparse';
import type { ImportBatch } from '../../../../shared/contract/imports';
import { IMPORT_FIELDS, type ImportTarget } from '../../../../shared/imports/fields';
import { CrmError } from '../../../../shared/errors';

interface BatchRow {
  id: number;
  target: ImportBatch['target'];
  mode: ImportBatch['mode'];
  file_name: string;
  status: ImportBatch['status'];
  row_count: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  failed_count: number;
  created_at: string;
  created_by_id: number;
  created_by_name: string;
  undone_at: string | null;
}

const SELECT = `SELECT i.*, u.name AS created_by_name FROM imports i JOIN users u ON u.id = i.created_by_id`;

function toBatch(r: BatchRow): ImportBatch {
  return {
    id: r.id,
    target: r.target,
    mode: r.mode,
    fileName: r.file_name,
    status: r.status,
    counts: { rows: r.row_count, created: r.created_count, updated: r.updated_count, unchanged: r.unchanged_count, failed: r.failed_count },
    createdAt: r.created_at,
    createdBy: { id: r.created_by_id, name: r.created_by_name },
    undoneAt: r.undone_at,
  };
}

export function importBatches(db: Database, limit: number): ImportBatch[] {
  return (db.prepare(`${SELECT} ORDER BY i.id DESC LIMIT ?`).all(limit) as BatchRow[]).map(toBatch);
}

export function importBatch(db: Database, id: number): ImportBatch {
  const row = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as BatchRow | undefined;
  if (!row) throw new CrmError('not_found', `There is no import with id ${id}.`);
  return toBatch(row);
}

/**
 * The rejected rows as a CSV to fix and import again: the file's own columns
 * with the original values, then the row number and the reasons. Values are
 * left as the user's file had them, so the fixed file imports cleanly.
 */
export function importErrorsCsv(db: Database, id: number): { fileName: string; csv: string } {
  const batch = db.prepare(`SELECT file_name, target, headers FROM imports WHERE id = ?`).get(id) as { file_name: string; target: ImportTarget; headers: string } | undefined;
  if (!batch) throw new CrmError('not_found', `There is no import with id ${id}.`);
  const labels = new Map(IMPORT_FIELDS[batch.target].map((f) => [f.key, f.label]));
  const headers = JSON.parse(batch.headers) as string[];
  const rows = new Map<number, { values: string[]; reasons: string[] }>();
  for (const e of db.prepare(`SELECT row, field, message, "values" FROM import_errors WHERE import_id = ? ORDER BY row, id`).all(id) as { row: number; field: string | null; message: string; values: string }[]) {
    const entry = rows.get(e.row) ?? { values: JSON.parse(e.values) as string[], reasons: [] };
    entry.reasons.push(e.field ? `${labels.get(e.field) ?? e.field}: ${e.message}` : e.message);
    rows.set(e.row, entry);
  }
  const data = [...rows].map(([row, r]) => [...headers.map((_, i) => r.values[i] ?? ''), String(row), r.reasons.join('; ')]);
  const base = batch.file_name.replace(/\.[^.]*$/, '');
  return { fileName: `${base}-errors.csv`, csv: '\uFEFF' + Papa.unparse({ fields: [...headers, 'Row', 'Errors'], data }, { newline: '\r\n' }) };
}
