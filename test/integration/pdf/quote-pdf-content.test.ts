import { beforeAll, describe, expect, it } from 'vitest';
import { renderQuotePdf } from '../../../electron/main/pdf/render-quote-pdf';
import type { RenderedPdf } from '../../../electron/main/pdf/quote-document';
import { FIXTURE_CUSTOMER, UNICODE_NAMES, buildQuoteDocument, itemName } from '../../support/quote-document-fixture';
import { pdfFonts, pdfPageCount, pdfTempDir, pdfText, writePdf } from './poppler';

const AT = new Date('2024-03-01T10:00:00Z');
const dir = pdfTempDir();
/** Formatted independently of the layout's own formatters, from the same minor units. */
const eur = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(minor / 100);
/** pdftotext -layout pads columns with spaces; compare runs of spaces as one. */
const squash = (s: string) => s.replace(/[ \t]+/g, ' ');

describe('a 20-line proposal read back with poppler', () => {
  const quote = buildQuoteDocument({ items: 20, groupEvery: 0 });
  let pdf: RenderedPdf;
  let file: string;
  let text: string;

  beforeAll(async () => {
    pdf = await renderQuotePdf(quote, { creationDate: AT });
    file = writePdf(dir, 'quote-20.pdf', pdf.bytes);
    text = pdfText(file);
  });

  it('prints the customer, every line name and the quote details', () => {
    expect(pdf.warnings).toEqual([]);
    expect(text).toContain(FIXTURE_CUSTOMER);
    for (let i = 0; i < 20; i++) expect(text).toContain(itemName(i));
    expect(text).toContain('Quote Q-2024-0042');
    expect(text).toContain('Version 3');
    expect(text).toContain('Office network refresh and support');
    expect(squash(text)).toContain('Issued March 1, 2024');
    expect(squash(text)).toContain('Valid until March 31, 2024');
    expect(text).toContain('j.becker@nordwind.example');
  });

  it('prints the Polish, Greek, Cyrillic and Turkish names exactly, so the embedded font has their glyphs', () => {
    for (const name of Object.values(UNICODE_NAMES)) expect(text).toContain(name);
    expect(text).toContain('90-006 Łódź');
  });

  it('prints the subtotal, the quote discount, shipping, one row per tax rate and the total', () => {
    const t = quote.totals;
    const flat = squash(text);
    expect(flat).toContain(`Subtotal ${eur(t.subtotalMinor)}`);
    expect(flat).toContain(`Discount 5% -${eur(t.quoteDiscountMinor)}`);
    expect(flat).toContain(`Shipping ${eur(t.shippingMinor)}`);
    expect(t.taxes.length).toBe(2);
    for (const tax of t.taxes) expect(flat).toContain(`VAT ${tax.ratePercent}% on ${eur(tax.baseMinor)} ${eur(tax.taxMinor)}`);
    expect(flat).toContain(`Total ${eur(t.totalMinor)}`);
  });

  it('numbers its pages "Page x of y", and y is what pdfinfo counts', () => {
    const pages = pdfPageCount(file);
    expect(pdf.pageCount).toBe(pages);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(pdfText(file, page)).toContain(`Page ${page} of ${pages}`);
  });

  it('embeds only Noto Sans (subset) and never refers to Helvetica', () => {
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    for (const font of fonts) {
      expect(font.embedded).toBe(true);
      expect(font.subset).toBe(true);
    }
    expect(pdf.bytes.includes('Helvetica')).toBe(false);
  });

  it('gives the same bytes for the same document and creation date', async () => {
    const again = await renderQuotePdf(quote, { creationDate: AT });
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
  });

  it('prints the terms and the signature block after the totals', () => {
    const flat = squash(text);
    expect(flat).toContain('Payment is due within 30 days of the invoice date.');
    expect(flat).toContain('Accepted on behalf of Kowalski & Søn Sp. z o.o.:');
    expect(flat.indexOf('Terms and conditions')).toBeGreaterThan(flat.indexOf('Total '));
    expect(flat.indexOf('Notes')).toBeLessThan(flat.indexOf('Subtotal'));
  });
});

describe('locale, currency and dates', () => {
  it('writes amounts and dates the way the document locale does, from minor units', async () => {
    const quote = buildQuoteDocument({ items: 4, locale: 'de-DE', currency: 'EUR' });
    quote.totals.totalMinor = 123_456_789;
    const file = writePdf(dir, 'quote-de.pdf', (await renderQuotePdf(quote, { creationDate: AT })).bytes);
    const text = squash(pdfText(file));
    expect(text).toContain('Total 1.234.567,89 €');
    expect(text).toContain('1. März 2024');
    expect(text).toContain('1,5 hours');
  });

  it('prints three decimals for a currency that has them and none for one that has none', async () => {
    const bhd = buildQuoteDocument({ items: 1, currency: 'BHD' });
    bhd.totals.totalMinor = 1_234_567;
    const jpy = buildQuoteDocument({ items: 1, currency: 'JPY' });
    jpy.totals.totalMinor = 1_234_567;
    const bhdText = squash(pdfText(writePdf(dir, 'bhd.pdf', (await renderQuotePdf(bhd, { creationDate: AT })).bytes)));
    const jpyText = squash(pdfText(writePdf(dir, 'jpy.pdf', (await renderQuotePdf(jpy, { creationDate: AT })).bytes)));
    expect(bhdText).toContain('Total BHD 1,234.567');
    expect(jpyText).toContain('Total ¥1,234,567');
  });

  it('prints the calendar date as stored, whatever time zone the machine is in', async () => {
    const previous = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = zone;
        const quote = buildQuoteDocument({ items: 1 });
        quote.quote.issuedOn = '2024-01-01';
        quote.quote.validUntil = '2024-12-31';
        const text = squash(pdfText(writePdf(dir, `tz-${zone.replace('/', '-')}.pdf`, (await renderQuotePdf(quote, { creationDate: AT })).bytes)));
        expect(text).toContain('Issued January 1, 2024');
        expect(text).toContain('Valid until December 31, 2024');
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('prints the exact amount at the edge of safe integers, to the cent', async () => {
    const quote = buildQuoteDocument({ items: 1 });
    quote.totals.totalMinor = Number.MAX_SAFE_INTEGER;
    const text = squash(pdfText(writePdf(dir, 'max.pdf', (await renderQuotePdf(quote, { creationDate: AT })).bytes)));
    expect(text).toContain('Total €90,071,992,547,409.91');
  });
});

describe('an empty quote', () => {
  it('is a valid one-page PDF that says "No lines"', async () => {
    const quote = buildQuoteDocument({ items: 0, notes: null, terms: null });
    const pdf = await renderQuotePdf(quote, { creationDate: AT });
    const file = writePdf(dir, 'empty.pdf', pdf.bytes);
    expect(pdfPageCount(file)).toBe(1);
    expect(pdf.pageCount).toBe(1);
    const text = pdfText(file);
    expect(text).toContain('No lines');
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('Terms and conditions');
  });
});
