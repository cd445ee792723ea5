/**
 * The totals block, printed as the document states them (never recomputed
 * here: shared/quote-math.ts made them add up). It is one unit on the page —
 * a subtotal on one page and its total on the next reads like two quotes.
 */
import { drawBlock, fillRect, layoutText, rule, shrinkToFit, type TextBlock } from './pdf-draw';
import { cleanLine } from './pdf-text';
import type { QuoteLayoutContext } from './quote-layout-context';
import { COLOR, TEXT } from './quote-theme';

const BLOCK_WIDTH = 280;
const AMOUNT_WIDTH = 120;
const ROW_GAP = 3;
const PAD = 6;

interface TotalRow {
  label: TextBlock;
  amount: TextBlock;
}

export function drawTotals(ctx: QuoteLayoutContext): void {
  const { doc, flow, fmt, quote } = ctx;
  const t = quote.totals;
  const labelWidth = BLOCK_WIDTH - AMOUNT_WIDTH - 2 * PAD;
  const row = (label: string, amountMinor: number, grand = false): TotalRow => {
    const style = grand ? TEXT.grandTotal : TEXT.totalLabel;
    const amount = fmt.money(amountMinor);
    // An amount is never cut: it shrinks to fit, and only wraps past the smallest size.
    const amountStyle = shrinkToFit(doc, amount, AMOUNT_WIDTH, style, 7);
    return { label: layoutText(doc, label, labelWidth, 2, style), amount: layoutText(doc, amount, AMOUNT_WIDTH, 2, amountStyle) };
  };
  const rows: TotalRow[] = [row('Subtotal', t.subtotalMinor)];
  if (t.quoteDiscountMinor !== 0) rows.push(row(cleanLine(t.quoteDiscountLabel) || 'Discount', -t.quoteDiscountMinor));
  if (t.shippingMinor !== 0) rows.push(row('Shipping', t.shippingMinor));
  for (const tax of t.taxes) rows.push(row(taxLabel(ctx, tax), tax.taxMinor));
  const total = row('Total', t.totalMinor, true);

  const heightOf = (r: TotalRow) => Math.max(r.label.height, r.amount.height);
  const bodyHeight = rows.reduce((sum, r) => sum + heightOf(r) + ROW_GAP, 0);
  const totalHeight = heightOf(total) + 2 * PAD;
  flow.ensure(PAD + bodyHeight + 4 + totalHeight);

  const x = flow.right - BLOCK_WIDTH;
  let y = flow.y + PAD;
  for (const r of rows) {
    drawBlock(doc, r.label, x + PAD, y, labelWidth);
    drawBlock(doc, r.amount, flow.right - PAD - AMOUNT_WIDTH, y, AMOUNT_WIDTH, 'right');
    y += heightOf(r) + ROW_GAP;
  }
  y += 2;
  rule(doc, x, flow.right, y, COLOR.ink, 0.8);
  y += 2;
  fillRect(doc, x, y, BLOCK_WIDTH, totalHeight, COLOR.band);
  drawBlock(doc, total.label, x + PAD, y + PAD, labelWidth);
  drawBlock(doc, total.amount, flow.right - PAD - AMOUNT_WIDTH, y + PAD, AMOUNT_WIDTH, 'right');
  flow.y = y + totalHeight + 14;
}

/** "VAT 19% on €1,000.00"; a label that already names its rate is not given it twice. */
function taxLabel(ctx: QuoteLayoutContext, tax: { label: string; ratePercent: number; baseMinor: number }): string {
  const rate = ctx.fmt.percent(tax.ratePercent);
  const label = cleanLine(tax.label) || 'Tax';
  const named = label.includes(rate) ? label : `${label} ${rate}`;
  return `${named} on ${ctx.fmt.money(tax.baseMinor)}`;
}
