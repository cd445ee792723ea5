import type { Quote, QuoteLine, QuoteStatus } from '../../../../shared/contract/quotes';
import { CrmError } from '../../../../shared/errors';
import { milliToQuantity, type QuoteTotals } from '../../../../shared/quote-math';
import type { Sql } from '../../db/sql';
import { checkConfiguration } from '../catalog/configurator';
import { largestDiscountOf, storedToDiscount, totalsOf, type QuoteMoney, type StoredLine } from './quote-lines';

export interface QuoteRowStored {
  id: number;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  created_by_id: number;
  created_by_name: string;
  updated_by_id: number;
  updated_by_name: string;
  number: string;
  revision: number;
  is_latest: number;
  status: QuoteStatus;
  opportunity_id: number;
  opportunity_name: string;
  account_id: number | null;
  account_name: string | null;
  contact_id: number | null;
  contact_name: string | null;
  contact_email: string | null;
  price_book_id: number | null;
  price_book_name: string | null;
  currency: string;
  title: string;
  valid_until: string | null;
  discount_kind: string | null;
  discount_value: number | null;
  shipping_minor: number;
  shipping_tax_rate_milli: number | null;
  shipping_tax_class_id: number | null;
  terms: string | null;
  notes: string | null;
  owner_id: number;
  owner_name: string;
  owner_email: string | null;
  max_discount_bp: number;
  review_comment: string | null;
  reviewed_by_id: number | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  sent_at: string | null;
  decided_at: string | null;
}

export const QUOTE_SELECT = `
  SELECT q.*, cu.name AS created_by_name, uu.name AS updated_by_name,
         op.name AS opportunity_name, a.name AS account_name,
         TRIM(COALESCE(c.first_name || ' ', '') || c.last_name) AS contact_name, c.email AS contact_email,
         pb.name AS price_book_name, o.name AS owner_name, o.email AS owner_email, rv.name AS reviewed_by_name
    FROM quotes q
    JOIN users cu ON cu.id = q.created_by_id
    JOIN users uu ON uu.id = q.updated_by_id
    JOIN users o ON o.id = q.owner_id
    JOIN opportunities op ON op.id = q.opportunity_id
    LEFT JOIN accounts a ON a.id = q.account_id
    LEFT JOIN contacts c ON c.id = q.contact_id
    LEFT JOIN price_books pb ON pb.id = q.price_book_id
    LEFT JOIN users rv ON rv.id = q.reviewed_by_id`;

export async function loadQuoteRow(sql: Sql, id: number): Promise<QuoteRowStored> {
  const row = await sql.get<QuoteRowStored>(`${QUOTE_SELECT} WHERE q.id = ?`, [id]);
  if (!row || row.deleted_at) throw new CrmError('not_found', `There is no quote with id ${id}.`);
  return row;
}

export async function loadLines(sql: Sql, quoteId: number): Promise<StoredLine[]> {
  const rows = await sql.all<StoredLine>(
    `SELECT line_key, kind, parent_key, product_id, sku, name, description, quantity_milli, unit, list_price_minor, unit_price_minor,
            discount_kind, discount_value, tax_class_id, tax_rate_milli, net_minor
       FROM quote_lines WHERE quote_id = ? ORDER BY position`,
    [quoteId],
  );
  return rows.map((r) => ({
    ...r,
    unit_price_minor: Number(r.unit_price_minor),
    list_price_minor: r.list_price_minor === null ? null : Number(r.list_price_minor),
    discount_value: r.discount_value === null ? null : Number(r.discount_value),
    net_minor: Number(r.net_minor),
  }));
}

const moneyOf = (row: QuoteRowStored): QuoteMoney => ({
  discountKind: row.discount_kind,
  discountValue: row.discount_value === null ? null : Number(row.discount_value),
  shippingMinor: Number(row.shipping_minor),
  shippingTaxRateMilli: row.shipping_tax_rate_milli,
});

export function quoteTotals(row: QuoteRowStored, lines: StoredLine[]): QuoteTotals {
  return totalsOf(lines, moneyOf(row));
}

const ratePercent = (milli: number) => milli / 1000;

function discountOut(kind: string | null, value: number | null): Quote['discount'] {
  const d = storedToDiscount(kind, value);
  if (!d) return null;
  return d.kind === 'percent' ? { kind: 'percent', percent: d.basisPoints / 100 } : d;
}

export function lineOut(l: StoredLine, totals: QuoteTotals['lines'][number] | undefined): QuoteLine {
  if (l.kind === 'heading') return { kind: 'heading', key: l.line_key, text: l.name };
  return {
    kind: 'item',
    key: l.line_key,
    parentKey: l.parent_key,
    productId: l.product_id,
    sku: l.sku,
    name: l.name,
    description: l.description,
    quantity: milliToQuantity(l.quantity_milli),
    unit: l.unit,
    listPriceMinor: l.list_price_minor,
    unitPriceMinor: l.unit_price_minor,
    discount: discountOut(l.discount_kind, l.discount_value),
    taxClassId: l.tax_class_id,
    taxRatePercent: l.tax_rate_milli === null ? null : ratePercent(l.tax_rate_milli),
    grossMinor: totals?.grossMinor ?? 0,
    discountMinor: totals?.discountMinor ?? 0,
    netMinor: totals?.netMinor ?? l.net_minor,
  };
}

export function totalsOut(t: QuoteTotals): Quote['totals'] {
  return {
    subtotalMinor: t.subtotalMinor,
    quoteDiscountMinor: t.quoteDiscountMinor,
    shippingMinor: t.shippingMinor,
    taxes: t.taxes.map((x) => ({ ratePercent: ratePercent(x.rateMilli), baseMinor: x.baseMinor, taxMinor: x.taxMinor })),
    taxMinor: t.taxMinor,
    totalMinor: t.totalMinor,
  };
}

/** The whole quote as the contract shows it; `thresholdPercent` from the quote settings. */
export async function readQuote(sql: Sql, id: number, thresholdPercent: number): Promise<Quote> {
  const row = await loadQuoteRow(sql, id);
  const lines = await loadLines(sql, id);
  const totals = quoteTotals(row, lines);
  const items = lines.filter((l) => l.kind === 'item');
  const revisions = await sql.all<{ id: number; revision: number; status: QuoteStatus; total_minor: number; created_at: string }>(
    `SELECT id, revision, status, total_minor, created_at FROM quotes WHERE number = ? AND deleted_at IS NULL ORDER BY revision`,
    [row.number],
  );
  const attachments = await sql.all<{ id: number; file_name: string; byte_size: number; sha256: string; created_at: string }>(
    `SELECT id, file_name, byte_size, sha256, created_at FROM attachments WHERE entity = 'quote' AND record_id = ? ORDER BY created_at DESC, id DESC`,
    [id],
  );
  const check = await checkConfiguration(sql, items.flatMap((l) => (l.product_id !== null ? [l.product_id] : [])));
  const largestBp = largestDiscountOf(lines, moneyOf(row), totals);
  let itemIndex = 0;
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    updatedAt: row.updated_at,
    updatedBy: { id: row.updated_by_id, name: row.updated_by_name },
    deletedAt: row.deleted_at,
    number: row.number,
    revision: row.revision,
    isLatest: row.is_latest === 1,
    status: row.status,
    opportunity: { id: row.opportunity_id, name: row.opportunity_name },
    account: row.account_id !== null && row.account_name !== null ? { id: row.account_id, name: row.account_name } : null,
    contact: row.contact_id !== null && row.contact_name !== null ? { id: row.contact_id, name: row.contact_name, email: row.contact_email } : null,
    priceBook: row.price_book_id !== null && row.price_book_name !== null ? { id: row.price_book_id, name: row.price_book_name } : null,
    currency: row.currency,
    title: row.title,
    validUntil: row.valid_until,
    discount: discountOut(row.discount_kind, row.discount_value === null ? null : Number(row.discount_value)),
    shippingMinor: Number(row.shipping_minor),
    shippingTaxClassId: row.shipping_tax_class_id,
    terms: row.terms,
    notes: row.notes,
    owner: { id: row.owner_id, name: row.owner_name },
    lines: lines.map((l) => lineOut(l, l.kind === 'item' ? totals.lines[itemIndex++] : undefined)),
    totals: totalsOut(totals),
    largestDiscountPercent: largestBp / 100,
    needsApproval: largestBp > Math.round(thresholdPercent * 100),
    review:
      row.reviewed_at || row.review_comment
        ? { comment: row.review_comment, by: row.reviewed_by_id !== null && row.reviewed_by_name !== null ? { id: row.reviewed_by_id, name: row.reviewed_by_name } : null, at: row.reviewed_at }
        : null,
    sentAt: row.sent_at,
    decidedAt: row.decided_at,
    revisions: revisions.map((r) => ({ id: r.id, revision: r.revision, status: r.status, totalMinor: Number(r.total_minor), createdAt: r.created_at })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, byteSize: a.byte_size, sha256: a.sha256, createdAt: a.created_at })),
    suggestions: check.suggestions,
  };
}
