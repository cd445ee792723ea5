import { stat } from 'node:fs/promises';
import type { Database } from 'better-sqlite3';
import type { ImportResult, ImportSpec, RowError } from '../../../../../shared/contract/imports';
import { CrmError } from '../../../../../shared/errors';
import { assignMany } from '../../territories/engine/assign-one';
import { targetHandler } from '../targets';
import { importHeaders, readImportRows } from './import-file';
import { Lookups } from './lookups';
import { checkMapping } from './mapping-check';
import { recordImport, type Counts, type KeptError } from './import-record';
import { INSERT_BATCH } from './batched-inserts';
import { DeferredIndexes } from './deferred-indexes';
import { RowWriter } from './row-writer';
import { indexCreatedRecords, pauseSearchIndexing } from './search-indexing';
import { mappedValues, widthError } from './row-values';
import type { CsvRecord } from '../csv/csv-types';
import type { PreparedContact } from '../targets/contact-prepare';
import { readPreparedRows } from '../worker/import-reader-client';

export interface RunImportOptions {
  db: Database;
  spec: ImportSpec;
  file: { path: string; name: string };
  userId: number;
  now: string;
  dryRun: boolean;
  signal?: AbortSignal;
  progress?: (label: string, done: number, total: number | null) => void;
  /** Files from this size up are read and prepared on a thread of their own (where the target can); tests set it low. */
  readerThreadFromBytes?: number;
}

/** Below this a thread's start costs more than it saves. */
export const READER_THREAD_FROM_BYTES = 2 << 20;

/** Beyond this many bad rows the file is most likely mapped wrong: stop instead of filling the history with errors. */
export const MAX_ERRORS = 100_000;
const SHOWN_ERRORS = 100;
const ASSIGN_CHUNK = 2_000;

const number = (n: number) => n.toLocaleString('en-US');

/**
 * Imports a file in one transaction on the caller's connection (the import
 * worker's): every row is validated, planned and written; all-or-nothing
 * rolls everything back at the first bad row's end of file, skip-and-report
 * keeps the good rows and records the bad ones. A dry run does all of it and
 * rolls back. A cancel or a crash leaves the database as it was.
 */
export async function runImport(o: RunImportOptions): Promise<ImportResult> {
  const { db, spec } = o;
  const target = targetHandler(spec.target, db);
  const headers = await importHeaders(o.file.path, spec);
  checkMapping(spec, headers, target.defaultKey(spec)!);
  const counts: Counts = { rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
  const errors: KeptError[] = [];
  const by = { userId: o.userId, now: o.now };
  const skipBad = spec.policy === 'skip_and_report';
  const batch = spec.mode === 'create' && !skipBad && target.batchable ? INSERT_BATCH : 1;
  // A batched contacts import checks its references once per value (reference-check.ts); the pragma only takes effect
  // outside a transaction. Not accounts: the territory rules give most of them their owner after the insert.
  const referencesOnce = batch > 1 && target.entity === 'contact';
  const checksOn = db.pragma('foreign_keys', { simple: true }) as number;
  const restoreChecks = () => db.pragma(`foreign_keys = ${checksOn ? 'ON' : 'OFF'}`);
  const end = (sql: 'COMMIT' | 'ROLLBACK') => {
    db.exec(sql);
    restoreChecks();
  };
  if (referencesOnce) db.pragma('foreign_keys = OFF');
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    restoreChecks();
    throw error;
  }
  try {
    const paused = pauseSearchIndexing(db);
    const importId = recordImport(db, { spec, fileName: o.file.name, headers, status: 'applied', counts, ...by }, []);
    const lookups = new Lookups(db, { createOnly: spec.mode === 'create' });
    const writer = new RowWriter(db, target, lookups, { importId, ...by, batch, referencesOnce });
    const deferred = batch > 1 && target.deferrableIndexes ? new DeferredIndexes(db, target.table) : null;
    writer.onAccountCreated = (id) => void assignMany(db, 'account', [id], by, { onCreate: true });
    const planCtx = { db, spec, lookups, userId: o.userId, now: o.now };
    const fail = (list: RowError[], values: readonly string[]) => {
      counts.failed++;
      for (const e of list) errors.push({ ...e, values });
      if (errors.length > MAX_ERRORS) throw new CrmError('validation', `More than ${number(MAX_ERRORS)} errors: check the mapping and the file's settings (encoding, delimiter, locale).`);
    };
    const savepoint = db.prepare('SAVEPOINT import_row');
    const release = db.prepare('RELEASE import_row');
    const rollbackRow = db.prepare('ROLLBACK TO import_row');

    const take = (record: CsvRecord, prepared: PreparedContact | null) => {
      counts.rows++;
      let outcome = prepared ? target.resolvePrepared!(prepared, planCtx) : null;
      if (!outcome) {
        const width = widthError(record.values, headers.length, record.row, record.line);
        if (width) {
          fail([width], record.values);
          return;
        }
        outcome = target.plan(mappedValues(record.values, spec.columns), planCtx);
      }
      if (!outcome.ok) {
        fail(outcome.errors.map((e) => ({ row: record.row, line: record.line, field: e.field, message: e.message })), record.values);
        return;
      }
      // Only skip-and-report keeps going past a row whose write fails, so only it needs the row undone on its own.
      if (skipBad) savepoint.run();
      try {
        const { changed } = writer.write(outcome.plan, record.line);
        if (outcome.plan.action === 'create') {
          counts.created++;
          deferred?.created(counts.created);
        }
        else if (changed) counts.updated++;
        else counts.unchanged++;
        if (skipBad) release.run();
      } catch (error) {
        if (!skipBad) throw error;
        rollbackRow.run();
        release.run();
        fail([{ row: record.row, line: record.line, field: null, message: error instanceof Error ? error.message : String(error) }], record.values);
      }
    };
    const onBytes = (done: number, total: number) => o.progress?.(`Importing: ${number(counts.rows)} rows`, done, total);
    // A big create-only contacts file: a second thread reads and prepares the rows while this one looks up and writes.
    const threaded = batch > 1 && target.resolvePrepared !== undefined && spec.format === 'csv' && (await stat(o.file.path)).size >= (o.readerThreadFromBytes ?? READER_THREAD_FROM_BYTES);
    if (threaded) {
      const today = new Date().toISOString().slice(0, 10);
      for await (const records of readPreparedRows(o.file.path, spec, { headerCount: headers.length, today, signal: o.signal, onBytes })) {
        for (const { record, prepared } of records) take(record, prepared);
      }
    } else {
      for await (const record of readImportRows(o.file.path, spec, { signal: o.signal, onBytes })) take(record, null);
    }
    if (counts.rows === 0) throw new CrmError('validation', 'The file has a header row but no data rows.');
    // Even a dry run writes the last batch: a row the database refuses must show there too.
    writer.flush();
    await honourCancel(o.signal);

    const shown = errors.slice(0, SHOWN_ERRORS).map(({ values: _values, ...e }) => e);
    if (o.dryRun) {
      end('ROLLBACK');
      const blocked = !skipBad && counts.failed > 0;
      return {
        importId: null,
        dryRun: true,
        status: blocked ? 'failed' : 'applied',
        counts,
        errors: shown,
        message: `Dry run, nothing saved: ${summary(counts)}${blocked ? ' — with "all or nothing" the import would stop at these errors.' : '.'}`,
      };
    }
    if (!skipBad && counts.failed > 0) {
      end('ROLLBACK');
      const kept = { rows: counts.rows, created: 0, updated: 0, unchanged: 0, failed: counts.failed };
      const failedId = db.transaction(() => recordImport(db, { spec, fileName: o.file.name, headers, status: 'failed', counts: kept, ...by }, errors))();
      return {
        importId: failedId,
        dryRun: false,
        status: 'failed',
        counts: kept,
        errors: shown,
        message: `Nothing was imported: ${number(counts.failed)} of ${number(counts.rows)} rows have errors. Fix them, or choose to skip bad rows.`,
      };
    }
    // Only an import that will commit pays for assignment and indexing (a dry run or a failed one rolls back).
    deferred?.restore();
    for (let i = 0; i < writer.toAssign.length; i += ASSIGN_CHUNK) {
      o.progress?.('Assigning owners by the territory rules', i, writer.toAssign.length);
      if (!assignMany(db, writer.assignAs, writer.toAssign.slice(i, i + ASSIGN_CHUNK), by, { onCreate: true })) break;
    }
    target.beforeCommit?.(db, importId, { ...by, progress: o.progress });
    writer.checkReferences(importId);
    o.progress?.('Updating the search index', 0, null);
    const searchPending = indexCreatedRecords(db, importId, paused, counts.created);
    recordImport(db, { spec, fileName: o.file.name, headers, status: 'applied', counts, ...by }, errors, importId);
    await honourCancel(o.signal);
    end('COMMIT');
    const later = searchPending ? ' Search finds the new records in a moment: they are being indexed.' : '';
    return { importId, dryRun: false, status: 'applied', counts, errors: shown, message: `Imported: ${summary(counts)}.${later}`, searchPending };
  } catch (error) {
    if (db.inTransaction) end('ROLLBACK');
    else restoreChecks();
    if (o.signal?.aborted) {
      const cancelledId = o.dryRun ? null : db.transaction(() => recordImport(db, { spec, fileName: o.file.name, headers, status: 'cancelled', counts, ...by }, []))();
      return { importId: cancelledId, dryRun: o.dryRun, status: 'cancelled', counts, errors: [], message: 'Cancelled: nothing of this import was kept.' };
    }
    throw error;
  }
}

/**
 * The last rows and the work before the commit run without a turn of the
 * event loop, so a cancel sent meanwhile has not been heard yet: one turn lets
 * it in, and it still rolls everything back.
 */
async function honourCancel(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}

function summary(c: Counts): string {
  const parts = [`${number(c.created)} created`, `${number(c.updated)} updated`];
  if (c.unchanged) parts.push(`${number(c.unchanged)} unchanged`);
  if (c.failed) parts.push(`${number(c.failed)} with errors`);
  return `${number(c.rows)} rows: ${parts.join(', ')}`;
}
