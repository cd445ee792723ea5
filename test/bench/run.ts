/**
 * `npm run bench`: how long one page of the contacts grid takes at scale,
 * through the whole dispatch path and as bare SQL on the same file. Figures
 * only; nothing here passes or fails.
 */
import { cpus } from 'node:os';
import type { Database } from 'better-sqlite3';
import type { Host } from '../../electron/main/host/host';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { gridPositions } from '../../electron/main/domain/records/grid-positions';
import { BENCH_USAGE, BenchArgError, parseBenchArgs, type BenchArgs } from './bench-args';
import { RESULTS_DIR, databaseBytes, prepareBenchDatabase } from './bench-database';
import { captureStatements, handWrittenContactsPage, normalizeSql, type CapturedStatement } from './contacts-page-sql';
import { formatTable, writeJson, type CaseResult } from './report';
import { formatQuoteTable, measureQuotes } from './quote-cases';
import { formatSalesTable, measureSales } from './sales-cases';
import { formatTerritoryTable, measureTerritories } from './territory-cases';
import { formatImportTable, measureImport } from './import-cases';
import { useBuiltWorkers } from './built-workers';
import { formatDuplicateTable, measureDuplicateScan } from './duplicate-cases';
import { formatSegmentTable, measureSegments } from './segment-cases';
import { formatJobsTable, measureJobs } from './jobs-cases';
import { formatCampaignSendTable, measureCampaignSend } from './campaign-send-cases';
import { formatRendererTable, measureRenderer } from './renderer-cases';
import { formatStartupTable, measureStartup } from './startup-cases';
import { timePaired } from './stats';

const PAGE = 100;

interface PageCase {
  name: string;
  startRow: number;
  prefix?: string;
  withTotal?: boolean;
}

function commonLastNamePrefix(db: Database): string {
  const row = db
    .prepare(
      `SELECT substr(last_name, 1, 2) AS p FROM contacts
        WHERE deleted_at IS NULL AND substr(last_name, 1, 2) GLOB '[A-Z][a-z]'
        GROUP BY p ORDER BY COUNT(*) DESC, p LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  return row ?? 'Ma';
}

const sameStatements = (a: CapturedStatement[], b: CapturedStatement[]) =>
  a.length === b.length && a.every((s, i) => normalizeSql(s.sql) === normalizeSql(b[i]!.sql) && JSON.stringify(s.params) === JSON.stringify(b[i]!.params));

async function measure(host: Host, db: Database, c: PageCase, runs: number): Promise<CaseResult> {
  const query = {
    startRow: c.startRow,
    endRow: c.startRow + PAGE,
    sort: [{ colId: 'lastName', sort: 'asc' }],
    ...(c.prefix !== undefined ? { filter: { lastName: { filterType: 'text', type: 'startsWith', filter: c.prefix } } } : {}),
    ...(c.withTotal ? { withTotal: true } : {}),
  };
  const call = async () => {
    const res = await host.dispatch('contacts.list', query, host.session);
    if (!res.ok) throw new Error(`contacts.list failed: ${res.error.message}`);
    return res.data as { rows: { id: number }[]; total: number | null };
  };
  let page: { rows: { id: number }[]; total: number | null } | undefined;
  // Untimed: a deep page's first call builds the view's positions, which later calls reuse.
  await call();
  const captured = await captureStatements(host, async () => (page = await call()));
  const every = gridPositions(db).every;
  const seek = c.startRow >= every ? { anchor: captured[0]!.params.slice(-4, -2), offset: c.startRow % every } : c.startRow;
  const hand = handWrittenContactsPage(PAGE, c.prefix, seek);
  const prepared = captured.map((s) => db.prepare(s.sql));
  const runRaw = () => prepared.map((st, i) => st.all(...captured[i]!.params));
  const rawIds = (runRaw()[0] as { id: number }[]).map((r) => r.id);
  if (JSON.stringify(rawIds) !== JSON.stringify(page!.rows.map((r) => r.id))) throw new Error(`${c.name}: raw SQL returned other rows than contacts.list`);
  const first = captured[0]!;
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${first.sql}`).all(...first.params) as { detail: string }[]).map((r) => r.detail);
  const [dispatch, raw] = await timePaired(runs, call, runRaw);
  return {
    name: c.name,
    startRow: c.startRow,
    rows: page!.rows.length,
    total: page!.total,
    matchesHandWritten: sameStatements(captured, hand),
    statements: captured.map((s) => normalizeSql(s.sql)),
    plan,
    dispatch,
    raw,
  };
}

async function run(args: BenchArgs): Promise<void> {
  const started = new Date();
  const bench = await prepareBenchDatabase(args, (line) => console.log(line));
  try {
    const { host } = bench;
    const db = sqliteHandle(host.dataSource);
    const live = db.prepare(`SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL`).pluck().get() as number;
    const prefix = commonLastNamePrefix(db);
    const lastStart = Math.max(0, live - PAGE);
    const cases: PageCase[] = [
      { name: 'first page', startRow: 0 },
      { name: 'middle page', startRow: Math.floor(live / 2 / PAGE) * PAGE },
      { name: 'last page', startRow: lastStart },
      { name: `lastName starts with "${prefix}"`, startRow: 0, prefix },
      { name: 'first page withTotal', startRow: 0, withTotal: true },
    ];
    const only = args.only;
    const log = (line: string) => console.log(line);
    const results: CaseResult[] = [];
    if (only.has('grid')) {
      for (const c of cases) {
        console.log(`Measuring ${c.name} (${args.runs} runs each way)…`);
        results.push(await measure(host, db, c, args.runs));
      }
    }
    const sales = only.has('sales') ? await measureSales(host, args.runs, log) : null;
    const startup = only.has('startup') ? await measureStartup(bench.path, 5, log) : null;
    const quotes = only.has('quotes') ? await measureQuotes(args.runs, log) : null;
    const territories = only.has('territories') ? await measureTerritories(RESULTS_DIR, 100_000, log) : null;
    // As many rows as the office has contacts: 100k by default, 1M with --contacts 1000000.
    const contactsImport = only.has('import') ? await measureImport(args.contacts, log) : null;
    if (only.has('duplicates')) console.log('Scanning the contacts for duplicates…');
    const duplicateScan = only.has('duplicates') ? measureDuplicateScan(bench.path) : null;
    // On a file of its own, seeded once per size: issue #7's figure is the one with --contacts 1000000.
    const segments = only.has('segments') ? await measureSegments(RESULTS_DIR, args.contacts, Math.min(args.runs, 20), log) : null;
    // The scheduler's own cost per job, on a database of its own (10,000 no-op jobs).
    const jobs = only.has('jobs') ? await measureJobs(10_000, log) : null;
    // A one-step e-mail campaign through the scheduler to a counting SMTP server on loopback, in a process of its own.
    const campaignSend = only.has('campaigns') ? await measureCampaignSend(500, log) : null;
    const renderer = only.has('renderer') ? await measureRenderer(host, live, 5, log) : null;
    const bytes = databaseBytes(bench.path);
    const seeding = bench.seeding
      ? `${bench.seeding.accounts + bench.seeding.contacts} rows in ${bench.seeding.seconds.toFixed(1)} s = ${Math.round(bench.seeding.rowsPerSecond).toLocaleString('en')} rows/s`
      : 'reused an already seeded file';
    const section = (title: string | null, table: string | null) => {
      if (table === null) return;
      console.log('');
      if (title) console.log(title);
      console.log(table);
    };
    const opportunities = db.prepare(`SELECT COUNT(*) FROM opportunities WHERE deleted_at IS NULL`).pluck().get() as number;
    section(`contacts.list, ${PAGE} rows sorted by last name; ${live.toLocaleString('en')} contacts, ${args.accounts.toLocaleString('en')} accounts`, results.length ? formatTable(results) : null);
    section(`Sales: ${opportunities.toLocaleString('en')} opportunities`, sales && formatSalesTable(sales));
    section(null, startup && formatStartupTable(startup));
    section('Quotes (a database of their own: 40 products, one opportunity)', quotes && formatQuoteTable(quotes));
    section('Territories (a database of their own: 100,000 accounts and contacts, 20,000 opportunities and leads; reused once seeded)', territories && formatTerritoryTable(territories));
    section(null, contactsImport && formatImportTable(contactsImport));
    section(null, duplicateScan && formatDuplicateTable(duplicateScan));
    section(null, segments && formatSegmentTable(segments));
    section(null, jobs && formatJobsTable(jobs));
    section(null, campaignSend && formatCampaignSendTable(campaignSend));
    section(null, renderer && formatRendererTable(renderer));
    console.log('');
    if (bench.salesSeeding) {
      const s = bench.salesSeeding;
      console.log(`Sales seeding: ${s.opportunities + s.stageChanges + s.leads + s.activities} rows in ${s.seconds.toFixed(1)} s = ${Math.round(s.rowsPerSecond).toLocaleString('en')} rows/s`);
    }
    console.log(`Seeding:       ${seeding}`);
    console.log(`Database size: ${(bytes / 1024 / 1024).toFixed(1)} MiB (${bench.path})`);
    const drift = results.filter((r) => !r.matchesHandWritten).map((r) => r.name);
    if (drift.length) console.log(`Note: the service's SQL differs from the hand-written copy for: ${drift.join(', ')} (timed what the service ran).`);
    const json = writeJson(
      RESULTS_DIR,
      {
        at: started.toISOString(),
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version },
        args: { ...args, only: [...args.only] },
        database: { path: bench.path, bytes, reused: bench.seeding === null },
        seeding: bench.seeding,
        lastNamePrefix: prefix,
        cases: results,
        salesSeeding: bench.salesSeeding,
        sales,
        startup,
        quotes,
        territories,
        contactsImport,
        duplicateScan,
        segments,
        jobs,
        campaignSend,
        renderer,
      },
      started,
    );
    console.log(`JSON:          ${json}`);
  } finally {
    await bench.host.close();
  }
}

function main(): void {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchArgError)) throw error;
    console.error(`${error.message}\n\n${BENCH_USAGE}`);
    process.exit(2);
  }
  // `npm run bench` builds first: the data workers run as the app ships them.
  useBuiltWorkers(console.log);
  run(args).catch((error: unknown) => {
    console.error(error instanceof BenchArgError ? error.message : error);
    process.exit(error instanceof BenchArgError ? 2 : 1);
  });
}

main();
