import { openHost } from '../../electron/main/host/host';
import { summarize, type Summary } from './stats';

export interface StartupFigures {
  /** openHost: connection, pragmas, the migration check, services and background work started. */
  open: Summary;
  /** From nothing to the contacts grid's first page with its total, as the app's first screen asks for it. */
  firstPage: Summary;
}

/**
 * The main process's share of starting the app on the office's file: opened
 * afresh each run (a second connection beside the bench's own, as a second
 * window would be), the first contacts page with its total, then closed.
 */
export async function measureStartup(database: string, runs: number, log: (line: string) => void): Promise<StartupFigures> {
  log(`Measuring start-up on ${database} (${runs} runs)…`);
  const open: number[] = [];
  const firstPage: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const host = await openHost({ database, log: () => undefined });
    const opened = performance.now();
    const page = await host.dispatch('contacts.list', { startRow: 0, endRow: 100, sort: [], filter: {}, withTotal: true }, host.session);
    const shown = performance.now();
    await host.close();
    if (!page.ok) throw new Error(`contacts.list failed: ${page.error.message}`);
    open.push(opened - started);
    firstPage.push(shown - started);
  }
  return { open: summarize(open), firstPage: summarize(firstPage) };
}

export function formatStartupTable(f: StartupFigures): string {
  const ms = (s: Summary) => `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} ms`;
  return [
    'Start-up on this file (main process, p50 / p95)',
    `  open the database and start the services   ${ms(f.open)}`,
    `  … to the first contacts page with total    ${ms(f.firstPage)}`,
  ].join('\n');
}
