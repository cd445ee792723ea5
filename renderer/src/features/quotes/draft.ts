/**
 * The quote editor's model: what the salesperson typed (text, so a half-typed
 * number is kept as typed), how it is read back into minor units and
 * thousandths, the live totals (shared/quote-math.ts, the same rules the main
 * process stores), and the patch a save sends.
 */
import type { Input } from '../../../../shared/contract';
import type { Quote } from '../../../../shared/contract/quotes';
import { minorToDecimalText, parseMoney } from '../../../../shared/money';
import {
  computeQuoteTotals,
  largestDiscountBasisPoints,
  percentToBasisPoints,
  quantityToMilli,
  ratePercentToMilli,
  tieredUnitPrice,
  type Discount,
  type QuoteTotals as MathTotals,
} from '../../../../shared/quote-math';

export type DiscountKind = 'none' | 'percent' | 'amount';
export interface DraftDiscount {
  kind: DiscountKind;
  text: string;
}

/** list: the price book's (tiered) price, re-priced when the quantity changes; manual: typed; included: a bundle part at no charge. */
export type PriceMode = 'list' | 'manual' | 'included';

export interface DraftItem {
  kind: 'item';
  key: string;
  parentKey: string | null;
  productId: number | null;
  sku: string | null;
  name: string;
  description: string | null;
  unit: string | null;
  quantityText: string;
  priceMode: PriceMode;
  /** The typed price of a manual line. */
  priceText: string;
  /** The price as loaded: a list line shows it until the price book's prices are known. */
  loadedUnitPriceMinor: number | null;
  discount: DraftDiscount;
  taxClassId: number | null;
}

export interface DraftHeading {
  kind: 'heading';
  key: string;
  text: string;
}

export type DraftLine = DraftItem | DraftHeading;

export interface QuoteDraft {
  title: string;
  contact: { id: number; name: string } | null;
  /** yyyy-mm-dd, or '' for none. */
  validUntil: string;
  discount: DraftDiscount;
  shippingText: string;
  shippingTaxClassId: number | null;
  terms: string;
  notes: string;
  lines: DraftLine[];
}

export interface Pricing {
  listPriceMinor: number | null;
  tiers: { minQuantityMilli: number; unitPriceMinor: number }[];
}

export type LineField = 'product' | 'name' | 'text' | 'quantity' | 'unitPrice' | 'discount' | 'taxClass' | 'line';
export type QuoteField = 'title' | 'contact' | 'validUntil' | 'discount' | 'shipping' | 'shippingTaxClass' | 'terms' | 'notes';

export interface EvaluatedItem {
  quantityMilli: number | null;
  unitPriceMinor: number | null;
  /** The price book's price for this quantity (null when unknown or not in the book). */
  listPriceMinor: number | null;
  discount: Discount | null;
  taxRatePercent: number | null;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  errors: Partial<Record<LineField, string>>;
}

export interface Evaluation {
  items: Map<string, EvaluatedItem>;
  totals: DisplayTotals;
  largestDiscountPercent: number;
  quoteErrors: Partial<Record<QuoteField, string>>;
  /** Nothing that would certainly be refused. */
  valid: boolean;
}

/** Totals as both the server (Quote.totals) and the live computation show them. */
export interface DisplayTotals {
  subtotalMinor: number;
  quoteDiscountMinor: number;
  shippingMinor: number;
  taxes: { ratePercent: number; baseMinor: number; taxMinor: number }[];
  taxMinor: number;
  totalMinor: number;
}

let keyCounter = 0;
/** A line key the contract accepts (letters, digits, - and _; at most 36). */
export function newLineKey(): string {
  keyCounter += 1;
  return `l${Date.now().toString(36)}${keyCounter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

// ---- reading what was typed ------------------------------------------------------

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const decimalsOf = (text: string) => (text.includes('.') ? text.split('.')[1]!.length : 0);

export function parseQuantity(text: string): Parsed<number> {
  const t = text.trim().replace(',', '.');
  if (t === '') return { ok: false, message: 'Enter a quantity' };
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, message: 'Quantity must be a number' };
  if (decimalsOf(t) > 3) return { ok: false, message: 'At most three decimals' };
  const value = Number(t);
  if (!(value > 0)) return { ok: false, message: 'Quantity must be more than zero' };
  if (value > 1_000_000) return { ok: false, message: 'Quantity is too large' };
  return { ok: true, value };
}

export function parsePercent(text: string): Parsed<number> {
  const t = text.trim().replace(',', '.').replace(/%$/, '').trim();
  if (t === '') return { ok: false, message: 'Enter a percentage' };
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, message: 'Not a number' };
  if (decimalsOf(t) > 2) return { ok: false, message: 'At most two decimals' };
  const value = Number(t);
  if (value > 100) return { ok: false, message: 'At most 100%' };
  return { ok: true, value };
}

export function parseAmount(text: string, currency: string): Parsed<number> {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.amountMinor < 0) return { ok: false, message: 'Cannot be negative' };
  if (parsed.amountMinor > 1e12) return { ok: false, message: 'Amount is too large' };
  return { ok: true, value: parsed.amountMinor };
}

function readDiscount(d: DraftDiscount, currency: string): Parsed<Discount | null> {
  if (d.kind === 'none') return { ok: true, value: null };
  if (d.kind === 'percent') {
    const p = parsePercent(d.text);
    return p.ok ? { ok: true, value: { kind: 'percent', basisPoints: percentToBasisPoints(p.value) } } : p;
  }
  const a = parseAmount(d.text, currency);
  return a.ok ? { ok: true, value: { kind: 'amount', amountMinor: a.value } } : a;
}

function discountInput(d: DraftDiscount, currency: string): { kind: 'percent'; percent: number } | { kind: 'amount'; amountMinor: number } | null {
  const read = readDiscount(d, currency);
  if (!read.ok || !read.value) return null;
  return read.value.kind === 'percent' ? { kind: 'percent', percent: read.value.basisPoints / 100 } : read.value;
}

// ---- from a loaded quote ------------------------------------------------------------

function draftDiscount(d: Quote['discount'], currency: string): DraftDiscount {
  if (!d) return { kind: 'none', text: '' };
  if (d.kind === 'percent') return { kind: 'percent', text: String(d.percent) };
  return { kind: 'amount', text: minorToDecimalText(d.amountMinor, currency) };
}

export function draftFromQuote(quote: Quote): QuoteDraft {
  return {
    title: quote.title,
    contact: quote.contact ? { id: quote.contact.id, name: quote.contact.name } : null,
    validUntil: quote.validUntil ?? '',
    discount: draftDiscount(quote.discount, quote.currency),
    shippingText: quote.shippingMinor ? minorToDecimalText(quote.shippingMinor, quote.currency) : '',
    shippingTaxClassId: quote.shippingTaxClassId,
    terms: quote.terms ?? '',
    notes: quote.notes ?? '',
    lines: quote.lines.map((l): DraftLine => {
      if (l.kind === 'heading') return { kind: 'heading', key: l.key, text: l.text };
      const priceMode: PriceMode =
        l.parentKey !== null && l.unitPriceMinor === 0
          ? 'included'
          : l.productId !== null && l.listPriceMinor !== null && l.unitPriceMinor === l.listPriceMinor
            ? 'list'
            : 'manual';
      return {
        kind: 'item',
        key: l.key,
        parentKey: l.parentKey,
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        description: l.description,
        unit: l.unit,
        quantityText: String(l.quantity),
        priceMode,
        priceText: priceMode === 'manual' ? minorToDecimalText(l.unitPriceMinor, quote.currency) : '',
        loadedUnitPriceMinor: l.unitPriceMinor,
        discount: draftDiscount(l.discount, quote.currency),
        taxClassId: l.taxClassId,
      };
    }),
  };
}

// ---- live evaluation ------------------------------------------------------------------

export interface EvaluationContext {
  currency: string;
  pricing: (productId: number) => Pricing | undefined;
  /** The rate of a tax class in percent; undefined when the class is unknown. */
  taxRate: (taxClassId: number) => number | undefined;
}

/** The price book's price for a line's quantity, or null (not in the book, or prices not loaded yet). */
export function listPriceFor(line: DraftItem, quantityMilli: number | null, ctx: EvaluationContext): number | null | undefined {
  if (line.productId === null) return null;
  const pricing = ctx.pricing(line.productId);
  if (!pricing) return undefined;
  if (pricing.listPriceMinor === null) return null;
  return tieredUnitPrice(pricing.listPriceMinor, pricing.tiers, quantityMilli ?? 1000);
}

export function evaluateDraft(draft: QuoteDraft, ctx: EvaluationContext): Evaluation {
  const items = draft.lines.filter((l): l is DraftItem => l.kind === 'item');
  const evaluated = items.map((line) => {
    const errors: Partial<Record<LineField, string>> = {};
    const q = parseQuantity(line.quantityText);
    if (!q.ok) errors.quantity = q.message;
    const quantityMilli = q.ok ? quantityToMilli(q.value) : null;
    const list = listPriceFor(line, quantityMilli, ctx);
    let unitPriceMinor: number | null;
    if (line.priceMode === 'included') unitPriceMinor = 0;
    else if (line.priceMode === 'manual') {
      const p = parseAmount(line.priceText, ctx.currency);
      if (!p.ok) errors.unitPrice = line.priceText.trim() === '' ? 'Enter a unit price' : p.message;
      unitPriceMinor = p.ok ? p.value : null;
    } else {
      unitPriceMinor = list === undefined ? line.loadedUnitPriceMinor : list;
      if (unitPriceMinor === null) errors.unitPrice = 'Not in this price book: enter a unit price';
    }
    const d = readDiscount(line.discount, ctx.currency);
    if (!d.ok) errors.discount = d.message;
    if (line.productId === null && line.name.trim() === '') errors.name = 'A free-text line needs a name';
    let taxRatePercent: number | null = null;
    if (line.taxClassId !== null) {
      const rate = ctx.taxRate(line.taxClassId);
      if (rate === undefined) errors.taxClass = 'Unknown tax class';
      taxRatePercent = rate ?? null;
    }
    return { line, quantityMilli, unitPriceMinor, listPriceMinor: list ?? null, discount: d.ok ? d.value : null, taxRatePercent, errors };
  });

  const quoteErrors: Partial<Record<QuoteField, string>> = {};
  const quoteDiscount = readDiscount(draft.discount, ctx.currency);
  if (!quoteDiscount.ok) quoteErrors.discount = quoteDiscount.message;
  let shippingMinor = 0;
  if (draft.shippingText.trim() !== '') {
    const s = parseAmount(draft.shippingText, ctx.currency);
    if (s.ok) shippingMinor = s.value;
    else quoteErrors.shipping = s.message;
  }
  let shippingRate: number | null = null;
  if (draft.shippingTaxClassId !== null) {
    const rate = ctx.taxRate(draft.shippingTaxClassId);
    if (rate === undefined) quoteErrors.shippingTaxClass = 'Unknown tax class';
    shippingRate = rate ?? null;
  }
  if (draft.validUntil !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.validUntil)) quoteErrors.validUntil = 'Not a date';

  const mathInput = {
    lines: evaluated.map((e) => ({
      quantityMilli: e.quantityMilli ?? 0,
      unitPriceMinor: e.unitPriceMinor ?? 0,
      discount: e.discount,
      taxRateMilli: e.taxRatePercent === null ? null : ratePercentToMilli(e.taxRatePercent),
    })),
    discount: quoteDiscount.ok ? quoteDiscount.value : null,
    shippingMinor,
    shippingTaxRateMilli: shippingRate === null ? null : ratePercentToMilli(shippingRate),
  };
  const totals = computeQuoteTotals(mathInput);
  const largest = largestDiscountBasisPoints(mathInput, totals);
  const map = new Map<string, EvaluatedItem>();
  evaluated.forEach((e, i) => {
    const t = totals.lines[i]!;
    map.set(e.line.key, {
      quantityMilli: e.quantityMilli,
      unitPriceMinor: e.unitPriceMinor,
      listPriceMinor: e.listPriceMinor,
      discount: e.discount,
      taxRatePercent: e.taxRatePercent,
      grossMinor: t.grossMinor,
      discountMinor: t.discountMinor,
      netMinor: t.netMinor,
      errors: e.errors,
    });
  });
  const headingsOk = draft.lines.every((l) => l.kind !== 'heading' || l.text.trim() !== '');
  return {
    items: map,
    totals: displayTotals(totals),
    largestDiscountPercent: largest / 100,
    quoteErrors,
    valid: headingsOk && Object.keys(quoteErrors).length === 0 && evaluated.every((e) => Object.keys(e.errors).length === 0),
  };
}

export function displayTotals(t: MathTotals): DisplayTotals {
  return {
    subtotalMinor: t.subtotalMinor,
    quoteDiscountMinor: t.quoteDiscountMinor,
    shippingMinor: t.shippingMinor,
    taxes: t.taxes.map((x) => ({ ratePercent: x.rateMilli / 1000, baseMinor: x.baseMinor, taxMinor: x.taxMinor })),
    taxMinor: t.taxMinor,
    totalMinor: t.totalMinor,
  };
}

// ---- the save ---------------------------------------------------------------------------

export type QuotePatchInput = Input<'quotes.update'>['patch'];

/** Everything the editor holds, lines with their keys; a list-priced line leaves the price to the server's price book. */
export function draftToPatch(draft: QuoteDraft, currency: string): QuotePatchInput {
  const shipping = draft.shippingText.trim() === '' ? { ok: true as const, value: 0 } : parseAmount(draft.shippingText, currency);
  return {
    title: draft.title,
    contactId: draft.contact?.id ?? null,
    validUntil: draft.validUntil === '' ? null : draft.validUntil,
    discount: discountInput(draft.discount, currency),
    shippingMinor: shipping.ok ? shipping.value : 0,
    shippingTaxClassId: draft.shippingTaxClassId,
    terms: draft.terms,
    notes: draft.notes,
    lines: draft.lines.map((l) => {
      if (l.kind === 'heading') return { kind: 'heading' as const, key: l.key, text: l.text };
      const q = parseQuantity(l.quantityText);
      const price = l.priceMode === 'included' ? 0 : l.priceMode === 'manual' ? parseAmount(l.priceText, currency) : null;
      return {
        kind: 'item' as const,
        key: l.key,
        parentKey: l.parentKey,
        productId: l.productId,
        name: l.name,
        description: l.description,
        quantity: q.ok ? q.value : 0,
        unit: l.unit,
        ...(price === null ? {} : typeof price === 'number' ? { unitPriceMinor: price } : price.ok ? { unitPriceMinor: price.value } : {}),
        discount: discountInput(l.discount, currency),
        taxClassId: l.taxClassId,
      };
    }),
  };
}

const LINE_FIELDS: Record<string, LineField> = {
  productId: 'product',
  name: 'name',
  text: 'text',
  quantity: 'quantity',
  unitPriceMinor: 'unitPrice',
  discount: 'discount',
  taxClassId: 'taxClass',
  parentKey: 'line',
  key: 'line',
};

const QUOTE_FIELDS: Record<string, QuoteField> = {
  title: 'title',
  contactId: 'contact',
  validUntil: 'validUntil',
  discount: 'discount',
  shippingMinor: 'shipping',
  shippingTaxClassId: 'shippingTaxClass',
  terms: 'terms',
  notes: 'notes',
};

export interface PlacedIssues {
  lines: Record<string, Partial<Record<LineField, string>>>;
  quote: Partial<Record<QuoteField, string>>;
  general: string[];
}

/**
 * Puts the server's issues where they belong: "patch.lines.3.productId" on the
 * line that was fourth in the save (by its key), "patch.title" on the title.
 */
export function placeIssues(issues: readonly { path: string; message: string }[], sentKeys: readonly string[]): PlacedIssues {
  const placed: PlacedIssues = { lines: {}, quote: {}, general: [] };
  for (const issue of issues) {
    const parts = issue.path.replace(/^patch\./, '').split('.');
    if (parts[0] === 'lines' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
      const key = sentKeys[Number(parts[1])];
      const field = LINE_FIELDS[parts[2] ?? ''] ?? 'line';
      if (key !== undefined) {
        const line = (placed.lines[key] ??= {});
        line[field] = line[field] ? `${line[field]} ${issue.message}` : issue.message;
        continue;
      }
    }
    const quoteField = QUOTE_FIELDS[parts[0] ?? ''];
    if (quoteField) placed.quote[quoteField] = issue.message;
    else placed.general.push(issue.message);
  }
  return placed;
}

// ---- line operations -----------------------------------------------------------------------

/** The lines as blocks: a top-level line with the bundle parts that follow it. */
function blocks(lines: DraftLine[]): DraftLine[][] {
  const out: DraftLine[][] = [];
  for (const line of lines) {
    if (line.kind === 'item' && line.parentKey !== null && out.length) out[out.length - 1]!.push(line);
    else out.push([line]);
  }
  return out;
}

/** Moves a line one place up or down: a bundle moves with its parts; a part moves among its bundle's parts. */
export function moveLine(lines: DraftLine[], key: string, direction: -1 | 1): DraftLine[] {
  const line = lines.find((l) => l.key === key);
  if (!line) return lines;
  if (line.kind === 'item' && line.parentKey !== null) {
    const i = lines.indexOf(line);
    const j = i + direction;
    const other = lines[j];
    if (!other || other.kind !== 'item' || other.parentKey !== line.parentKey) return lines;
    const next = [...lines];
    next[i] = other;
    next[j] = line;
    return next;
  }
  const bs = blocks(lines);
  const i = bs.findIndex((b) => b[0]!.key === key);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= bs.length) return lines;
  [bs[i], bs[j]] = [bs[j]!, bs[i]!];
  return bs.flat();
}

export function canMove(lines: DraftLine[], key: string, direction: -1 | 1): boolean {
  return moveLine(lines, key, direction) !== lines;
}

/** Removes a line; a bundle takes its parts along. */
export function removeLine(lines: DraftLine[], key: string): DraftLine[] {
  return lines.filter((l) => l.key !== key && !(l.kind === 'item' && l.parentKey === key));
}

/** Inserts a bundle part after the bundle's last part. */
export function insertPart(lines: DraftLine[], bundleKey: string, part: DraftItem): DraftLine[] {
  const start = lines.findIndex((l) => l.key === bundleKey);
  if (start < 0) return lines;
  let end = start + 1;
  while (end < lines.length && lines[end]!.kind === 'item' && (lines[end] as DraftItem).parentKey === bundleKey) end++;
  return [...lines.slice(0, end), part, ...lines.slice(end)];
}

export function updateLine(lines: DraftLine[], key: string, change: Partial<DraftItem> | Partial<DraftHeading>): DraftLine[] {
  return lines.map((l) => (l.key === key ? ({ ...l, ...change } as DraftLine) : l));
}

export function blankItem(overrides: Partial<DraftItem> = {}): DraftItem {
  return {
    kind: 'item',
    key: newLineKey(),
    parentKey: null,
    productId: null,
    sku: null,
    name: '',
    description: null,
    unit: null,
    quantityText: '1',
    priceMode: 'manual',
    priceText: '',
    loadedUnitPriceMinor: null,
    discount: { kind: 'none', text: '' },
    taxClassId: null,
    ...overrides,
  };
}
