import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHost, type Host } from '../../electron/main/host/host';
import { timeRuns, type Summary } from './stats';

export interface QuoteCase {
  name: string;
  detail: string;
  dispatch: Summary;
  pages?: number;
  bytes?: number;
}

async function ok<T>(host: Host, method: string, input: unknown): Promise<T> {
  const result = await host.dispatch(method, input, host.session);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.data as T;
}

const NAMES = ['Zażółć gęślą jaźń', 'Αθήνα Ελληνικά', 'Москва Ёлка', 'İstanbul Işık', 'Server Łódź', 'Rack kit'];

/** A grouped quote of `count` lines: a heading every 10 lines, the rest catalog products with a discount now and then. */
function lines(count: number, productIds: number[]) {
  return Array.from({ length: count }, (_, i) =>
    i % 10 === 0
      ? { kind: 'heading' as const, text: `Group ${i / 10 + 1}: ${NAMES[(i / 10) % NAMES.length]}` }
      : {
          kind: 'item' as const,
          productId: productIds[i % productIds.length]!,
          quantity: 1 + (i % 7),
          ...(i % 5 === 0 ? { discount: { kind: 'percent' as const, percent: 5 } } : {}),
        },
  );
}

/**
 * Issue #4's figures, through dispatch on a fresh database of their own (they
 * do not depend on the size of the office): saving and reading quotes of 50
 * and 500 lines, and rendering + storing their proposal PDFs.
 */
export async function measureQuotes(runs: number, log: (line: string) => void): Promise<QuoteCase[]> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-quote-bench-'));
  const host = await openHost({ database: join(dir, 'quotes.sqlite'), log: () => undefined });
  try {
    await ok(host, 'settings.saveCompany', { name: 'Nordlicht Systems GmbH', street: 'Hafenstraße 5', city: 'Hamburg', postcode: '20457' });
    const tax = await ok<{ id: number }>(host, 'taxClasses.save', { name: 'VAT 19%', ratePercent: 19, isDefault: true });
    const book = await ok<{ id: number }>(host, 'priceBooks.save', { name: 'Standard', currency: 'EUR', isDefault: true });
    const productIds: number[] = [];
    for (let i = 0; i < 40; i++) {
      const p = await ok<{ id: number }>(host, 'products.create', { sku: `SKU-${i}`, name: `${NAMES[i % NAMES.length]} ${i}`, description: 'A product with a description line.', taxClassId: tax.id });
      await ok(host, 'priceBooks.setPrice', { priceBookId: book.id, productId: p.id, unitPriceMinor: 10_000 + i * 137 });
      productIds.push(p.id);
    }
    const account = await ok<{ id: number }>(host, 'accounts.create', { name: 'Αθήνα Trading', billingAddress: { street: 'Ermou 12', city: 'Athens', country: 'GR' } });
    const opportunity = await ok<{ id: number }>(host, 'opportunities.create', { name: 'Bench deal', accountId: account.id, amount: { amountMinor: 0, currency: 'EUR' } });

    const out: QuoteCase[] = [];
    for (const count of [50, 500]) {
      const n = count === 500 ? Math.max(5, Math.min(runs, 20)) : Math.max(10, Math.min(runs, 50));
      log(`Measuring quotes of ${count} lines (${n} runs)…`);
      const input = { opportunityId: opportunity.id, lines: lines(count, productIds) };
      out.push({ name: `quotes.create ${count} lines`, detail: 'price from the book, rules, totals, insert', dispatch: await timeRuns(n, () => ok(host, 'quotes.create', input)) });
      const quote = await ok<{ id: number; version: number }>(host, 'quotes.create', input);
      out.push({ name: `quotes.get ${count} lines`, detail: 'lines, totals, revisions, suggestions', dispatch: await timeRuns(n, () => ok(host, 'quotes.get', { id: quote.id })) });
      let last: { pageCount: number; attachment: { byteSize: number } } | null = null;
      const pdf = await timeRuns(n, async () => (last = await ok(host, 'quotes.generatePdf', { id: quote.id })));
      out.push({ name: `quotes.generatePdf ${count} lines`, detail: 'render (pdfkit, embedded Noto Sans) + keep with SHA-256', dispatch: pdf, pages: last!.pageCount, bytes: last!.attachment.byteSize });
    }
    return out;
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatQuoteTable(cases: readonly QuoteCase[]): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const rows = cases.map((c) => [
    c.name,
    `${ms(c.dispatch.p50)} / ${ms(c.dispatch.p95)} / ${ms(c.dispatch.max)}`,
    c.pages !== undefined ? `${c.pages} pages, ${Math.round((c.bytes ?? 0) / 1024)} KiB` : '',
    c.detail,
  ]);
  const head = ['case', 'dispatch p50/p95/max ms', 'output', 'what'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
