import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuoteDocument } from '../../../electron/main/pdf/quote-document';
import { renderQuotePdf } from '../../../electron/main/pdf/render-quote-pdf';
import { buildQuoteDocument, itemName, makePng } from '../../support/quote-document-fixture';
import { hasPdfImages, pdfImageCount, pdfPageCount, pdfTempDir, pdfText, writePdf } from './poppler';

const AT = new Date('2024-03-01T10:00:00Z');
const dir = pdfTempDir();

async function renderToFile(quote: QuoteDocument, name: string) {
  const pdf = await renderQuotePdf(quote, { creationDate: AT });
  const file = writePdf(dir, name, pdf.bytes);
  expect(pdfPageCount(file)).toBe(pdf.pageCount);
  return { pdf, file, text: pdfText(file) };
}

let badLogoNo = 0;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 10}`).join(' ');

describe('lines that do not fit the table', () => {
  it('clamps a 2,000-character name and description with an ellipsis and says so', async () => {
    const quote = buildQuoteDocument({
      items: 3,
      mapItem: (item, i) => (i === 1 ? { ...item, name: `Long ${words(400)}`.slice(0, 2_000), description: words(400).slice(0, 2_000) } : item),
    });
    const { pdf, text } = await renderToFile(quote, 'long-text.pdf');
    expect(text).toContain('…');
    expect(text).toContain(itemName(2));
    expect(pdf.pageCount).toBeLessThanOrEqual(3);
    expect(pdf.warnings.join('\n')).toMatch(/1 line\(s\) had text shortened/);
  });

  it('breaks a 2,000-character word without spaces between characters', async () => {
    const quote = buildQuoteDocument({ items: 2, mapItem: (item, i) => (i === 0 ? { ...item, name: 'X'.repeat(2_000), sku: 'S'.repeat(500), unit: 'u'.repeat(300) } : item) });
    const { text } = await renderToFile(quote, 'long-word.pdf');
    expect(text).toMatch(/X{10,}…/);
    expect(text).toContain(itemName(1));
  });

  it('renders 500 lines onto many pages', async () => {
    const { pdf, text } = await renderToFile(buildQuoteDocument({ items: 500, groupEvery: 10 }), 'lines-500.pdf');
    expect(pdf.pageCount).toBeGreaterThan(20);
    expect(text).toContain(itemName(499));
    expect(text).toContain(`Page ${pdf.pageCount} of ${pdf.pageCount}`);
  });

  it('prints a zero quantity as 0', async () => {
    const quote = buildQuoteDocument({ items: 1, mapItem: (item) => ({ ...item, quantity: 0, netMinor: 0 }) });
    const { text } = await renderToFile(quote, 'zero-qty.pdf');
    expect(text).toMatch(/0 pcs\s+€10\.00\s+19%\s+€0\.00/);
  });

  it('strips control characters and collapses runs of spaces', async () => {
    const quote = buildQuoteDocument({ items: 1, mapItem: (item) => ({ ...item, name: 'Bad\u0000name\u0007with\u202Econtrols      and   spaces', description: 'first\u0001line\n\n\n\n\nsecond line' }) });
    const { text } = await renderToFile(quote, 'controls.pdf');
    expect(text).toContain('Bad name with controls and spaces');
    expect(text).toMatch(/first line\n\s*\n\s*second line/);
  });

  it('prints a quote with no customer details, no valid-until date and no salesperson e-mail', async () => {
    const quote = buildQuoteDocument({ items: 2 });
    quote.customer = { accountName: null, contactName: null, contactEmail: null, addressLines: [] };
    quote.quote.validUntil = null;
    quote.quote.salespersonEmail = null;
    quote.company = { ...quote.company, email: null, phone: null, website: null, addressLines: [] };
    const { text } = await renderToFile(quote, 'sparse.pdf');
    expect(text).toMatch(/Valid until\s+—/);
    expect(text).toContain('Accepted by:');
  });
});

describe('the logo', () => {
  it('is printed from a PNG file', async () => {
    const logo = join(dir, 'logo.png');
    writeFileSync(logo, makePng({ width: 240, height: 80 }));
    const { pdf, file } = await renderToFile(buildQuoteDocument({ items: 2, logoPath: logo }), 'logo.pdf');
    expect(pdf.warnings).toEqual([]);
    if (hasPdfImages) expect(pdfImageCount(file)).toBe(1);
    const without = await renderQuotePdf(buildQuoteDocument({ items: 2 }), { creationDate: AT });
    expect(pdf.bytes.length).toBeGreaterThan(without.bytes.length);
  });

  it('is printed from a PNG with transparency', async () => {
    const logo = join(dir, 'logo-alpha.png');
    writeFileSync(logo, makePng({ width: 120, height: 40, alpha: true }));
    const { pdf, file } = await renderToFile(buildQuoteDocument({ items: 1, logoPath: logo }), 'logo-alpha.pdf');
    expect(pdf.warnings).toEqual([]);
    if (hasPdfImages) expect(pdfImageCount(file)).toBe(1);
  });

  it.each([
    ['a missing file', () => join(dir, 'no-such-logo.png'), /file not found/],
    ['a text file', () => writeTo('logo.txt', Buffer.from('just some text, not an image')), /neither a PNG nor a JPEG/],
    ['a folder', () => dir, /is not a file/],
    ['a PNG with corrupt pixel data and transparency', () => writeTo('corrupt-alpha.png', makePng({ width: 8, height: 8, alpha: true, corruptData: true })), /not a usable PNG \(corrupt image data\)/],
    ['a truncated PNG', () => writeTo('truncated.png', makePng({ width: 64, height: 64 }).subarray(0, 40)), /not a usable PNG/],
    ['a JPEG without a frame header', () => writeTo('bad.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd9])), /not a usable JPEG/],
  ])('is left out with a warning for %s, and the PDF is still valid', async (_what, makePath, warning) => {
    const path = makePath();
    const { pdf, file, text } = await renderToFile(buildQuoteDocument({ items: 2, logoPath: path }), `logo-bad-${badLogoNo++}.pdf`);
    expect(pdf.warnings).toHaveLength(1);
    expect(pdf.warnings[0]).toMatch(warning);
    expect(pdf.warnings[0]).toContain(path);
    expect(text).toContain('Nordwind Systems GmbH');
    if (hasPdfImages) expect(pdfImageCount(file)).toBe(0);
  });
});

function writeTo(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('documents that cannot be printed truthfully', () => {
  const cases: [string, (q: QuoteDocument) => unknown, RegExp][] = [
    ['lines is not an array', (q) => ({ ...q, lines: 'none' }), /lines: /],
    ['an amount is a fraction of a cent', (q) => ({ ...q, totals: { ...q.totals, totalMinor: 10.5 } }), /totals\.totalMinor: Amounts are whole minor units/],
    ['an amount is beyond 2^53', (q) => ({ ...q, totals: { ...q.totals, subtotalMinor: 2 ** 53 } }), /totals\.subtotalMinor/],
    ['a line amount is not a number', (q) => ({ ...q, lines: [{ ...q.lines[0]!, netMinor: '12' }] }), /lines\[0\]\.netMinor/],
    ['a quantity is infinite', (q) => ({ ...q, lines: [{ ...q.lines[0]!, quantity: Infinity }] }), /lines\[0\]\.quantity/],
    ['a line has an unknown kind', (q) => ({ ...q, lines: [{ kind: 'picture' }] }), /lines\[0\]/],
    ['the currency is unknown', (q) => ({ ...q, currency: 'XYZ' }), /currency: Unknown currency code/],
    ['the locale is malformed', (q) => ({ ...q, locale: 'not a locale!' }), /locale: Not a BCP 47 locale/],
    ['a date does not exist', (q) => ({ ...q, quote: { ...q.quote, issuedOn: '2024-02-30' } }), /quote\.issuedOn/],
    ['the document is null', () => null, /Cannot print this quote: document/],
  ];
  it.each(cases)('throws a clear error when %s', async (_what, mutate, message) => {
    const bad = mutate(buildQuoteDocument({ items: 2 })) as QuoteDocument;
    await expect(renderQuotePdf(bad, { creationDate: AT })).rejects.toThrow(message);
  });

  it('throws a clear error when the fonts are not where it is told to look', async () => {
    await expect(renderQuotePdf(buildQuoteDocument({ items: 1 }), { fontDir: dir })).rejects.toThrow(/PDF font missing: .*NotoSans-Regular\.ttf/);
  });
});
