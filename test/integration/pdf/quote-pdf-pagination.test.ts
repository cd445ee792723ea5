import { beforeAll, describe, expect, it } from 'vitest';
import { renderQuotePdf } from '../../../electron/main/pdf/render-quote-pdf';
import { buildQuoteDocument, groupHeadingText, itemName } from '../../support/quote-document-fixture';
import { pdfPageCount, pdfPageTexts, pdfTempDir, pdfText, writePdf } from './poppler';

const AT = new Date('2024-03-01T10:00:00Z');
const dir = pdfTempDir();

/**
 * Page texts of a rendered quote, 1-based page i at index i - 1: one
 * `pdftotext -f i -l i` per page, or (faster, for the many variants) one run
 * split at its page breaks.
 */
async function renderPages(items: number, groupEvery: number, perPage = true): Promise<{ pages: string[]; pageCount: number }> {
  const pdf = await renderQuotePdf(buildQuoteDocument({ items, groupEvery }), { creationDate: AT });
  const file = writePdf(dir, `quote-${items}-every-${groupEvery}.pdf`, pdf.bytes);
  expect(pdfPageCount(file)).toBe(pdf.pageCount);
  const pages = perPage ? Array.from({ length: pdf.pageCount }, (_, i) => pdfText(file, i + 1)) : pdfPageTexts(file);
  expect(pages).toHaveLength(pdf.pageCount);
  return { pages, pageCount: pdf.pageCount };
}

const pageOf = (pages: string[], text: string) => pages.findIndex((p) => p.includes(text));

describe('a 200-line quote with a group heading every 7 lines', () => {
  let pages: string[];
  let pageCount: number;
  beforeAll(async () => {
    ({ pages, pageCount } = await renderPages(200, 7));
  });

  it('runs over several pages, each page with lines starting with the table header', () => {
    expect(pageCount).toBeGreaterThan(5);
    let pagesWithLines = 0;
    pages.forEach((page, i) => {
      const hasLines = /SKU-\d{4}/.test(page);
      if (!hasLines) return;
      pagesWithLines++;
      expect(page, `page ${i + 1}`).toContain('SKU / Item');
      expect(page, `page ${i + 1}`).toMatch(/Qty\s+Unit price\s+Discount\s+Tax\s+Amount/);
      // The header comes before the first line on the page.
      expect(page.indexOf('SKU / Item'), `page ${i + 1}`).toBeLessThan(page.search(/SKU-\d{4}/));
    });
    expect(pagesWithLines).toBeGreaterThan(5);
  });

  it('prints every line once, in order', () => {
    const all = pages.join('\n');
    let last = -1;
    for (let i = 0; i < 200; i++) {
      const at = all.indexOf(itemName(i));
      expect(at, itemName(i)).toBeGreaterThan(last);
      expect(all.indexOf(itemName(i), at + 1), `${itemName(i)} twice`).toBe(-1);
      last = at;
    }
  });

  it('never ends a page on a group heading: each heading shares its page with the first line of its group', () => {
    const groups = Math.ceil(200 / 7);
    for (let g = 1; g <= groups; g++) {
      const heading = groupHeadingText(g);
      const firstItem = itemName((g - 1) * 7);
      const page = pageOf(pages, heading);
      expect(page, heading).toBeGreaterThanOrEqual(0);
      expect(pageOf(pages, firstItem), `${heading} and ${firstItem}`).toBe(page);
      const text = pages[page]!;
      expect(text.indexOf(firstItem), `${firstItem} after ${heading}`).toBeGreaterThan(text.indexOf(heading));
    }
  });
});

describe('the keep-with-next rule across group sizes', () => {
  // Different group sizes put headings at different heights on the page, so
  // some of them fall where the heading fits but its first line does not.
  it.each([2, 3, 4, 5, 6, 8, 9, 11])('with a heading every %i lines, no heading is left alone at the foot of a page', async (every) => {
    const { pages } = await renderPages(90, every, false);
    for (let g = 1; g <= Math.ceil(90 / every); g++) {
      expect(pageOf(pages, itemName((g - 1) * every)), groupHeadingText(g)).toBe(pageOf(pages, groupHeadingText(g)));
    }
  });
});
