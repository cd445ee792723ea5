/**
 * The branded proposal PDF of a quote: letterhead, customer and quote
 * details, the line table, totals, terms and a signature block, with a footer
 * on every page. Pure Node (pdfkit), so it runs in the main process, in the
 * CLI and in tests alike; it reads the fonts and the logo from disk and
 * writes nothing.
 */
import PDFDocument from 'pdfkit';
import { PageFlow } from './pdf-page-flow';
import { FONT, defaultFontDir, fontPaths } from './pdf-fonts';
import { cleanLine } from './pdf-text';
import type { QuoteDocument, RenderedPdf } from './quote-document';
import { assertPrintableQuote } from './quote-document.schema';
import { quoteFormatters } from './quote-formatters';
import { drawFooters, drawLetterhead, drawRunningHeader } from './quote-header';
import type { QuoteLayoutContext } from './quote-layout-context';
import { drawProseSection, measureSignatureBlock } from './quote-closing';
import { drawLineTable } from './quote-line-table';
import { PAGE } from './quote-theme';
import { drawTotals } from './quote-totals';

export { defaultFontDir } from './pdf-fonts';

export interface RenderQuotePdfOptions {
  /** Folder holding NotoSans-Regular.ttf and NotoSans-Bold.ttf; defaults to defaultFontDir(). */
  fontDir?: string;
  /**
   * Stamped into the PDF's metadata (and its file ID, which pdfkit derives
   * from it). Pass a fixed date and the same document renders to the same
   * bytes; leave it out and the file says "now".
   */
  creationDate?: Date;
}

/** Throws InvalidQuoteDocumentError for a document that cannot be printed truthfully; a bad logo is only a warning. */
export async function renderQuotePdf(quote: QuoteDocument, options: RenderQuotePdfOptions = {}): Promise<RenderedPdf> {
  assertPrintableQuote(quote);
  const fonts = fontPaths(options.fontDir ?? defaultFontDir());
  const createdAt = options.creationDate ?? new Date();
  if (Number.isNaN(createdAt.getTime())) throw new Error('creationDate is not a valid date');

  const number = cleanLine(quote.quote.number);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    // Footers say "Page x of y", which is only known once every page exists.
    bufferPages: true,
    // pdfkit opens Helvetica at construction unless given a font; Helvetica has
    // no Polish, Greek or Cyrillic letters, and we want no trace of it in the file.
    font: fonts.regular,
    lang: quote.locale,
    displayTitle: true,
    info: {
      Title: [`Quote ${number}`, cleanLine(quote.quote.title)].filter(Boolean).join(' — '),
      Author: cleanLine(quote.company.name),
      Subject: `Quote ${number}, version ${quote.quote.revision}`,
      Creator: 'Office CRM',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const bytes = collect(doc);
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);

  const warnings: string[] = [];
  const base = { doc, quote };
  const ctx: QuoteLayoutContext = {
    ...base,
    flow: new PageFlow(doc, (flow) => drawRunningHeader(base, flow)),
    fmt: quoteFormatters(quote.locale, quote.currency),
    warnings,
  };

  drawLetterhead(ctx);
  drawLineTable(ctx);
  ctx.flow.y += 12;
  drawProseSection(ctx, 'Notes', quote.notes);
  drawTotals(ctx);
  const signature = measureSignatureBlock(ctx);
  drawProseSection(ctx, 'Terms and conditions', quote.terms, signature.height);
  signature.draw();
  const pageCount = drawFooters(ctx);

  doc.end();
  return { bytes: await bytes, pageCount, warnings };
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
