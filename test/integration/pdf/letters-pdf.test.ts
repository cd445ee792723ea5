import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { LettersDocumentSchema, type LettersDocument } from '../../../electron/main/pdf/letters/letters-document.schema';
import { addressLines } from '../../../electron/main/pdf/letters/recipient-address';
import { renderLettersPdf } from '../../../electron/main/pdf/letters/render-letters-pdf';
import { CrmError } from '../../../shared/errors';
import { makePng } from '../../support/quote-document-fixture';
import { hasPdfImages, pdfFonts, pdfPageCount, pdfPageTexts, pdfTempDir, writePdf } from './poppler';

const AT = new Date('2026-11-22T10:00:00Z');
const dir = pdfTempDir();
const mm = (v: number) => (v * 72) / 25.4;
const inch = (v: number) => v * 72;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The windows as the standards give them, written out here rather than taken from the layout table they check. */
const WINDOW: Record<'din5008b' | 'us10', Box> = {
  din5008b: { x: mm(20), y: mm(45), width: mm(85), height: mm(45) },
  us10: { x: inch(0.875), y: inch(2), width: inch(4), height: inch(1.125) },
};

const SENDER = { name: 'Nordwind Software GmbH', addressLines: ['Hauptstraße 12', '10115 Berlin', 'Germany'] };
const RETURN_LINE = 'Nordwind Software GmbH · Hauptstraße 12 · 10115 Berlin · Germany';

const ZOE = ['Zoë Ærøskøbing', 'Kowalski & Søn Sp. z o.o.', 'ul. Piotrkowska 1', '90-006 Łódź', 'POLAND'];
const ELENI = ['Ελένη Παπαδοπούλου', 'Οδός Ερμού 10', '105 63 Αθήνα', 'GREECE'];
const DMITRY = ['Дмитрий Иванов', 'ул. Ленина 1', '101000 Москва', 'RUSSIA'];

/** Twenty paragraphs run onto a second page (and not a third); the last one says so. */
const longBody = [
  'Dear Ελένη,',
  ...Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1} explains the spring event in some detail, so that this letter needs more than one page to say everything it has to say.`),
  'This last paragraph is on the continuation page.',
].join('\n\n');

function threeLetters(layout: LettersDocument['layout']): LettersDocument {
  return {
    sender: SENDER,
    layout,
    date: '22 November 2026',
    subject: 'Invitation to our spring event',
    letters: [
      { recipientLines: ZOE, body: 'Dear Zoë,\n\nwe would like to invite you to our spring event.\n\nKind regards,\nJane Doe' },
      { recipientLines: ELENI, body: longBody },
      { recipientLines: DMITRY, body: 'Dear Дмитрий,\n\nthank you for your order.\n\nKind regards,\nJane Doe' },
    ],
  };
}

interface Word extends Box {
  text: string;
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every word of one page with its box in points from the top-left corner, as `pdftotext -bbox-layout` reads it. */
function pageWords(file: string, page: number): Word[] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8', timeout: 20_000 });
  const words: Word[] = [];
  for (const m of xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    words.push({ text: decodeXml(m[5]!), x: xMin, y: yMin, width: xMax - xMin, height: yMax - yMin });
  }
  return words;
}

const EPS = 0.01;
const inside = (w: Box, box: Box) => w.x >= box.x - EPS && w.y >= box.y - EPS && w.x + w.width <= box.x + box.width + EPS && w.y + w.height <= box.y + box.height + EPS;
const touches = (w: Box, box: Box) => w.x < box.x + box.width && w.x + w.width > box.x && w.y < box.y + box.height && w.y + w.height > box.y;

/** The lines of text printed in (or reaching into) the window, top to bottom, after checking that none crosses its edge. */
function windowLines(file: string, page: number, window: Box): string[] {
  const words = pageWords(file, page).filter((w) => touches(w, window));
  for (const word of words) expect(inside(word, window), `"${word.text}" at ${JSON.stringify(word)} leaves the window`).toBe(true);
  const rows = new Map<number, Word[]>();
  for (const word of words) {
    const key = [...rows.keys()].find((y) => Math.abs(y - word.y) < 1) ?? word.y;
    rows.set(key, [...(rows.get(key) ?? []), word]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row.sort((a, b) => a.x - b.x).map((w) => w.text).join(' '));
}

async function renderToFile(document: LettersDocument, name: string, warnings: string[] = []) {
  const bytes = await renderLettersPdf(document, { creationDate: AT, onWarning: (w) => warnings.push(w) });
  const file = writePdf(dir, name, bytes);
  return { bytes, file, pages: pdfPageTexts(file) };
}

describe.each(['din5008b', 'us10'] as const)('three letters on %s paper', (layout) => {
  const window = WINDOW[layout];
  const returnLine = layout === 'din5008b' ? [RETURN_LINE] : [];
  let file: string;
  let pages: string[];
  let bytes: Buffer;

  beforeAll(async () => {
    ({ file, pages, bytes } = await renderToFile(threeLetters(layout), `three-${layout}.pdf`));
  });

  it('gives each letter its own pages: one, two (the long one) and one', () => {
    expect(pdfPageCount(file)).toBe(4);
    expect(pages).toHaveLength(4);
    const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(size).toMatch(layout === 'din5008b' ? /Page size:\s+595\.27\d? x 841\.89 pts \(A4\)/ : /Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('prints each recipient inside the window, below the return line, and nothing else there', () => {
    expect(windowLines(file, 1, window)).toEqual([...returnLine, ...ZOE]);
    expect(windowLines(file, 2, window)).toEqual([...returnLine, ...ELENI]);
    expect(windowLines(file, 4, window)).toEqual([...returnLine, ...DMITRY]);
  });

  it('starts the address where the standard puts it: DIN at 25 mm / 62.7 mm (below the return zone), #10 at 0.875 in / 2 in', () => {
    const first = pageWords(file, 1).find((w) => w.text === 'Zoë')!;
    const expected = layout === 'din5008b' ? { x: mm(25), y: mm(45 + 17.7) } : { x: inch(0.875), y: inch(2) };
    expect(first.x).toBeCloseTo(expected.x, 1);
    expect(first.y).toBeCloseTo(expected.y, 1);
  });

  it("puts each letter's body on its own first page, after the date and subject", () => {
    expect(pages[0]).toContain('we would like to invite you to our spring event.');
    expect(pages[0]).toContain('22 November 2026');
    expect(pages[0]).toContain('Invitation to our spring event');
    expect(pages[1]).toContain('Paragraph 1 explains');
    expect(pages[3]).toContain('thank you for your order.');
    expect(pages[3]).not.toContain('Paragraph');
  });

  it('runs the long letter onto a continuation page with a page footer and no address', () => {
    const continuation = pages[2]!;
    expect(continuation).toContain('This last paragraph is on the continuation page.');
    expect(continuation).toMatch(/Page 2/);
    // The body runs through where the window is (this sheet is behind the first one); the address does not.
    const words = new Set(pageWords(file, 3).map((w) => w.text));
    for (const word of [...ELENI.slice(1), ...RETURN_LINE.split(' ')].flatMap((line) => line.split(' ')).filter((w) => /\p{L}{2}/u.test(w))) expect(words.has(word), word).toBe(false);
    expect(continuation).not.toContain('22 November 2026');
    for (const page of [0, 1, 3]) expect(pages[page]).not.toMatch(/Page \d/);
  });

  it('prints Latin, Greek and Cyrillic names as typed, in the embedded Noto Sans only', () => {
    const text = pages.join('\n');
    for (const name of ['Zoë Ærøskøbing', 'Ελένη Παπαδοπούλου', 'Дмитрий Иванов', '90-006 Łódź', '101000 Москва']) expect(text).toContain(name);
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    for (const font of fonts) expect(font.embedded).toBe(true);
  });

  it('gives the same bytes for the same letters and creation date', async () => {
    const again = await renderLettersPdf(threeLetters(layout), { creationDate: AT });
    expect(again.equals(bytes)).toBe(true);
  });
});

describe('DIN 5008 marks', () => {
  /** Darkness of the first page's left-edge strip, one value per point of height (pdftoppm at 72 dpi, greyscale). */
  function leftEdgeInk(file: string): number[] {
    const pgm = execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', '1', '-l', '1', file], { timeout: 20_000 });
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    return Array.from({ length: height }, (_, y) => {
      let ink = 0;
      for (let x = 0; x < mm(15); x++) ink += 255 - pixels[y * width + x]!;
      return ink;
    });
  }
  const inkedRows = (ink: number[]) => ink.flatMap((v, y) => (v > 0 ? [y] : []));

  it('draws fold marks at 105 and 210 mm and the hole-punch mark at 148.5 mm, on the first page only', async () => {
    const { file } = await renderToFile(threeLetters('din5008b'), 'marks-din.pdf');
    const rows = inkedRows(leftEdgeInk(file));
    for (const at of [105, 148.5, 210]) expect(rows.some((y) => Math.abs(y - mm(at)) <= 1.5), `mark at ${at} mm`).toBe(true);
    expect(rows.every((y) => [105, 148.5, 210].some((at) => Math.abs(y - mm(at)) <= 1.5))).toBe(true);
  });

  it('draws no marks on US letters', async () => {
    const { file } = await renderToFile(threeLetters('us10'), 'marks-us.pdf');
    expect(inkedRows(leftEdgeInk(file))).toEqual([]);
  });
});

describe('text that does not fit', () => {
  it('keeps long address lines inside the window: a slightly long one shrinks, a very long one ends in "…"', async () => {
    for (const layout of ['din5008b', 'us10'] as const) {
      const warnings: string[] = [];
      const lines = [
        'Prof. Dr. Maximiliane Müller-Lüdenscheidt',
        `Internationale ${'Zusammenarbeits'.repeat(20)}gesellschaft mbH`,
        'X'.repeat(300),
        'Abteilung für internationale Zusammenarbeit',
        '12345 Großstadt an der Weißen Elster',
      ];
      const { file } = await renderToFile({ sender: SENDER, layout, date: '1 May 2026', letters: [{ recipientLines: lines, body: 'Hello.' }] }, `long-address-${layout}.pdf`, warnings);
      const printed = windowLines(file, 1, WINDOW[layout]).slice(layout === 'din5008b' ? 1 : 0);
      expect(printed).toHaveLength(5);
      expect(printed[0]).toBe(lines[0]);
      expect(printed[1]).toMatch(/^Internationale Zusammenarbeits.*…$/);
      expect(printed[2]).toMatch(/^X+…$/);
      expect(printed[3]).toBe(lines[3]);
      expect(warnings).toEqual(['Letter 1: an address line was too long for the window and was shortened.']);
    }
  });

  it('wraps a long body line and a 600-character word within the margins', async () => {
    const body = `${'word '.repeat(200)}\n\n${'Ω'.repeat(600)}\n\nThe end.`;
    const { file, pages } = await renderToFile({ sender: SENDER, layout: 'din5008b', date: '1 May 2026', letters: [{ recipientLines: ZOE, body }] }, 'long-body.pdf');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('The end.');
    expect(pages[0]!.replace(/\s/g, '')).toContain('Ω'.repeat(600));
    const right = mm(210 - 20);
    for (const word of pageWords(file, 1)) expect(word.x + word.width).toBeLessThanOrEqual(right + EPS);
  });
});

describe('the sender', () => {
  it('prints the logo, embedding the image once for all letters', async () => {
    const logo = makePng({ width: 120, height: 40, alpha: true });
    const warnings: string[] = [];
    const { file, pages } = await renderToFile({ ...threeLetters('din5008b'), sender: { ...SENDER, logo } }, 'logo.pdf', warnings);
    expect(warnings).toEqual([]);
    expect(pages[0]).toContain('Nordwind Software GmbH');
    if (!hasPdfImages) return;
    const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    const images = rows.filter((cols) => cols[2] === 'image');
    expect(images.map((cols) => cols[0])).toEqual(['1', '2', '4']);
    expect(new Set(images.map((cols) => cols[10])).size).toBe(1);
  });
});

describe('documents that cannot be printed', () => {
  const valid = () => threeLetters('din5008b');

  async function refusal(document: unknown): Promise<CrmError> {
    const error = await renderLettersPdf(document as LettersDocument).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).code).toBe('validation');
    return error as CrmError;
  }

  it('refuses a mailing without letters', async () => {
    const error = await refusal({ ...valid(), letters: [] });
    expect(error.message).toBe('Cannot print these letters: letters: There are no letters to print');
    expect(error.issues).toEqual([{ path: 'letters', message: 'There are no letters to print' }]);
  });

  it('refuses six address lines, but takes six of which one is blank', async () => {
    const six = ['Name', 'Company', 'Department', 'Street 1', '12345 City', 'GERMANY'];
    const error = await refusal({ ...valid(), letters: [valid().letters[0], { recipientLines: six, body: 'Hi' }] });
    expect(error.message).toContain('letters[1].recipientLines: At most 5 address lines fit the window; this address has 6');
    const withBlank = ['Name', '   ', 'Street 1', '\u0007', '12345 City', 'GERMANY'];
    await expect(renderLettersPdf({ ...valid(), letters: [{ recipientLines: withBlank, body: 'Hi' }] })).resolves.toBeInstanceOf(Buffer);
  });

  it('names every offending field: no address, no text, no sender name, an unknown layout, a logo that is no image', async () => {
    const error = await refusal({
      sender: { name: '  ', addressLines: [], logo: Buffer.from('GIF89a not supported') },
      layout: 'a5',
      date: '1 May 2026',
      letters: [{ recipientLines: ['', ' '], body: '\n\n  ' }],
    });
    expect(error.issues?.map((i) => i.path)).toEqual(['sender.name', 'sender.logo', 'layout', 'letters[0].recipientLines', 'letters[0].body']);
    expect(error.message).toContain('sender.name: The sender needs a name');
    expect(error.message).toContain('sender.logo: The logo must be a PNG or JPEG image');
    expect(error.message).toContain('layout: The layout must be one of din5008b, us10');
    expect(error.message).toContain('letters[0].recipientLines: The letter has no address');
    expect(error.message).toContain('letters[0].body: The letter has no text');
  });

  it('is the exported schema that decides', () => {
    expect(LettersDocumentSchema.safeParse(valid()).success).toBe(true);
    expect(LettersDocumentSchema.safeParse({ ...valid(), date: '' }).success).toBe(false);
  });
});

describe('addressLines', () => {
  const record = { fullName: 'Jan Becker', accountName: 'Nordwind AG', street: 'Hauptstraße 12', postalCode: '10115', city: 'Berlin', region: '', country: 'Germany' };

  it('leaves the country out for mail within the sender’s country, however it is written', () => {
    const expected = ['Jan Becker', 'Nordwind AG', 'Hauptstraße 12', '10115 Berlin'];
    expect(addressLines(record, 'Germany')).toEqual(expected);
    expect(addressLines(record, ' germany ')).toEqual(expected);
    expect(addressLines({ ...record, country: 'DE' }, 'Germany')).toEqual(expected);
  });

  it('puts a foreign country last, on its own line, in capitals, by name', () => {
    expect(addressLines(record, 'Austria')).toEqual(['Jan Becker', 'Nordwind AG', 'Hauptstraße 12', '10115 Berlin', 'GERMANY']);
    expect(addressLines({ ...record, country: 'de' }, 'AT').at(-1)).toBe('GERMANY');
    expect(addressLines(record, null).at(-1)).toBe('GERMANY');
  });

  it('skips empty fields and a company that repeats the name', () => {
    expect(addressLines({ fullName: 'Nordwind AG', accountName: 'Nordwind AG', street: '', postalCode: null, city: 'Berlin', region: '  ', country: '' }, 'Germany')).toEqual([
      'Nordwind AG',
      'Berlin',
    ]);
    expect(addressLines({}, 'Germany')).toEqual([]);
  });

  it('writes US addresses the US way, with the region', () => {
    const us = { fullName: 'Ann Lee', accountName: '', street: '1 Main St', postalCode: '62701', city: 'Springfield', region: 'IL', country: 'United States' };
    expect(addressLines(us, 'US')).toEqual(['Ann Lee', '1 Main St', 'Springfield, IL 62701']);
    expect(addressLines(us, 'Germany')).toEqual(['Ann Lee', '1 Main St', 'Springfield, IL 62701', 'UNITED STATES']);
    expect(addressLines({ ...record, region: 'Berlin' }, 'Germany')).toContain('10115 Berlin, Berlin');
  });

  it('gives lines the letters schema takes', () => {
    const lines = addressLines(record, 'Austria');
    expect(LettersDocumentSchema.safeParse({ ...threeLetters('din5008b'), letters: [{ recipientLines: lines, body: 'Hi' }] }).success).toBe(true);
  });
});
