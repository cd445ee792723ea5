/**
 * The quote's line table. Every row is measured before it is placed, which
 * gives the two pagination rules their footing:
 * - the header row is re-drawn by PageFlow's page-start hook on every page
 *   the table continues on;
 * - a group heading keeps with what follows it (the next item, through any
 *   headings in between): if they do not fit together, the heading moves to
 *   the next page, so no page ends on a heading.
 * Cells are clamped (name 4 lines, description 12), so a row is always
 * shorter than a page and a pathological line cannot stall the layout.
 */
import { drawBlock, fillRect, layoutText, rule, shrinkToFit, vertical, type TextBlock } from './pdf-draw';
import { cleanLine, cleanParagraphs } from './pdf-text';
import type { QuoteDocumentLine } from './quote-document';
import type { QuoteLayoutContext } from './quote-layout-context';
import { COLOR, TEXT } from './quote-theme';

type ItemLine = Extract<QuoteDocumentLine, { kind: 'item' }>;

const PAD_X = 5;
const PAD_Y = 5;
const COMPONENT_INDENT = 14;
const MAX_NAME_LINES = 4;
const MAX_DESCRIPTION_LINES = 12;

interface Column {
  key: 'item' | 'qty' | 'price' | 'discount' | 'tax' | 'amount';
  title: string;
  width: number;
  align: 'left' | 'right';
}

/** Fixed widths for the figures; the item column takes the rest. */
function columns(tableWidth: number): Column[] {
  const fixed: Column[] = [
    { key: 'qty', title: 'Qty', width: 58, align: 'right' },
    { key: 'price', title: 'Unit price', width: 72, align: 'right' },
    { key: 'discount', title: 'Discount', width: 56, align: 'right' },
    { key: 'tax', title: 'Tax', width: 40, align: 'right' },
    { key: 'amount', title: 'Amount', width: 80, align: 'right' },
  ];
  const rest = tableWidth - fixed.reduce((sum, c) => sum + c.width, 0);
  return [{ key: 'item', title: 'SKU / Item', width: rest, align: 'left' }, ...fixed];
}

interface PlacedColumn extends Column {
  x: number;
}

interface MeasuredRow {
  height: number;
  truncated?: boolean;
  draw(y: number): void;
}

export function drawLineTable(ctx: QuoteLayoutContext): void {
  const { flow, quote } = ctx;
  let x = flow.left;
  const cols: PlacedColumn[] = columns(flow.width).map((c) => {
    const placed = { ...c, x };
    x += c.width;
    return placed;
  });
  const header = measureHeader(ctx, cols);
  const rows = quote.lines.map((line) => (line.kind === 'heading' ? measureHeading(ctx, line.text) : measureItem(ctx, cols, line)));
  const shortened = rows.filter((r) => r.truncated).length;
  if (shortened) {
    ctx.warnings.push(`${shortened} line(s) had text shortened to fit the table (names ${MAX_NAME_LINES} lines, descriptions ${MAX_DESCRIPTION_LINES} lines).`);
  }

  // The header and at least the first row start together.
  flow.ensure(header.height + (rows[0]?.height ?? 0));
  const drawHeader = () => {
    header.draw(flow.y);
    flow.y += header.height;
  };
  drawHeader();
  flow.markBodyTop();
  flow.onPageStart = drawHeader;
  try {
    if (!rows.length) {
      const empty = measureNote(ctx, 'No lines');
      empty.draw(flow.y);
      flow.y += empty.height;
      return;
    }
    rows.forEach((row, i) => {
      flow.ensure(keepTogetherHeight(quote.lines, rows, i, flow.pageBodyHeight));
      row.draw(flow.y);
      flow.y += row.height;
    });
  } finally {
    flow.onPageStart = null;
  }
}

/**
 * The height that must fit for row i to be placed: a heading needs the rows
 * up to and including the next item; anything else needs only itself. Capped
 * at a page, so a run of headings longer than a page still gets placed.
 */
function keepTogetherHeight(lines: readonly QuoteDocumentLine[], rows: readonly MeasuredRow[], i: number, pageHeight: number): number {
  let height = rows[i]!.height;
  if (lines[i]!.kind !== 'heading') return height;
  for (let j = i + 1; j < rows.length && height < pageHeight; j++) {
    height += rows[j]!.height;
    if (lines[j]!.kind === 'item') break;
  }
  return Math.min(height, pageHeight);
}

function measureHeader(ctx: QuoteLayoutContext, cols: PlacedColumn[]): MeasuredRow {
  const { doc, flow } = ctx;
  const blocks = cols.map((c) => layoutText(doc, c.title, c.width - 2 * PAD_X, 1, TEXT.tableHeader));
  const height = Math.max(...blocks.map((b) => b.height)) + 2 * PAD_Y;
  return {
    height,
    draw: (y) => {
      fillRect(doc, flow.left, y, flow.width, height, COLOR.accent);
      cols.forEach((c, i) => drawBlock(doc, blocks[i]!, c.x + PAD_X, y + PAD_Y, c.width - 2 * PAD_X, c.align));
    },
  };
}

function measureHeading(ctx: QuoteLayoutContext, text: string): MeasuredRow {
  const { doc, flow } = ctx;
  const block = layoutText(doc, cleanLine(text), flow.width - 2 * PAD_X, 2, TEXT.groupHeading);
  const height = block.height + 2 * PAD_Y + 2;
  return {
    height,
    draw: (y) => {
      fillRect(doc, flow.left, y + 2, flow.width, height - 2, COLOR.band);
      drawBlock(doc, block, flow.left + PAD_X, y + 2 + PAD_Y, flow.width - 2 * PAD_X);
    },
  };
}

function measureNote(ctx: QuoteLayoutContext, text: string): MeasuredRow {
  const { doc, flow } = ctx;
  const block = layoutText(doc, text, flow.width, 1, { ...TEXT.cell, color: COLOR.muted });
  const height = block.height + 4 * PAD_Y;
  return {
    height,
    draw: (y) => {
      drawBlock(doc, block, flow.left, y + 2 * PAD_Y, flow.width, 'center');
      rule(doc, flow.left, flow.right, y + height, COLOR.rule);
    },
  };
}

function measureItem(ctx: QuoteLayoutContext, cols: PlacedColumn[], line: ItemLine): MeasuredRow {
  const { doc, fmt, flow } = ctx;
  /** Amounts shrink rather than wrap, down to a size that is still readable; past that they wrap. */
  const fitting = (text: string, width: number) => shrinkToFit(doc, text, width, TEXT.cell, 6.5);
  const cells = new Map<Column['key'], TextBlock[]>();
  for (const c of cols) {
    const indent = c.key === 'item' && line.isComponent ? COMPONENT_INDENT : 0;
    const width = c.width - 2 * PAD_X - indent;
    cells.set(c.key, cellBlocks(c.key, line, width).map(([text, lines, style]) => layoutText(doc, text, width, lines, style)));
  }
  function cellBlocks(key: Column['key'], item: ItemLine, width: number): [string, number, typeof TEXT.cell][] {
    switch (key) {
      case 'item':
        return [
          [cleanLine(item.sku), 1, TEXT.sku],
          [cleanLine(item.name), MAX_NAME_LINES, item.isComponent ? TEXT.componentName : TEXT.itemName],
          [cleanParagraphs(item.description), MAX_DESCRIPTION_LINES, TEXT.description],
        ];
      case 'qty':
        return [[[fmt.quantity(item.quantity), cleanLine(item.unit)].filter(Boolean).join(' '), 3, TEXT.cell]];
      case 'price':
        return [[fmt.money(item.unitPriceMinor), 2, fitting(fmt.money(item.unitPriceMinor), width)]];
      case 'discount':
        return [[cleanLine(item.discountLabel), 2, TEXT.cell]];
      case 'tax':
        return [[item.taxRatePercent === null ? '' : fmt.percent(item.taxRatePercent), 1, TEXT.cell]];
      case 'amount':
        return [[fmt.money(item.netMinor), 2, fitting(fmt.money(item.netMinor), width)]];
    }
  }
  // Figures line up with the item's name, not with the small SKU line above it.
  const figuresTop = cells.get('item')?.[0]?.height ?? 0;
  const topOf = (key: Column['key']) => (key === 'item' ? 0 : figuresTop);
  const heights = cols.map((c) => topOf(c.key) + (cells.get(c.key) ?? []).reduce((sum, b) => sum + b.height, 0));
  const height = Math.max(...heights) + 2 * PAD_Y;
  return {
    height,
    truncated: [...cells.values()].some((blocks) => blocks.some((b) => b.truncated)),
    draw: (y) => {
      for (const c of cols) {
        const indent = c.key === 'item' && line.isComponent ? COMPONENT_INDENT : 0;
        let cellY = y + PAD_Y + topOf(c.key);
        for (const block of cells.get(c.key) ?? []) cellY = drawBlock(doc, block, c.x + PAD_X + indent, cellY, c.width - 2 * PAD_X - indent, c.align);
      }
      // A bar in the indent ties a component to the bundle above it.
      if (line.isComponent) vertical(doc, flow.left + PAD_X + 4, y + PAD_Y, y + height - PAD_Y, COLOR.rule);
      rule(doc, flow.left, flow.right, y + height, COLOR.rule);
    },
  };
}
