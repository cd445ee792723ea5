import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

export const PriceBookEntity = new EntitySchema<StoredRow>({
  name: 'PriceBook',
  tableName: 'price_books',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100 },
    currency: { type: 'varchar', length: 3 },
    /** The book a new quote uses when none for the opportunity's currency is marked default. */
    isDefault: { type: 'boolean', default: false },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const PriceBookEntryEntity = new EntitySchema<StoredRow>({
  name: 'PriceBookEntry',
  tableName: 'price_book_entries',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    priceBookId: { type: 'integer' },
    productId: { type: 'integer' },
    /** List price per unit, in the book's currency. */
    unitPriceMinor: { type: 'bigint' },
    /** Volume tiers as JSON [{minQuantityMilli, unitPriceMinor}], ascending; read whole with the entry. */
    tiers: { type: 'text' },
    updatedAt: { type: 'datetime' },
  },
  relations: {
    priceBook: { type: 'many-to-one', target: 'PriceBook', joinColumn: { name: 'price_book_id' }, onDelete: 'CASCADE' },
    product: { type: 'many-to-one', target: 'Product', joinColumn: { name: 'product_id' }, onDelete: 'CASCADE' },
  },
  uniques: [{ columns: ['priceBookId', 'productId'] }],
  indices: [{ columns: ['productId'] }],
});
