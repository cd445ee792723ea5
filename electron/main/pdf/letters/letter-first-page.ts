/**
 * What a letter's first page carries besides the text: the letterhead, the
 * return line and the recipient in the window, the date, and (DIN) the fold
 * and hole-punch marks. Everything that is the same on every letter is laid
 * out once per file, so a mailing of thousands measures the letterhead once.
 */
import { drawBlock, layoutText, rule, type TextBlock } from '../pdf-draw';
import { drawAddress, fitAddress, layoutReturnLine } from './letter-address';
import { LETTER_TEXT, LOGO_BOX, MARK, recipientBox, type LetterLayout } from './letter-layout';
import type { PrintableLetters } from './letters-document.schema';

/** pdfkit's opened image; its type declarations do not list openImage(). */
interface OpenedImage {
  width: number;
  height: number;
}

export interface FirstPageFurniture {
  layout: LetterLayout;
  senderBlocks: TextBlock[];
  logo: OpenedImage | null;
  returnLine: ReturnType<typeof layoutReturnLine>;
  date: TextBlock;
}

/** Lays out the shared parts; a logo pdfkit cannot open is left out with a warning. */
export function prepareFirstPage(doc: PDFKit.PDFDocument, layout: LetterLayout, letters: PrintableLetters, warn: (message: string) => void): FirstPageFurniture {
  const { sender } = letters;
  const logo = sender.logo ? openLogo(doc, sender.logo, warn) : null;
  const bodyWidth = layout.page.width - layout.margins.left - layout.margins.right;
  const senderWidth = logo ? bodyWidth - LOGO_BOX.width - 12 : bodyWidth * 0.6;
  const room = layout.letterhead.bottom - layout.letterhead.top;
  const senderBlocks = [layoutText(doc, sender.name, senderWidth, 2, LETTER_TEXT.senderName)];
  let used = senderBlocks[0]!.height + 2;
  for (const line of sender.addressLines) {
    const block = layoutText(doc, line, senderWidth, 1, LETTER_TEXT.senderLine);
    if (used + block.height > room) break;
    senderBlocks.push(block);
    used += block.height;
  }
  return {
    layout,
    senderBlocks,
    logo,
    returnLine: layoutReturnLine(doc, layout, [sender.name, ...sender.addressLines]),
    date: layoutText(doc, letters.date, layout.dateBlock.width, 2, LETTER_TEXT.date),
  };
}

function openLogo(doc: PDFKit.PDFDocument, bytes: Uint8Array, warn: (message: string) => void): OpenedImage | null {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Opened once: an image passed as bytes to every doc.image() call would be embedded once per letter.
    return (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(buffer);
  } catch (error) {
    // pdfkit throws plain strings for some bad images.
    warn(`The logo could not be decoded (${error instanceof Error ? error.message : String(error)}); printed without a logo.`);
    return null;
  }
}

/** Draws the first page's furniture and the recipient; returns true when an address line had to be shortened. */
export function drawFirstPage(doc: PDFKit.PDFDocument, furniture: FirstPageFurniture, recipientLines: string[]): boolean {
  const { layout } = furniture;
  const left = layout.margins.left;
  const right = layout.page.width - layout.margins.right;

  let y = layout.letterhead.top;
  for (const [i, block] of furniture.senderBlocks.entries()) y = drawBlock(doc, block, left, y, right - left) + (i === 0 ? 2 : 0);
  if (furniture.logo) {
    doc.image(furniture.logo as unknown as Buffer, right - LOGO_BOX.width, layout.letterhead.top, { fit: [LOGO_BOX.width, LOGO_BOX.height], align: 'right' });
  }

  const returnLine = furniture.returnLine;
  if (returnLine) drawBlock(doc, returnLine.block, returnLine.x, returnLine.y, returnLine.width);
  const box = recipientBox(layout);
  const address = fitAddress(doc, recipientLines, box);
  drawAddress(doc, address, box);

  const { dateBlock } = layout;
  drawBlock(doc, furniture.date, dateBlock.x, dateBlock.y, dateBlock.width, dateBlock.align);

  for (const at of layout.marks.foldAt) rule(doc, MARK.x, MARK.x + MARK.foldLength, at, MARK.color, MARK.lineWidth);
  if (layout.marks.punchAt !== null) rule(doc, MARK.x, MARK.x + MARK.punchLength, layout.marks.punchAt, MARK.color, MARK.lineWidth);
  return address.shortened;
}
