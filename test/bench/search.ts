/**
 * `npx tsx test/bench/search.ts [--contacts N] [--accounts N] [--runs R]`:
 * how long search.global takes at scale, through the whole dispatch path.
 * Works on a copy of the seeded bench file (never migrates the shared one).
 * Figures only; nothing here passes or fails.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import type { GlobalSearchResult } from '../../shared/contract/search';
import { BENCH_USAGE, BenchArgError, parseBenchArgs } from './bench-args';
import { RESULTS_DIR, prepareBenchDatabase } from './bench-database';
import { writeJson } from './report';
import { timeRuns, type Summary } from './stats';

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2).filter((a) => a !== '--'));
  const started = new Date();
  const shared = join(RESULTS_DIR, `bench-${args.contacts}c-${args.accounts}a.sqlite`);
  const path = join(mkdtempSync(join(tmpdir(), 'crm-search-bench-')), 'bench.sqlite');
  if (existsSync(shared)) copyFileSync(shared, path);
  const bench = await prepareBenchDatabase({ ...args, db: path }, (line) => console.log(line));
  try {
    const { host } = bench;
    const db = sqliteHandle(host.dataSource);
    const indexed = db.prepare(`SELECT COUNT(*) FROM search_index`).pluck().get() as number;
    const someName = (db.prepare(`SELECT last_name FROM contacts WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 1234`).pluck().get() as string) ?? 'Müller';
    const texts = ['m', 'ma', 'mül', 'muller', someName, `${someName.slice(0, 3)} ${someName.slice(0, 1)}`, 'anna schmidt', 'zzqx', 'gmbh', '"*^(' + 'x'.repeat(200)];
    const rows: { text: string; hits: number; totals: number[]; dispatch: Summary }[] = [];
    for (const text of texts) {
      const call = async () => {
        const res = await host.dispatch('search.global', { text, limit: 5 }, host.session);
        if (!res.ok) throw new Error(`search.global failed: ${res.error.message}`);
        return res.data as GlobalSearchResult;
      };
      const result = await call();
      rows.push({
        text: text.length > 24 ? `${text.slice(0, 21)}…` : text,
        hits: result.groups.reduce((n, g) => n + g.hits.length, 0),
        totals: result.groups.map((g) => g.total),
        dispatch: await timeRuns(args.runs, call),
      });
    }
    console.log(`\nsearch.global, 5 per group; ${indexed.toLocaleString('en')} rows in search_index`);
    console.log(['text'.padEnd(26), 'matches (a/c/l/o)'.padStart(26), 'p50 / p95 / max ms'.padStart(24)].join('  '));
    for (const r of rows) {
      console.log([JSON.stringify(r.text).padEnd(26), r.totals.join(' / ').padStart(26), `${ms(r.dispatch.p50)} / ${ms(r.dispatch.p95)} / ${ms(r.dispatch.max)}`.padStart(24)].join('  '));
    }
    const json = writeJson(
      RESULTS_DIR,
      { kind: 'search', at: started.toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version }, args, indexed, cases: rows },
      started,
    );
    console.log(`JSON: ${json}`);
  } finally {
    await bench.host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchArgError ? `${error.message}\n\n${BENCH_USAGE}` : error);
  process.exit(error instanceof BenchArgError ? 2 : 1);
});
