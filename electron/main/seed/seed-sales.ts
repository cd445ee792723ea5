import type { DataSource } from 'typeorm';
import { sqliteHandle } from '../db/sqlite-handle';
import { bulkInsert } from './bulk-insert';
import { deferIndexes } from './deferred-indexes';
import { ACTIVITY_COLUMNS, LEAD_COLUMNS, OPPORTUNITY_COLUMNS, STAGE_HISTORY_COLUMNS, SalesSampleData, readSalesWorld } from './sales-sample-data';
import type { Row } from './sample-columns';
import { ensureSalesReps } from './seed-users';

export interface SalesSeedOptions {
  opportunities: number;
  leads: number;
  activities: number;
  seed?: number;
  now?: Date;
  batchSize?: number;
  onProgress?: (progress: { table: string; done: number; total: number }) => void;
}

export interface SalesSeedResult {
  opportunities: number;
  stageChanges: number;
  leads: number;
  activities: number;
  seconds: number;
  rowsPerSecond: number;
}

const nextId = (db: ReturnType<typeof sqliteHandle>, table: string) =>
  ((db.prepare(`SELECT COALESCE(MAX(id), 0) FROM ${table}`).pluck().get() as number) ?? 0) + 1;

/**
 * Adds opportunities (with stage history), leads and activities over the
 * accounts and contacts already there, straight through better-sqlite3 like
 * the account and contact seed: no audit rows, indexes of empty tables rebuilt
 * at the end. The search index fills through its triggers.
 */
export function seedSales(dataSource: DataSource, options: SalesSeedOptions): SalesSeedResult {
  const db = sqliteHandle(dataSource);
  const now = options.now ?? new Date();
  const started = performance.now();
  const data = new SalesSampleData(
    readSalesWorld(db, ensureSalesReps(db, now.toISOString())),
    now.getTime(),
    options.seed ?? 1,
    nextId(db, 'opportunities'),
    nextId(db, 'leads'),
    nextId(db, 'activities'),
  );
  const batchSize = options.batchSize ?? 20_000;
  const empty = (table: string) => db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  const filling = ['opportunities', 'opportunity_stage_history', 'leads', 'activities'].filter(empty);
  const previousForeignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  const restoreIndexes = deferIndexes(db, filling);
  let stageChanges = 0;
  try {
    for (let done = 0; done < options.opportunities; ) {
      const n = Math.min(batchSize, options.opportunities - done);
      const rows: Row[] = [];
      const history: Row[] = [];
      for (let i = 0; i < n; i++) {
        const o = data.opportunity();
        rows.push(o.row);
        history.push(...o.history);
      }
      let r = 0;
      bulkInsert(db, 'opportunities', OPPORTUNITY_COLUMNS, rows.length, () => rows[r++]!, { batchSize: rows.length });
      let h = 0;
      bulkInsert(db, 'opportunity_stage_history', STAGE_HISTORY_COLUMNS, history.length, () => history[h++]!, { batchSize: history.length });
      stageChanges += history.length;
      done += n;
      options.onProgress?.({ table: 'opportunities', done, total: options.opportunities });
    }
    bulkInsert(db, 'leads', LEAD_COLUMNS, options.leads, () => data.lead(), {
      batchSize,
      onBatch: (done) => options.onProgress?.({ table: 'leads', done, total: options.leads }),
    });
    bulkInsert(db, 'activities', ACTIVITY_COLUMNS, options.activities, () => data.activity(), {
      batchSize,
      onBatch: (done) => options.onProgress?.({ table: 'activities', done, total: options.activities }),
    });
  } finally {
    restoreIndexes();
    db.pragma(`foreign_keys = ${previousForeignKeys ? 'ON' : 'OFF'}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = options.opportunities + stageChanges + options.leads + options.activities;
  return { opportunities: options.opportunities, stageChanges, leads: options.leads, activities: options.activities, seconds, rowsPerSecond: rows / Math.max(seconds, 1e-9) };
}
