/**
 * The subject and the text of one letter, running over as many pages as it
 * needs. Continuation pages carry no letterhead and no address (they do not
 * face the window), only a small footer naming the recipient and the page,
 * so a page that slips out of a stack of thousands can be put back.
 */
import { drawBlock, drawLine, layoutText, type TextBlock } from '../pdf-draw';
import { PageFlow } from '../pdf-page-flow';
import { LETTER_TEXT, type LetterLayout } from './letter-layout';

export function drawLetterBody(doc: PDFKit.PDFDocument, layout: LetterLayout, subject: TextBlock | null, body: string, recipientName: string): void {
  let page = 1;
  const flow = new PageFlow(doc, () => drawContinuationFooter(doc, layout, recipientName, ++page));
  flow.y = layout.firstBodyTop;
  flow.markBodyTop();

  if (subject) {
    flow.y = drawBlock(doc, subject, flow.left, flow.y, flow.width) + subject.lineHeight;
  }
  for (const paragraph of body.split('\n\n')) {
    const block = layoutText(doc, paragraph, flow.width, Number.POSITIVE_INFINITY, LETTER_TEXT.body);
    // A paragraph does not start with its last line at the foot of a page.
    flow.ensure(Math.min(2, block.lines.length) * block.lineHeight);
    for (const line of block.lines) {
      if (!flow.fits(block.lineHeight)) flow.newPage();
      flow.y = drawBlock(doc, { ...block, lines: [line], height: block.lineHeight }, flow.left, flow.y, flow.width);
    }
    flow.y += block.lineHeight;
  }
}

function drawContinuationFooter(doc: PDFKit.PDFDocument, layout: LetterLayout, recipientName: string, page: number): void {
  const left = layout.margins.left;
  const width = layout.page.width - layout.margins.left - layout.margins.right;
  drawLine(doc, recipientName, left, layout.footerY, width * 0.7, LETTER_TEXT.footer);
  drawLine(doc, `Page ${page}`, left + width * 0.7, layout.footerY, width * 0.3, LETTER_TEXT.footer, 'right');
}
