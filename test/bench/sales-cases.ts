import type { Host } from '../../electron/main/host/host';
import { timeRuns, type Summary } from './stats';

export interface SalesCase {
  name: string;
  detail: string;
  dispatch: Summary;
}

async function ok<T>(host: Host, method: string, input: unknown): Promise<T> {
  const result = await host.dispatch(method, input, host.session);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.data as T;
}

/**
 * The sales figures issue #3 asks for, through dispatch: global search as a
 * person types, the kanban board of the default pipeline, and the forecast
 * and win/loss reports over a year.
 */
export async function measureSales(host: Host, runs: number, log: (line: string) => void): Promise<SalesCase[]> {
  const out: SalesCase[] = [];
  const time = async (name: string, detail: string, method: string, input: unknown, n = runs) => {
    log(`Measuring ${name} (${n} runs)…`);
    out.push({ name, detail, dispatch: await timeRuns(n, () => ok(host, method, input)) });
  };
  for (const text of ['mu', 'mull', 'müller', 'schmidt gmbh', 'rollout']) {
    await time(`search "${text}"`, 'search.global, 5 per group', 'search.global', { text });
  }
  const [pipeline] = await ok<{ id: number; stages: { id: number }[] }[]>(host, 'pipelines.list', {});
  const board = await ok<{ columns: { count: number }[] }>(host, 'opportunities.board', { pipelineId: pipeline!.id });
  const open = board.columns.reduce((n, c) => n + c.count, 0);
  await time('kanban board', `default pipeline, ${open.toLocaleString('en')} cards in its columns`, 'opportunities.board', { pipelineId: pipeline!.id }, Math.min(runs, 50));
  const year = { from: '2026-01-01', to: '2026-12-31' };
  await time('forecast by quarter', 'forecast.summary, EUR, one year, all owners', 'forecast.summary', { period: 'quarter', currency: 'EUR', ...year }, Math.min(runs, 50));
  await time('forecast by month', 'forecast.summary, EUR, one year, all owners', 'forecast.summary', { period: 'month', currency: 'EUR', ...year }, Math.min(runs, 50));
  await time('win/loss', 'forecast.winLoss, one year', 'forecast.winLoss', year, Math.min(runs, 50));
  return out;
}

export function formatSalesTable(cases: readonly SalesCase[]): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const rows = cases.map((c) => [c.name, `${ms(c.dispatch.p50)} / ${ms(c.dispatch.p95)} / ${ms(c.dispatch.max)}`, c.detail]);
  const head = ['case', 'dispatch p50/p95/max ms', 'what'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
