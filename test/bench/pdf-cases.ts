/**
 * How long the proposal PDF takes: a 50-line and a 500-line quote (grouped,
 * names in four scripts), rendered in memory. Figures only.
 *
 * Standalone: `npx tsx test/bench/pdf-cases.ts` prints the table and writes
 * the 50-line quote and a 60 dpi picture of its first page to bench-results/,
 * for a look at the layout.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderQuotePdf } from '../../electron/main/pdf/render-quote-pdf';
import { buildQuoteDocument, makePng } from '../support/quote-document-fixture';
import { timeRuns } from './stats';

export interface PdfCase {
  name: string;
  runs: number;
  /** Milliseconds per render. */
  p50: number;
  p95: number;
  pages: number;
  bytes: number;
}

const RESULTS_DIR = resolve(__dirname, '../../bench-results');
const AT = new Date('2024-03-01T10:00:00Z');

const CASES = [
  { name: 'quote PDF, 50 lines', items: 50, runs: 20, warmup: 3 },
  { name: 'quote PDF, 500 lines', items: 500, runs: 5, warmup: 1 },
];

/** A logo file for the renders, so the image path is part of what is timed. */
function benchLogo(): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, 'pdf-bench-logo.png');
  writeFileSync(path, makePng({ width: 360, height: 120 }));
  return path;
}

export async function measurePdf(): Promise<PdfCase[]> {
  const logoPath = benchLogo();
  const out: PdfCase[] = [];
  for (const c of CASES) {
    const quote = buildQuoteDocument({ items: c.items, groupEvery: 7, logoPath });
    const sample = await renderQuotePdf(quote, { creationDate: AT });
    const timing = await timeRuns(c.runs, () => renderQuotePdf(quote, { creationDate: AT }), c.warmup);
    out.push({ name: c.name, runs: timing.runs, p50: timing.p50, p95: timing.p95, pages: sample.pageCount, bytes: sample.bytes.length });
  }
  return out;
}

export function formatPdfTable(cases: readonly PdfCase[]): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const head = ['case', 'runs', 'p50 ms', 'p95 ms', 'pages', 'KiB'];
  const rows = cases.map((c) => [c.name, String(c.runs), ms(c.p50), ms(c.p95), String(c.pages), (c.bytes / 1024).toFixed(0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Writes the 50-line quote and its first page as PNG; returns the PNG's path. */
export async function writeFirstPagePreview(): Promise<string> {
  const quote = buildQuoteDocument({ items: 50, groupEvery: 7, logoPath: benchLogo() });
  const pdf = await renderQuotePdf(quote, { creationDate: AT });
  const file = join(RESULTS_DIR, 'pdf-quote-50.pdf');
  writeFileSync(file, pdf.bytes);
  const prefix = join(RESULTS_DIR, 'pdf-quote-50-page1');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix], { timeout: 30_000 });
  return `${prefix}.png`;
}

async function main(): Promise<void> {
  console.log('Measuring the quote PDF (50 lines × 20, 500 lines × 5)…');
  console.log(formatPdfTable(await measurePdf()));
  try {
    console.log(`First page: ${await writeFirstPagePreview()}`);
  } catch (error) {
    console.log(`No first-page picture (is poppler's pdftoppm installed?): ${(error as Error).message}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
