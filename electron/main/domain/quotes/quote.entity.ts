import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';
import { recordColumns, recordRelations } from '../../db/record-columns';

/**
 * One version ("revision") of a quote. Revising copies it to revision n+1 under
 * the same number and freezes this one; `version` stays the optimistic lock.
 */
export const QuoteEntity = new EntitySchema<StoredRow>({
  name: 'Quote',
  tableName: 'quotes',
  columns: {
    ...recordColumns,
    /** "Q-000042": shared by every revision of the quote. */
    number: { type: 'varchar', length: 30 },
    revision: { type: 'integer', default: 1 },
    /** False once a newer revision exists: a frozen revision is never changed again. */
    isLatest: { type: 'boolean', default: true },
    /** draft, in_review, approved, sent, accepted, rejected, expired. */
    status: { type: 'varchar', length: 12, default: 'draft' },
    opportunityId: { type: 'integer' },
    accountId: { type: 'integer', nullable: true },
    contactId: { type: 'integer', nullable: true },
    priceBookId: { type: 'integer', nullable: true },
    currency: { type: 'varchar', length: 3 },
    title: { type: 'varchar', length: 200 },
    /** ISO date; after it the quote expires. */
    validUntil: { type: 'varchar', length: 10, nullable: true },
    /** 'percent' (value in basis points) or 'amount' (minor units); null for none. */
    discountKind: { type: 'varchar', length: 8, nullable: true },
    discountValue: { type: 'bigint', nullable: true },
    shippingMinor: { type: 'bigint', default: 0 },
    shippingTaxRateMilli: { type: 'integer', nullable: true },
    shippingTaxClassId: { type: 'integer', nullable: true },
    terms: { type: 'text', nullable: true },
    notes: { type: 'text', nullable: true },
    ownerId: { type: 'integer' },
    /** Computed with shared/quote-math.ts on every save, for grids and reports. */
    subtotalMinor: { type: 'bigint', default: 0 },
    discountMinor: { type: 'bigint', default: 0 },
    taxMinor: { type: 'bigint', default: 0 },
    totalMinor: { type: 'bigint', default: 0 },
    /** Largest discount in basis points (line or quote), compared with the approval threshold. */
    maxDiscountBp: { type: 'integer', default: 0 },
    /** The last review decision: the manager's comment and who decided. */
    reviewComment: { type: 'varchar', length: 1000, nullable: true },
    reviewedById: { type: 'integer', nullable: true },
    reviewedAt: { type: 'datetime', nullable: true },
    sentAt: { type: 'datetime', nullable: true },
    /** When the customer accepted or rejected it. */
    decidedAt: { type: 'datetime', nullable: true },
  },
  relations: {
    ...recordRelations,
    opportunity: { type: 'many-to-one', target: 'Opportunity', joinColumn: { name: 'opportunity_id' }, onDelete: 'RESTRICT' },
    account: { type: 'many-to-one', target: 'Account', joinColumn: { name: 'account_id' }, onDelete: 'SET NULL', nullable: true },
    contact: { type: 'many-to-one', target: 'Contact', joinColumn: { name: 'contact_id' }, onDelete: 'SET NULL', nullable: true },
    priceBook: { type: 'many-to-one', target: 'PriceBook', joinColumn: { name: 'price_book_id' }, onDelete: 'SET NULL', nullable: true },
    shippingTaxClass: { type: 'many-to-one', target: 'TaxClass', joinColumn: { name: 'shipping_tax_class_id' }, onDelete: 'SET NULL', nullable: true },
    owner: { type: 'many-to-one', target: 'User', joinColumn: { name: 'owner_id' }, onDelete: 'RESTRICT' },
    reviewedBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'reviewed_by_id' }, onDelete: 'SET NULL', nullable: true },
  },
  uniques: [{ columns: ['number', 'revision'] }],
  indices: [
    { columns: ['opportunityId', 'number', 'revision'] },
    { columns: ['status', 'validUntil'], where: '"deleted_at" IS NULL AND "is_latest" = 1' },
  ],
});

/** A line of one quote revision: an item (product or free text) or a group heading. */
export const QuoteLineEntity = new EntitySchema<StoredRow>({
  name: 'QuoteLine',
  tableName: 'quote_lines',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    quoteId: { type: 'integer' },
    position: { type: 'integer' },
    /** Stable across revisions, so versions compare line by line. */
    lineKey: { type: 'varchar', length: 36 },
    /** 'item' or 'heading'. */
    kind: { type: 'varchar', length: 8 },
    /** The bundle line this line is a component of. */
    parentKey: { type: 'varchar', length: 36, nullable: true },
    productId: { type: 'integer', nullable: true },
    sku: { type: 'varchar', length: 64, nullable: true },
    name: { type: 'varchar', length: 2000 },
    description: { type: 'text', nullable: true },
    quantityMilli: { type: 'integer', default: 1000 },
    unit: { type: 'varchar', length: 20, nullable: true },
    /** The price book's price when the line was priced, to show an override. */
    listPriceMinor: { type: 'bigint', nullable: true },
    unitPriceMinor: { type: 'bigint', default: 0 },
    discountKind: { type: 'varchar', length: 8, nullable: true },
    discountValue: { type: 'bigint', nullable: true },
    taxClassId: { type: 'integer', nullable: true },
    /** The class's rate when the line was saved; null when untaxed. */
    taxRateMilli: { type: 'integer', nullable: true },
    netMinor: { type: 'bigint', default: 0 },
  },
  relations: {
    quote: { type: 'many-to-one', target: 'Quote', joinColumn: { name: 'quote_id' }, onDelete: 'CASCADE' },
    product: { type: 'many-to-one', target: 'Product', joinColumn: { name: 'product_id' }, onDelete: 'SET NULL', nullable: true },
    taxClass: { type: 'many-to-one', target: 'TaxClass', joinColumn: { name: 'tax_class_id' }, onDelete: 'SET NULL', nullable: true },
  },
  indices: [{ columns: ['quoteId', 'position'] }, { columns: ['productId'] }],
});

/** Every status change, with the reviewer's or the customer's comment. */
export const QuoteStatusChangeEntity = new EntitySchema<StoredRow>({
  name: 'QuoteStatusChange',
  tableName: 'quote_status_history',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    quoteId: { type: 'integer' },
    fromStatus: { type: 'varchar', length: 12, nullable: true },
    toStatus: { type: 'varchar', length: 12 },
    comment: { type: 'varchar', length: 1000, nullable: true },
    changedAt: { type: 'datetime' },
    changedById: { type: 'integer' },
  },
  relations: {
    quote: { type: 'many-to-one', target: 'Quote', joinColumn: { name: 'quote_id' }, onDelete: 'CASCADE' },
    changedBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'changed_by_id' }, onDelete: 'RESTRICT' },
  },
  indices: [{ columns: ['quoteId', 'changedAt'] }],
});
