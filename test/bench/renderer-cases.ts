import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Host } from '../../electron/main/host/host';
import { startHarness } from '../harness/server';
import { summarize, type Summary } from './stats';

const RENDERER = resolve(__dirname, '../../out/renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIRST_ROW = '[role="row"][row-index="0"] [role="gridcell"]';

export interface RendererBenchResult {
  contacts: number;
  /** A new browser context (nothing cached) opening the contacts grid until its first row shows. */
  coldStartMs: Summary;
  /** Scrolling the grid to 90 % of its rows until a row there shows its cells. */
  jumpMs: Summary;
  jumpRow: number;
  /** Long tasks (≥ 50 ms) while the grid is scrolled by the wheel for a few seconds. */
  scrolling: { longTasks: number; longestMs: number; seconds: number };
  /** Used JS heap after scrolling, after a garbage collection. */
  heapMiB: number;
}

/** Installed before the app loads: every long task is kept, for the scrolling figure. */
const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
`;

async function firstRowShown(page: Page): Promise<void> {
  await page.waitForFunction((selector) => Array.from(document.querySelectorAll(selector)).some((c) => (c.textContent ?? '').trim() !== ''), FIRST_ROW, { polling: 'raf', timeout: 60_000 });
}

/** The rows a grid has drawn, by index, that show text (not a loading placeholder). */
async function shownRowIndexes(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[role="row"][row-index]'))
      .filter((r) => Array.from(r.querySelectorAll('[role="gridcell"]')).some((c) => (c.textContent ?? '').trim() !== ''))
      .map((r) => Number(r.getAttribute('row-index'))),
  );
}

/**
 * Issue #8's renderer figures, in Debian's Chromium through the browser
 * harness on the bench's own database (the app's real renderer, the same
 * dispatch): cold start to the first grid rows, a jump deep into the grid,
 * long tasks while scrolling, the JS heap afterwards.
 */
export async function measureRenderer(host: Host, contacts: number, runs: number, log: (line: string) => void): Promise<RendererBenchResult> {
  if (!existsSync(resolve(RENDERER, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` first.');
  const harness = await startHarness(host, RENDERER);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
      const page = await context.newPage();
      await page.addInitScript(LONG_TASKS);
      const start = performance.now();
      await page.goto(new URL("#/contacts", harness.url).href);
      await firstRowShown(page);
      return { page, ms: performance.now() - start };
    };

    log(`Renderer: cold start to the first contacts row (${runs} runs)…`);
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { page, ms } = await open();
      cold.push(ms);
      await page.context().close();
    }

    log('Renderer: jumping to 90 % of the grid, then scrolling…');
    const jumpRow = Math.floor(contacts * 0.9);
    const jumps: number[] = [];
    const { page } = await open();
    for (let i = 0; i < runs; i++) {
      // Back to the top first, so each jump lands on rows the grid has not cached.
      await page.evaluate(() => (document.querySelector('.ag-grid-viewport')!.scrollTop = 0));
      await firstRowShown(page);
      const start = performance.now();
      await page.evaluate((ratio) => {
        const viewport = document.querySelector('.ag-grid-viewport')!;
        viewport.scrollTop = ratio * (viewport.scrollHeight - viewport.clientHeight);
      }, 0.9 + i * 0.001);
      await page.waitForFunction(
        (target) =>
          Array.from(document.querySelectorAll('[role="row"][row-index]')).some(
            (r) => Number(r.getAttribute('row-index')) >= target && Array.from(r.querySelectorAll('[role="gridcell"]')).some((c) => (c.textContent ?? '').trim() !== ''),
          ),
        Math.floor(jumpRow * 0.98),
        { polling: 'raf', timeout: 30_000 },
      );
      jumps.push(performance.now() - start);
    }
    const landed = await shownRowIndexes(page);
    if (!landed.some((r) => r >= jumpRow * 0.98)) throw new Error('The grid did not show rows near the jump target.');

    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    const box = (await page.locator('.ag-grid-viewport').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrollStart = performance.now();
    for (let i = 0; i < 240; i++) {
      await page.mouse.wheel(0, i % 60 < 50 ? 600 : -1200);
      await page.waitForTimeout(12);
    }
    const seconds = (performance.now() - scrollStart) / 1000;
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    return {
      contacts,
      coldStartMs: summarize(cold),
      jumpMs: summarize(jumps),
      jumpRow,
      scrolling: { longTasks: longTasks.length, longestMs: longTasks.length ? Math.max(...longTasks) : 0, seconds },
      heapMiB: heap / 2 ** 20,
    };
  } finally {
    await browser.close();
    await harness.close();
  }
}

export function formatRendererTable(r: RendererBenchResult): string {
  const n = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d });
  return [
    `renderer in Chromium (harness), contacts grid over ${n(r.contacts)} contacts:`,
    `  cold start to first rows   p50 ${n(r.coldStartMs.p50)} / p95 ${n(r.coldStartMs.p95)} ms`,
    `  jump to row ~${n(r.jumpRow)}   p50 ${n(r.jumpMs.p50)} / p95 ${n(r.jumpMs.p95)} ms`,
    `  wheel scrolling ${n(r.scrolling.seconds, 1)} s      ${r.scrolling.longTasks} long tasks, longest ${n(r.scrolling.longestMs)} ms`,
    `  JS heap after scrolling    ${n(r.heapMiB, 1)} MiB`,
  ].join('\n');
}

// Standalone: `npx tsx test/bench/renderer-cases.ts <database file> [runs]` (after `npm run build`).
if (process.argv[1]?.endsWith('renderer-cases.ts')) {
  void (async () => {
    const { openHost } = await import('../../electron/main/host/host');
    const { sqliteHandle } = await import('../../electron/main/db/sqlite-handle');
    const host = await openHost({ database: process.argv[2] ?? 'bench-results/seed-1m.sqlite', log: (m, e) => console.error(m, e) });
    try {
      const contacts = sqliteHandle(host.dataSource).prepare(`SELECT count(*) FROM contacts WHERE deleted_at IS NULL`).pluck().get() as number;
      console.log(formatRendererTable(await measureRenderer(host, contacts, Number(process.argv[3] ?? 5), console.log)));
    } finally {
      await host.close();
    }
  })();
}
