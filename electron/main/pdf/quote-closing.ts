/**
 * Free text around the totals (notes before, terms after) and the signature
 * block. Prose may run for pages, so it flows line by line; only a section's
 * title is kept with its first lines, and the signature block, which is
 * useless split, is kept whole.
 */
import { drawBlock, drawLine, layoutText, rule } from './pdf-draw';
import { cleanLine, cleanParagraphs } from './pdf-text';
import type { QuoteLayoutContext } from './quote-layout-context';
import { COLOR, TEXT } from './quote-theme';

/** Enough for pages of terms; a bound so a runaway paste cannot make a 1,000-page proposal. */
const MAX_PROSE_LINES = 600;
const KEEP_WITH_TITLE = 2;
const KEEP_WITH_NEXT = 3;
const SECTION_GAP = 14;

/**
 * A titled section of free text. `keepWithNextHeight` is the height of the
 * block that follows (the signature): the section's last lines move with it
 * rather than leaving it alone on a page.
 */
export function drawProseSection(ctx: QuoteLayoutContext, title: string, text: string | null, keepWithNextHeight = 0): void {
  const { doc, flow } = ctx;
  const prose = layoutText(doc, cleanParagraphs(text), flow.width, MAX_PROSE_LINES, TEXT.body);
  if (!prose.lines.length) return;
  if (prose.truncated) ctx.warnings.push(`${title} shortened to ${MAX_PROSE_LINES} printed lines.`);
  const heading = layoutText(doc, title, flow.width, 1, TEXT.sectionTitle);
  flow.ensure(heading.height + 4 + Math.min(prose.lines.length, KEEP_WITH_TITLE) * prose.lineHeight);
  flow.y = drawBlock(doc, heading, flow.left, flow.y, flow.width) + 4;
  const tailStart = Math.max(0, prose.lines.length - KEEP_WITH_NEXT);
  prose.lines.forEach((line, i) => {
    const tail = i === tailStart && keepWithNextHeight > 0 ? (prose.lines.length - i) * prose.lineHeight + SECTION_GAP + keepWithNextHeight : 0;
    flow.ensure(Math.max(prose.lineHeight, tail));
    if (line === '' && flow.atPageTop) return; // a paragraph gap is not worth a line at the top of a page
    flow.y = drawBlock(doc, { ...prose, lines: [line], height: prose.lineHeight }, flow.left, flow.y, flow.width);
  });
  flow.y += SECTION_GAP;
}

export interface PlacedBlock {
  height: number;
  draw(): void;
}

/** Measured first, so the terms before it can keep their last lines with it. */
export function measureSignatureBlock(ctx: QuoteLayoutContext): PlacedBlock {
  const { doc, flow, quote } = ctx;
  const account = cleanLine(quote.customer.accountName);
  const intro = layoutText(doc, account ? `Accepted on behalf of ${account}:` : 'Accepted by:', flow.width, 2, TEXT.body);
  const title = layoutText(doc, 'Accepted by', flow.width, 1, TEXT.sectionTitle);
  const fieldGap = 20;
  const signingSpace = 34;
  const labelHeight = 12;
  const height = title.height + 4 + intro.height + signingSpace + labelHeight;
  const draw = () => {
    flow.ensure(height);
    flow.y = drawBlock(doc, title, flow.left, flow.y, flow.width) + 4;
    flow.y = drawBlock(doc, intro, flow.left, flow.y, flow.width) + signingSpace;
    const fields = [
      { label: 'Name', share: 0.35 },
      { label: 'Signature', share: 0.4 },
      { label: 'Date', share: 0.25 },
    ];
    const usable = flow.width - fieldGap * (fields.length - 1);
    let x = flow.left;
    for (const field of fields) {
      const width = usable * field.share;
      rule(doc, x, x + width, flow.y, COLOR.ink, 0.7);
      drawLine(doc, field.label, x, flow.y + 3, width, TEXT.small);
      x += width + fieldGap;
    }
    flow.y += labelHeight;
  };
  return { height, draw };
}
