/**
 * The letters channel's mail merge: one PDF holding every recipient's
 * letter, each starting on a new page with the address placed for a window
 * envelope. Pure Node (pdfkit): data in, PDF bytes out; the fields are
 * merged by the caller.
 *
 * Pages are not buffered: pdfkit writes each page out when the next one
 * starts, so a mailing of 10,000 letters holds one page plus the finished
 * bytes in memory, and the render yields to the event loop now and then so
 * the main process stays responsive.
 */
import PDFDocument from 'pdfkit';
import { FONT, defaultFontDir, fontPaths } from '../pdf-fonts';
import { layoutText } from '../pdf-draw';
import { collectPdf } from './byte-sink';
import { drawLetterBody } from './letter-body';
import { drawFirstPage, prepareFirstPage } from './letter-first-page';
import { LETTER_LAYOUTS, LETTER_TEXT } from './letter-layout';
import { parseLettersDocument, type LettersDocument } from './letters-document.schema';

export interface RenderLettersPdfOptions {
  /** Folder holding NotoSans-Regular.ttf and NotoSans-Bold.ttf; defaults to defaultFontDir(). */
  fontDir?: string;
  /** Stamped into the metadata; a fixed date gives the same bytes for the same letters. Defaults to now. */
  creationDate?: Date;
  /** Told about what was printed differently from the data: a shortened address line, a logo left out. */
  onWarning?: (message: string) => void;
}

/** Letters drawn between two yields to the event loop. */
const LETTERS_PER_SLICE = 100;
/** Letters between two resets of pdfkit's word-shape cache (see forgetWordShapes). */
const LETTERS_PER_WORD_CACHE = 1_000;

/** Throws CrmError('validation') for a document that cannot be printed (see parseLettersDocument). */
export async function renderLettersPdf(document: LettersDocument, options: RenderLettersPdfOptions = {}): Promise<Buffer> {
  const letters = parseLettersDocument(document);
  const fonts = fontPaths(options.fontDir ?? defaultFontDir());
  const createdAt = options.creationDate ?? new Date();
  if (Number.isNaN(createdAt.getTime())) throw new Error('creationDate is not a valid date');
  const warn = options.onWarning ?? (() => {});
  const layout = LETTER_LAYOUTS[letters.layout];

  const doc = new PDFDocument({
    size: [layout.page.width, layout.page.height],
    margins: layout.margins,
    // Helvetica has no Greek or Cyrillic letters; opening Noto at once keeps it out of the file.
    font: fonts.regular,
    info: {
      Title: letters.subject ? `Letters: ${letters.subject}` : 'Letters',
      Author: letters.sender.name,
      Creator: 'Office CRM',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const bytes = collectPdf(doc);
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);

  const furniture = prepareFirstPage(doc, layout, letters, warn);
  const bodyWidth = layout.page.width - layout.margins.left - layout.margins.right;
  const subject = letters.subject ? layoutText(doc, letters.subject, bodyWidth, 3, LETTER_TEXT.subject) : null;

  for (const [i, letter] of letters.letters.entries()) {
    // The first letter uses the page pdfkit opened with the document.
    if (i > 0) doc.addPage();
    if (drawFirstPage(doc, furniture, letter.recipientLines)) warn(`Letter ${i + 1}: an address line was too long for the window and was shortened.`);
    drawLetterBody(doc, layout, subject, letter.body, letter.recipientLines[0] ?? '');
    if ((i + 1) % LETTERS_PER_WORD_CACHE === 0) forgetWordShapes(doc);
    if ((i + 1) % LETTERS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  doc.end();
  return bytes;
}

/**
 * pdfkit keeps the shaping of every distinct word it has measured or drawn
 * for the life of the document, and a mail merge has new words on every
 * letter (names, streets, postal codes): about 4 kB a letter. Starting the
 * cache afresh now and then bounds it; the words every letter shares are
 * shaped again once. The cache is pdfkit's own field (`layoutCache` of each
 * embedded font), so this only acts when it is there.
 */
function forgetWordShapes(doc: PDFKit.PDFDocument): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: unknown }> })._fontFamilies ?? {};
  for (const font of Object.values(fonts)) {
    if (font.layoutCache && typeof font.layoutCache === 'object') font.layoutCache = Object.create(null);
  }
}
