import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from './stats';

export interface CaseResult {
  name: string;
  startRow: number;
  rows: number;
  total: number | null;
  /** Whether the SQL the service ran equals the hand-written reproduction. */
  matchesHandWritten: boolean;
  statements: string[];
  plan: string[];
  dispatch: Summary;
  raw: Summary;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const triple = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`;

export function formatTable(cases: readonly CaseResult[]): string {
  const header = ['case', 'start row', 'rows', 'dispatch p50/p95/max ms', 'raw SQL p50/p95/max ms', 'dispatch − raw p50'];
  const body = cases.map((c) => [c.name, String(c.startRow), String(c.rows), triple(c.dispatch), triple(c.raw), `${ms(c.dispatch.p50 - c.raw.p50)} ms`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function writeJson(dir: string, report: object, at: Date): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${at.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
