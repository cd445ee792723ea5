import type { PageFlow } from './pdf-page-flow';
import type { QuoteDocument } from './quote-document';
import type { QuoteFormatters } from './quote-formatters';

/** What every block of the proposal layout needs: the document, the cursor, the formatters. */
export interface QuoteLayoutContext {
  doc: PDFKit.PDFDocument;
  flow: PageFlow;
  fmt: QuoteFormatters;
  quote: QuoteDocument;
  warnings: string[];
}
