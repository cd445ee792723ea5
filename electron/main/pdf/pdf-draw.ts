/**
 * Measured text blocks: a block knows its lines and height before it is
 * drawn, so the layout can decide where it goes (this page or the next) and
 * pdfkit never gets a chance to break a page on its own.
 */
import { FONT } from './pdf-fonts';
import { wrapText } from './pdf-text';

export interface TextStyle {
  weight: 'regular' | 'bold';
  size: number;
  color: string;
}

export interface TextBlock {
  lines: string[];
  style: TextStyle;
  lineHeight: number;
  height: number;
  truncated: boolean;
}

export function applyStyle(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc.font(FONT[style.weight]).fontSize(style.size).fillColor(style.color);
}

export function textWidth(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  applyStyle(doc, style);
  return doc.widthOfString(text);
}

/** The style at the largest size, down to `minSize`, at which the text fits the width on one line. */
export function shrinkToFit(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle, minSize: number): TextStyle {
  let fitted = style;
  while (fitted.size > minSize && textWidth(doc, text, fitted) > width) fitted = { ...fitted, size: Math.max(minSize, fitted.size - 0.5) };
  return fitted;
}

export function layoutText(doc: PDFKit.PDFDocument, text: string, width: number, maxLines: number, style: TextStyle): TextBlock {
  applyStyle(doc, style);
  const lineHeight = doc.currentLineHeight(true);
  if (text === '') return { lines: [], style, lineHeight, height: 0, truncated: false };
  const wrapped = wrapText(text, Math.max(width, 1), maxLines, (s) => doc.widthOfString(s));
  return { lines: wrapped.lines, style, lineHeight, height: wrapped.lines.length * lineHeight, truncated: wrapped.truncated };
}

export type Align = 'left' | 'right' | 'center';

/** Draws a laid-out block with its top at y; returns the y below it. */
export function drawBlock(doc: PDFKit.PDFDocument, block: TextBlock, x: number, y: number, width: number, align: Align = 'left'): number {
  if (!block.lines.length) return y;
  applyStyle(doc, block.style);
  let lineY = y;
  for (const line of block.lines) {
    if (line !== '') {
      const w = align === 'left' ? 0 : doc.widthOfString(line);
      const lineX = align === 'left' ? x : align === 'right' ? x + width - w : x + (width - w) / 2;
      // lineBreak: false keeps pdfkit from wrapping or adding a page; the block is already measured.
      doc.text(line, lineX, lineY, { lineBreak: false });
    }
    lineY += block.lineHeight;
  }
  return lineY;
}

/** A one-line convenience for labels that are known to be short. */
export function drawLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, style: TextStyle, align: Align = 'left'): number {
  return drawBlock(doc, layoutText(doc, text, width, 1, style), x, y, width, align);
}

export function rule(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number, color: string, lineWidth = 0.5): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(lineWidth).strokeColor(color).stroke().restore();
}

export function vertical(doc: PDFKit.PDFDocument, x: number, y1: number, y2: number, color: string, lineWidth = 1): void {
  doc.save().moveTo(x, y1).lineTo(x, y2).lineWidth(lineWidth).strokeColor(color).stroke().restore();
}

export function fillRect(doc: PDFKit.PDFDocument, x: number, y: number, width: number, height: number, color: string): void {
  doc.save().rect(x, y, width, height).fillColor(color).fill().restore();
}
