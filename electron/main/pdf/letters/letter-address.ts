/**
 * The recipient's address and the return line, fitted into the envelope
 * window. Whatever the data, nothing may be printed outside the window: it
 * would be hidden by the envelope, or, worse, a half-visible line would be
 * read by the sorting machine. Lines are never wrapped (that would change
 * the address's shape); the block shrinks, and a line still too long is cut
 * with an ellipsis.
 */
import { applyStyle, layoutText, shrinkToFit, textWidth, type TextBlock, type TextStyle } from '../pdf-draw';
import { withEllipsis } from '../pdf-text';
import { ADDRESS_LEADING, ADDRESS_MIN_SIZE, LETTER_TEXT, RETURN_LINE_MIN_SIZE, recipientBox, type Box, type LetterLayout } from './letter-layout';

/** Widths in the file are rounded to font units; half a point keeps rounding from crossing the edge. */
const SLACK = 0.5;

export interface FittedAddress {
  lines: string[];
  style: TextStyle;
  leading: number;
  /** True when a line had to be cut: the caller may want to tell someone. */
  shortened: boolean;
}

export function fitAddress(doc: PDFKit.PDFDocument, lines: string[], box: Box): FittedAddress {
  const width = box.width - SLACK;
  const tooWide = (style: TextStyle) => lines.some((line) => textWidth(doc, line, style) > width);
  const tooTall = (style: TextStyle) => blockHeight(doc, lines.length, style) > box.height - SLACK;
  let style: TextStyle = LETTER_TEXT.address;
  while (style.size > ADDRESS_MIN_SIZE && (tooWide(style) || tooTall(style))) style = { ...style, size: Math.max(ADDRESS_MIN_SIZE, style.size - 0.5) };
  applyStyle(doc, style);
  const measure = (text: string) => doc.widthOfString(text);
  const fitted = lines.map((line) => (measure(line) <= width ? line : withEllipsis(line, width, measure)));
  return { lines: fitted, style, leading: style.size * ADDRESS_LEADING, shortened: fitted.some((line, i) => line !== lines[i]) };
}

/** From the top of the first line's ascenders to the bottom of the last line's descenders. */
function blockHeight(doc: PDFKit.PDFDocument, lineCount: number, style: TextStyle): number {
  applyStyle(doc, style);
  return (lineCount - 1) * style.size * ADDRESS_LEADING + doc.currentLineHeight();
}

export function drawAddress(doc: PDFKit.PDFDocument, address: FittedAddress, box: Box): void {
  applyStyle(doc, address.style);
  let y = box.y;
  for (const line of address.lines) {
    doc.text(line, box.x, y, { lineBreak: false });
    y += address.leading;
  }
}

/**
 * The sender in one small line ("Acme GmbH · Hauptstr. 1 · 10115 Berlin"),
 * set just above the recipient, where the envelope shows it as the return
 * address. Null when the layout has no room for one.
 */
export function layoutReturnLine(doc: PDFKit.PDFDocument, layout: LetterLayout, parts: string[]): { block: TextBlock; x: number; y: number; width: number } | null {
  if (layout.returnZoneHeight <= 0) return null;
  const box = recipientBox(layout);
  const text = parts.join(' · ');
  const style = shrinkToFit(doc, text, box.width - SLACK, LETTER_TEXT.returnLine, RETURN_LINE_MIN_SIZE);
  const block = layoutText(doc, text, box.width - SLACK, 1, style);
  applyStyle(doc, style);
  // Its descenders end a millimetre above the recipient's zone.
  const y = box.y - doc.currentLineHeight() - 72 / 25.4;
  return { block, x: box.x, y, width: box.width };
}
