import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openHost, type Host } from '../../electron/main/host/host';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { useBuiltWorkers } from './built-workers';

export interface ImportBenchResult {
  rows: number;
  fileMiB: number;
  /** Through dispatch: upload excluded, the worker's whole run (validation, dedupe look-ups, assignment, history). */
  importMs: number;
  importRowsPerSec: number;
  /** After the commit: the big import's records indexed for search, in the background. */
  searchCatchUpMs: number;
  /** The same kind of rows through one prepared INSERT per row in one transaction, with the schema's triggers (search, e-mail keys) as a form's insert has them. */
  rawRowsPerSec: number;
  /** …and with the insert triggers dropped for the transaction, as the import does: the floor of writing contact rows with their indexes. */
  rawNoTriggersRowsPerSec: number;
  rawRows: number;
  peakRssMiB: number;
  baselineRssMiB: number;
  loopDelay: { p50: number; p99: number; max: number };
  /** A contacts.list page while the import runs (the WAL lets the grid read on). */
  gridPageDuringImportMs: { p50: number; max: number };
  counts: unknown;
}

const COUNTRIES = ['DE', 'FR', 'AT', 'CH', 'GB', 'US', 'IT', 'ES'];

/** A contacts file: unique e-mails, a fifth without an account, the rest naming one of 1,000 accounts (half of them new). */
async function writeFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('First Name,Last Name,Email,Phone,Account Name,Mailing City,Mailing Country,Birthdate\n');
  for (let i = 0; i < rows; i++) {
    const account = i % 5 === 0 ? '' : `Account ${i % 1000}`;
    const line = `Person ${i % 977},Müller-${i},p${i}@example.com,+49 89 ${100000 + (i % 899999)},${account},Town ${i % 300},${COUNTRIES[i % COUNTRIES.length]},19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function ok<T>(host: Host, method: string, input: unknown): Promise<T> {
  const result = await host.dispatch(method, input, host.session);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.data as T;
}

async function officeWithTerritories(dir: string): Promise<Host> {
  const host = await openHost({ database: join(dir, 'import-bench.sqlite'), log: (message, error) => console.error(message, error), defaultUserName: 'Bench Admin' });
  const db = sqliteHandle(host.dataSource);
  const now = new Date().toISOString();
  const reps = Array.from({ length: 6 }, (_, i) => Number(db.prepare(`INSERT INTO users (name, role, active, capacity, created_at, updated_at) VALUES (?, 'sales_rep', 1, 100, ?, ?)`).run(`Rep ${i}`, now, now).lastInsertRowid));
  await ok(host, 'territories.save', { name: 'DACH', rules: [{ field: 'country', values: ['DE', 'AT', 'CH'] }], memberIds: reps.slice(0, 3) });
  await ok(host, 'territories.save', { name: 'Rest', rules: [{ field: 'country', values: ['FR', 'GB', 'US', 'IT', 'ES'] }], method: 'least_loaded', memberIds: reps.slice(3) });
  await ok(host, 'assignment.saveSettings', { queueOwnerId: reps[0], assignOnCreate: true });
  // Half the accounts the file names exist already.
  for (let i = 0; i < 500; i++) await ok(host, 'accounts.create', { name: `Account ${i}`, billingAddress: { country: COUNTRIES[i % COUNTRIES.length] } });
  return host;
}

/** Raw inserts are measured on at most this many rows: with the triggers a row costs ≈130 µs. */
const RAW_ROWS = 200_000;

/**
 * Rows per second of one prepared INSERT per contact in one transaction, rolled back after.
 * `dropTriggers`: the insert triggers are dropped inside the transaction, as an import does.
 */
function rawInsertRate(db: ReturnType<typeof sqliteHandle>, owner: number, rows: number, dropTriggers: boolean): number {
  const now = new Date().toISOString();
  db.exec('BEGIN IMMEDIATE');
  try {
    if (dropTriggers) {
      for (const name of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%triggers_paused%'`).pluck().all() as string[]) db.exec(`DROP TRIGGER "${name}"`);
    }
    const insert = db.prepare(
      `INSERT INTO contacts (first_name, last_name, sort_name, emails, email, phones, phone, address_city, address_country, birthday, owner_id, version, created_at, created_by_id, updated_at, updated_by_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    const start = performance.now();
    for (let i = 0; i < rows; i++) {
      const email = `raw${i}@example.com`;
      const phone = `+49 89 ${100000 + (i % 899999)}`;
      insert.run(`Person ${i % 977}`, `Raw-${i}`, `raw-${i}\u0001person ${i % 977}`, `[{"label":"work","address":"${email}"}]`, email, `[{"label":"work","number":"${phone}"}]`, phone, `Town ${i % 300}`, COUNTRIES[i % COUNTRIES.length], '1980-01-01', owner, now, owner, now, owner);
    }
    return rows / ((performance.now() - start) / 1000);
  } finally {
    db.exec('ROLLBACK');
  }
}

/** Issue #6's figures: contacts import rows/s with validation, dedupe and assignment, next to raw inserts; memory; the main thread meanwhile. */
export async function measureImport(rows: number, log: (line: string) => void): Promise<ImportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-import-bench-'));
  try {
    const file = join(dir, 'contacts.csv');
    log(`Writing a ${rows.toLocaleString('en')}-row contacts file…`);
    await writeFile(file, rows);
    const host = await officeWithTerritories(dir);
    try {
      const bytes = readFileSync(file);
      let fileId: string | undefined;
      for (let offset = 0; offset < bytes.length; offset += 4 << 20) {
        const part = bytes.subarray(offset, offset + (4 << 20));
        fileId = (await ok<{ fileId: string }>(host, 'imports.upload', { ...(fileId ? { fileId } : {}), name: 'contacts.csv', offset, dataBase64: part.toString('base64'), last: offset + part.length >= bytes.length })).fileId;
      }
      const inspected = await ok<{ columns: (string | null)[]; encoding: string; delimiter: string }>(host, 'imports.inspect', { fileId, target: 'contacts' });
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      // A grid keeps asking for pages while the import runs.
      const pages: number[] = [];
      let importing = true;
      const grid = (async () => {
        while (importing) {
          const t = performance.now();
          await ok(host, 'contacts.list', { startRow: 0, endRow: 100 });
          pages.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      log(`Importing ${rows.toLocaleString('en')} contacts…`);
      const start = performance.now();
      const result = await ok<{ counts: unknown; status: string; message: string }>(host, 'imports.run', { fileId, target: 'contacts', encoding: inspected.encoding, delimiter: inspected.delimiter, columns: inspected.columns, createAccounts: true });
      const importMs = performance.now() - start;
      importing = false;
      await grid;
      loop.disable();
      clearInterval(sampler);
      if (result.status !== 'applied') throw new Error(`The bench import did not apply: ${result.message}`);

      log('Indexing the imported records for search…');
      const catchUpStart = performance.now();
      await host.services.imports.searchBacklog.request();
      const searchCatchUpMs = performance.now() - catchUpStart;

      const db = sqliteHandle(host.dataSource);
      const rawRows = Math.min(rows, RAW_ROWS);
      log(`Inserting ${rawRows.toLocaleString('en')} rows raw, with and without the insert triggers…`);
      const rawRowsPerSec = rawInsertRate(db, host.session.userId, rawRows, false);
      const rawNoTriggersRowsPerSec = rawInsertRate(db, host.session.userId, rawRows, true);
      const sorted = [...pages].sort((a, b) => a - b);
      return {
        rows,
        fileMiB: bytes.length / 2 ** 20,
        importMs,
        importRowsPerSec: rows / (importMs / 1000),
        searchCatchUpMs,
        rawRowsPerSec,
        rawNoTriggersRowsPerSec,
        rawRows,
        peakRssMiB: peak / 2 ** 20,
        baselineRssMiB: baseline / 2 ** 20,
        loopDelay: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
        gridPageDuringImportMs: { p50: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN },
        counts: result.counts,
      };
    } finally {
      await host.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatImportTable(r: ImportBenchResult): string {
  const n = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d });
  return [
    `contacts import, ${n(r.rows)} rows (${n(r.fileMiB, 1)} MiB), validation + dedupe + territory assignment:`,
    `  import through dispatch  ${n(r.importMs)} ms   ${n(r.importRowsPerSec)} rows/s`,
    `  then search indexing     ${n(r.searchCatchUpMs)} ms in the background (records past 20,000)`,
    `  raw prepared INSERT      ${n(r.rawRowsPerSec)} rows/s with the schema's triggers, ${n(r.rawNoTriggersRowsPerSec)} rows/s without (${n(r.rawRows)} rows)`,
    `  process RSS              ${n(r.baselineRssMiB)} MiB before, peak ${n(r.peakRssMiB)} MiB`,
    `  main event-loop delay    p50 ${n(r.loopDelay.p50, 1)} / p99 ${n(r.loopDelay.p99, 1)} / max ${n(r.loopDelay.max, 1)} ms`,
    `  contacts.list meanwhile  p50 ${n(r.gridPageDuringImportMs.p50, 1)} / max ${n(r.gridPageDuringImportMs.max, 1)} ms`,
  ].join('\n');
}

// Standalone: `npx tsx test/bench/import-cases.ts [rows]`.
if (process.argv[1]?.endsWith('import-cases.ts')) {
  const rows = Number(process.argv[2] ?? 100_000);
  useBuiltWorkers(console.log);
  measureImport(rows, console.log).then((r) => console.log(formatImportTable(r)), (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
