import Database from 'better-sqlite3';
import { scanDuplicates } from '../../electron/main/domain/duplicates/scan';

export interface DuplicateScanResult {
  contacts: number;
  groupCount: number;
  skippedBlocks: number;
  ms: number;
  peakRssMiB: number;
}

/** Issue #6's figure: a duplicate scan of every contact in a bench database (read only; the scan is what the worker runs). */
export function measureDuplicateScan(path: string): DuplicateScanResult {
  const db = new Database(path, { readonly: true });
  try {
    let peak = process.memoryUsage().rss;
    const result = scanDuplicates(db, 'contact', { minConfidence: 0.7, limit: 200, progress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    peak = Math.max(peak, process.memoryUsage().rss);
    return { contacts: result.scanned, groupCount: result.groupCount, skippedBlocks: result.skippedBlocks, ms: result.ms, peakRssMiB: peak / 2 ** 20 };
  } finally {
    db.close();
  }
}

export function formatDuplicateTable(r: DuplicateScanResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return `duplicate scan of ${n(r.contacts)} contacts: ${n(r.ms)} ms, ${n(r.groupCount)} groups, ${n(r.skippedBlocks)} blocks too common to compare, peak RSS ${n(r.peakRssMiB)} MiB`;
}

// Standalone: `npx tsx test/bench/duplicate-cases.ts <database file>` (e.g. bench-results/seed-1m.sqlite).
if (process.argv[1]?.endsWith('duplicate-cases.ts')) {
  console.log(formatDuplicateTable(measureDuplicateScan(process.argv[2] ?? 'bench-results/seed-1m.sqlite')));
}
