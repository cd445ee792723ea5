/**
 * Page furniture of the proposal: the first page's letterhead with the
 * customer and quote details, the slim running header of later pages, and
 * the footers, which are written last because "Page x of y" needs y.
 */
import { drawBlock, drawLine, layoutText, rule, type TextBlock } from './pdf-draw';
import type { PageFlow } from './pdf-page-flow';
import { cleanLine } from './pdf-text';
import type { QuoteLayoutContext } from './quote-layout-context';
import { readLogo } from './quote-logo';
import { COLOR, TEXT } from './quote-theme';

const LOGO_BOX = { width: 170, height: 60 };

export function drawLetterhead(ctx: QuoteLayoutContext): void {
  const { doc, flow, quote } = ctx;
  const top = flow.y;
  const company = cleanLine(quote.company.name);
  const logoHeight = drawLogo(ctx, flow.left, top);
  const leftHeight = logoHeight ?? drawBlock(doc, layoutText(doc, company, flow.width * 0.5, 2, TEXT.companyBig), flow.left, top, flow.width * 0.5) - top;

  // With a logo the name goes on the right; without one it is the big text on the left already.
  const contact = [quote.company.phone, quote.company.email, quote.company.website].map(cleanLine).filter(Boolean);
  const rightWidth = flow.width * 0.45;
  const rightX = flow.right - rightWidth;
  let y = top;
  if (logoHeight !== null) y = drawBlock(doc, layoutText(doc, company, rightWidth, 2, TEXT.companyName), rightX, y, rightWidth, 'right');
  for (const line of [...quote.company.addressLines.slice(0, 6), ...contact]) {
    y = drawBlock(doc, layoutText(doc, cleanLine(line), rightWidth, 2, TEXT.small), rightX, y, rightWidth, 'right');
  }
  flow.y = Math.max(top + leftHeight, y) + 12;
  rule(doc, flow.left, flow.right, flow.y, COLOR.accent, 1.5);
  flow.y += 16;
  drawParties(ctx);
  flow.y += 18;
  const title = cleanLine(quote.quote.title);
  if (title) {
    flow.y = drawBlock(doc, layoutText(doc, title, flow.width, 3, TEXT.title), flow.left, flow.y, flow.width) + 10;
  }
}

/** Draws the logo fitted into its box; null when there is none (a warning says why). */
function drawLogo(ctx: QuoteLayoutContext, x: number, y: number): number | null {
  const path = ctx.quote.company.logoPath;
  if (path === null || path.trim() === '') return null;
  const logo = readLogo(path);
  if (!logo.ok) {
    ctx.warnings.push(logo.warning);
    return null;
  }
  try {
    // Drawn "in flow" so pdfkit, which knows the EXIF orientation, reports the fitted height by moving doc.y.
    ctx.doc.x = x;
    ctx.doc.y = y;
    ctx.doc.image(logo.bytes, { fit: [LOGO_BOX.width, LOGO_BOX.height] });
    return ctx.doc.y - y;
  } catch (error) {
    // pdfkit throws plain strings for some bad images.
    const why = error instanceof Error ? error.message : String(error);
    ctx.warnings.push(`Logo could not be decoded (${why}): ${path}; printed without a logo.`);
    return null;
  }
}

/** "Prepared for" on the left, the quote's number, version, dates and salesperson on the right. */
function drawParties(ctx: QuoteLayoutContext): void {
  const { doc, flow, quote, fmt } = ctx;
  const top = flow.y;
  const leftWidth = flow.width * 0.5;
  let left = drawLine(doc, 'PREPARED FOR', flow.left, top, leftWidth, TEXT.label) + 3;
  const customer = quote.customer;
  const customerBlocks: TextBlock[] = [
    layoutText(doc, cleanLine(customer.accountName), leftWidth, 2, TEXT.customerName),
    layoutText(doc, cleanLine(customer.contactName), leftWidth, 2, TEXT.body),
    layoutText(doc, cleanLine(customer.contactEmail), leftWidth, 1, TEXT.small),
    ...customer.addressLines.slice(0, 6).map((line) => layoutText(doc, cleanLine(line), leftWidth, 2, TEXT.body)),
  ];
  for (const block of customerBlocks) left = drawBlock(doc, block, flow.left, left, leftWidth);

  const metaWidth = flow.width * 0.42;
  const metaX = flow.right - metaWidth;
  let right = drawBlock(doc, layoutText(doc, `Quote ${cleanLine(quote.quote.number)}`, metaWidth, 2, TEXT.quoteNumber), metaX, top, metaWidth);
  right = drawLine(doc, `Version ${quote.quote.revision}`, metaX, right, metaWidth, TEXT.small) + 6;
  const labelWidth = 70;
  const valueX = metaX + labelWidth;
  const valueWidth = metaWidth - labelWidth;
  const rows: [string, string, string | null][] = [
    ['Issued', fmt.date(quote.quote.issuedOn), null],
    ['Valid until', quote.quote.validUntil ? fmt.date(quote.quote.validUntil) : '—', null],
    ['Salesperson', cleanLine(quote.quote.salesperson), cleanLine(quote.quote.salespersonEmail) || null],
  ];
  for (const [label, value, extra] of rows) {
    drawLine(doc, label, metaX, right, labelWidth, TEXT.small);
    right = drawBlock(doc, layoutText(doc, value, valueWidth, 2, TEXT.body), valueX, right, valueWidth);
    if (extra) right = drawBlock(doc, layoutText(doc, extra, valueWidth, 1, TEXT.small), valueX, right, valueWidth);
    right += 2;
  }
  flow.y = Math.max(left, right);
}

/** Later pages: who and which quote, in one quiet line, so a loose page can be put back. */
export function drawRunningHeader(ctx: Pick<QuoteLayoutContext, 'doc' | 'quote'>, flow: PageFlow): void {
  const { doc, quote } = ctx;
  const half = flow.width / 2;
  drawLine(doc, cleanLine(quote.company.name), flow.left, flow.y, half, TEXT.footer);
  drawLine(doc, quoteReference(ctx), flow.left + half, flow.y, half, TEXT.footer, 'right');
  flow.y += 14;
  rule(doc, flow.left, flow.right, flow.y, COLOR.rule);
  flow.y += 10;
}

function quoteReference(ctx: Pick<QuoteLayoutContext, 'quote'>): string {
  return `Quote ${cleanLine(ctx.quote.quote.number)} · Version ${ctx.quote.quote.revision}`;
}

/** Writes "Page x of y" and the company name on every buffered page; call once, after all content. */
export function drawFooters(ctx: Pick<QuoteLayoutContext, 'doc' | 'quote'>): number {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const { margins, width, height } = doc.page;
    const left = margins.left;
    const contentWidth = width - margins.left - margins.right;
    const y = height - margins.bottom + 24;
    rule(doc, left, left + contentWidth, y - 6, COLOR.rule);
    const third = contentWidth / 3;
    drawLine(doc, cleanLine(ctx.quote.company.name), left, y, third, TEXT.footer);
    drawLine(doc, quoteReference(ctx), left + third, y, third, TEXT.footer, 'center');
    drawLine(doc, `Page ${i + 1} of ${range.count}`, left + 2 * third, y, third, TEXT.footer, 'right');
  }
  return range.count;
}
