/**
 * QuoteDocuments for the PDF tests and the bench: N item lines, a group
 * heading every K of them, names in the four scripts Helvetica cannot print,
 * and totals that add up the way shared/quote-math.ts would make them.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { QuoteDocument, QuoteDocumentLine } from '../../electron/main/pdf/quote-document';

type ItemLine = Extract<QuoteDocumentLine, { kind: 'item' }>;

export const UNICODE_NAMES = {
  polish: 'Zażółć gęślą jaźń Łódź',
  greek: 'Αθήνα Ελληνικά',
  cyrillic: 'Москва Ёлка',
  turkish: 'İstanbul Işık ğüşöç',
} as const;

const SCRIPTS = Object.values(UNICODE_NAMES);
const GROUP_TOPICS = ['Hardware', 'Licences', 'Services', 'Training', 'Support', 'Travel'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** "Group 07 — Training": recognisable in extracted text, numbered from 1. */
export const groupHeadingText = (group: number) => `Group ${pad(group, 2)} — ${GROUP_TOPICS[(group - 1) % GROUP_TOPICS.length]}`;

/** "Москва Ёлка 012": unique per line, short enough to stay on one printed line. */
export const itemName = (index: number) => `${SCRIPTS[index % SCRIPTS.length]} ${pad(index + 1, 3)}`;

export interface QuoteFixtureOptions {
  /** Item lines (headings come on top of these). */
  items?: number;
  /** A heading before every `groupEvery` items; 0 for none. */
  groupEvery?: number;
  locale?: string;
  currency?: string;
  logoPath?: string | null;
  notes?: string | null;
  terms?: string | null;
  /** Changes applied to each generated item, e.g. to make one pathological. */
  mapItem?: (item: ItemLine, index: number) => ItemLine;
}

export const FIXTURE_CUSTOMER = 'Kowalski & Søn Sp. z o.o.';

export function buildQuoteDocument(options: QuoteFixtureOptions = {}): QuoteDocument {
  const { items = 20, groupEvery = 0, locale = 'en-US', currency = 'EUR', mapItem = (item: ItemLine) => item } = options;
  const lines: QuoteDocumentLine[] = [];
  for (let i = 0; i < items; i++) {
    if (groupEvery > 0 && i % groupEvery === 0) lines.push({ kind: 'heading', text: groupHeadingText(i / groupEvery + 1) });
    lines.push(mapItem(generatedItem(i), i));
  }
  return {
    locale,
    currency,
    company: {
      name: 'Nordwind Systems GmbH',
      addressLines: ['Hafenstraße 12', '20457 Hamburg', 'Germany'],
      email: 'sales@nordwind.example',
      phone: '+49 40 1234 5678',
      website: 'nordwind.example',
      logoPath: options.logoPath ?? null,
    },
    customer: {
      accountName: FIXTURE_CUSTOMER,
      contactName: 'Agnieszka Wiśniewska',
      contactEmail: 'a.wisniewska@kowalski.example',
      addressLines: ['ul. Piotrkowska 104', '90-006 Łódź', 'Poland'],
    },
    quote: {
      number: 'Q-2024-0042',
      revision: 3,
      title: 'Office network refresh and support',
      issuedOn: '2024-03-01',
      validUntil: '2024-03-31',
      salesperson: 'Jonas Becker',
      salespersonEmail: 'j.becker@nordwind.example',
    },
    lines,
    totals: totalsOf(lines.filter((l): l is ItemLine => l.kind === 'item')),
    notes: options.notes === undefined ? 'Prices assume installation during business hours.\nHardware ships within ten working days of acceptance.' : options.notes,
    terms:
      options.terms === undefined
        ? 'Payment is due within 30 days of the invoice date.\n\nThis quote is valid until the date shown above. Prices exclude any costs not listed.\n\nWarranty terms follow the manufacturer’s conditions.'
        : options.terms,
  };
}

function generatedItem(i: number): ItemLine {
  const quantity = i % 4 === 3 ? 1.5 : (i % 5) + 1;
  const unitPriceMinor = 1_000 + ((i * 7_919) % 90_000);
  const gross = Math.round(quantity * unitPriceMinor);
  const discounted = i % 3 === 1;
  const discount = discounted ? Math.round(gross / 10) : 0;
  return {
    kind: 'item',
    sku: `SKU-${pad(i + 1, 4)}`,
    name: itemName(i),
    description: i % 2 === 0 ? `Line ${i + 1}: delivery, installation and configuration on site.` : null,
    quantity,
    unit: i % 4 === 3 ? 'hours' : 'pcs',
    unitPriceMinor,
    discountLabel: discounted ? '10%' : null,
    netMinor: gross - discount,
    taxRatePercent: i % 6 === 5 ? 7 : 19,
    isComponent: i % 5 === 4,
  };
}

function totalsOf(items: ItemLine[]): QuoteDocument['totals'] {
  const subtotalMinor = items.reduce((sum, l) => sum + l.netMinor, 0);
  const quoteDiscountMinor = Math.round(subtotalMinor * 0.05);
  const shippingMinor = 2_500;
  const rates = [...new Set(items.map((l) => l.taxRatePercent).filter((r): r is number => r !== null))].sort((a, b) => a - b);
  const taxes = rates.map((rate) => {
    const rateNet = items.filter((l) => l.taxRatePercent === rate).reduce((sum, l) => sum + l.netMinor, 0);
    // The quote discount spread in proportion to the nets, as quote-math does (rounded, not largest remainder: a fixture).
    const baseMinor = rateNet - Math.round((quoteDiscountMinor * rateNet) / Math.max(subtotalMinor, 1));
    return { label: 'VAT', ratePercent: rate, baseMinor, taxMinor: Math.round((baseMinor * rate) / 100) };
  });
  const totalMinor = subtotalMinor - quoteDiscountMinor + shippingMinor + taxes.reduce((sum, t) => sum + t.taxMinor, 0);
  return { subtotalMinor, quoteDiscountMinor, quoteDiscountLabel: 'Discount 5%', shippingMinor, taxes, totalMinor };
}

/**
 * A small valid PNG, RGB or RGBA, a blue gradient; `corruptData` replaces
 * the compressed pixels with garbage behind a valid signature and header.
 */
export function makePng(options: { width: number; height: number; alpha?: boolean; corruptData?: boolean }): Buffer {
  const { width, height, alpha = false } = options;
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc(height * (1 + width * channels));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * channels);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * channels;
      raw[at] = 0x1d + Math.round((x / width) * 0x60);
      raw[at + 1] = 0x4f + Math.round((x / width) * 0x70);
      raw[at + 2] = 0x91 + Math.round((y / height) * 0x50);
      if (alpha) raw[at + 3] = 255 - Math.round((x / width) * 128);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = alpha ? 6 : 2;
  const data = options.corruptData ? Buffer.from('this is not a zlib stream at all, just words', 'latin1') : deflateSync(raw);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
