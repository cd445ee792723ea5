import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { PriceBook, PriceBookInput, PriceEntry, PriceEntryInput } from '../../../../shared/contract/catalog';
import { CrmError } from '../../../../shared/errors';
import { milliToQuantity, quantityToMilli } from '../../../../shared/quote-math';
import { foldForSort } from '../../../../shared/text';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { requireRole } from '../users/require-role';
import { parseTiers } from './pricing';

interface BookRow {
  id: number;
  name: string;
  currency: string;
  is_default: number;
  active: number;
  entry_count: number;
}

interface EntryRow {
  product_id: number;
  sku: string;
  name: string;
  unit_price_minor: number;
  tiers: string;
}

/** Prices of products in the recycle bin stay stored (a restore brings them back) but are neither counted nor listed. */
const BOOK_SELECT = `
  SELECT b.id, b.name, b.currency, b.is_default, b.active,
         (SELECT COUNT(*) FROM price_book_entries e JOIN products p ON p.id = e.product_id AND p.deleted_at IS NULL WHERE e.price_book_id = b.id) AS entry_count
    FROM price_books b`;

const ENTRY_SELECT = `
  SELECT e.product_id, p.sku, p.name, e.unit_price_minor, e.tiers
    FROM price_book_entries e JOIN products p ON p.id = e.product_id AND p.deleted_at IS NULL`;

const bookFromRow = (r: BookRow): PriceBook => ({
  id: r.id,
  name: r.name,
  currency: r.currency,
  isDefault: r.is_default === 1,
  active: r.active === 1,
  entryCount: r.entry_count,
});

const entryFromRow = (r: EntryRow): PriceEntry => ({
  product: { id: r.product_id, sku: r.sku, name: r.name },
  unitPriceMinor: Number(r.unit_price_minor),
  tiers: parseTiers(r.tiers).map((t) => ({ minQuantity: milliToQuantity(t.minQuantityMilli), unitPriceMinor: t.unitPriceMinor })),
});

const invalid = (path: string, message: string) => new CrmError('validation', message, [{ path, message }]);

/**
 * Price books: one currency each, list prices and volume tiers per product.
 * At most one default book per currency (saving a default unsets the other
 * in that currency); only administrators change books and their prices.
 */
export class PriceBooksService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async list(includeInactive: boolean): Promise<PriceBook[]> {
    const rows = await this.sql.all<BookRow>(`${BOOK_SELECT} ${includeInactive ? '' : 'WHERE b.active = 1'} ORDER BY b.currency, b.is_default DESC, b.name, b.id`);
    return rows.map(bookFromRow);
  }

  async save(em: EntityManager, input: z.output<typeof PriceBookInput>, ctx: CallContext): Promise<PriceBook> {
    await requireRole(em, ctx.userId, ['admin'], 'change price books');
    const sql = new Sql(em);
    const books = await sql.all<BookRow>(BOOK_SELECT);
    const current = input.id === undefined ? undefined : books.find((b) => b.id === input.id);
    if (input.id !== undefined && !current) throw new CrmError('not_found', `There is no price book with id ${input.id}.`);
    const twin = books.find((b) => b.id !== input.id && foldForSort(b.name) === foldForSort(input.name));
    if (twin) throw invalid('name', `A price book named ${twin.name} already exists`);
    if (current && current.currency !== input.currency && current.entry_count > 0) {
      throw invalid('currency', `This book holds ${current.entry_count} prices in ${current.currency}; make a new book for ${input.currency}`);
    }
    if (input.isDefault && !input.active) throw invalid('active', 'The default price book must be active');
    const now = ctx.now();
    if (input.isDefault) {
      await sql.run(`UPDATE price_books SET is_default = 0, updated_at = ? WHERE is_default = 1 AND currency = ? AND id <> ?`, [now, input.currency, input.id ?? 0]);
    }
    const values = [input.name, input.currency, input.isDefault ? 1 : 0, input.active ? 1 : 0];
    let id = input.id;
    if (id === undefined) {
      ({ lastId: id } = await sql.run(`INSERT INTO price_books (name, currency, is_default, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, [
        ...values,
        now,
        now,
      ]));
    } else {
      await sql.run(`UPDATE price_books SET name = ?, currency = ?, is_default = ?, active = ?, updated_at = ? WHERE id = ?`, [...values, now, id]);
    }
    return bookFromRow((await sql.get<BookRow>(`${BOOK_SELECT} WHERE b.id = ?`, [id]))!);
  }

  async entries(priceBookId: number): Promise<PriceEntry[]> {
    if (!(await this.sql.get(`SELECT 1 FROM price_books WHERE id = ?`, [priceBookId]))) {
      throw new CrmError('not_found', `There is no price book with id ${priceBookId}.`);
    }
    const rows = await this.sql.all<EntryRow>(`${ENTRY_SELECT} WHERE e.price_book_id = ? ORDER BY p.sort_name, p.id`, [priceBookId]);
    return rows.map(entryFromRow);
  }

  /** Adds or replaces a live product's price; tiers are stored ascending by minimum quantity. */
  async setPrice(em: EntityManager, input: z.output<typeof PriceEntryInput>, ctx: CallContext): Promise<PriceEntry> {
    await requireRole(em, ctx.userId, ['admin'], 'change prices');
    const sql = new Sql(em);
    await assertBook(sql, input.priceBookId);
    const product = await sql.get<{ sku: string; name: string; deleted_at: string | null }>(`SELECT sku, name, deleted_at FROM products WHERE id = ?`, [input.productId]);
    if (!product) throw invalid('productId', `Product ${input.productId} does not exist`);
    if (product.deleted_at) throw invalid('productId', `${product.name} (${product.sku}) is in the recycle bin`);
    const tiers = input.tiers
      .map((t) => ({ minQuantityMilli: quantityToMilli(t.minQuantity), unitPriceMinor: t.unitPriceMinor }))
      .sort((a, b) => a.minQuantityMilli - b.minQuantityMilli);
    const now = ctx.now();
    await sql.run(
      `INSERT INTO price_book_entries (price_book_id, product_id, unit_price_minor, tiers, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (price_book_id, product_id) DO UPDATE SET unit_price_minor = excluded.unit_price_minor, tiers = excluded.tiers, updated_at = excluded.updated_at`,
      [input.priceBookId, input.productId, input.unitPriceMinor, JSON.stringify(tiers), now],
    );
    await sql.run(`UPDATE price_books SET updated_at = ? WHERE id = ?`, [now, input.priceBookId]);
    return entryFromRow((await sql.get<EntryRow>(`${ENTRY_SELECT} WHERE e.price_book_id = ? AND e.product_id = ?`, [input.priceBookId, input.productId]))!);
  }

  async removePrice(em: EntityManager, priceBookId: number, productId: number, ctx: CallContext): Promise<{ removed: boolean }> {
    await requireRole(em, ctx.userId, ['admin'], 'change prices');
    const sql = new Sql(em);
    await assertBook(sql, priceBookId);
    const { changes } = await sql.run(`DELETE FROM price_book_entries WHERE price_book_id = ? AND product_id = ?`, [priceBookId, productId]);
    if (changes) await sql.run(`UPDATE price_books SET updated_at = ? WHERE id = ?`, [ctx.now(), priceBookId]);
    return { removed: changes > 0 };
  }
}

async function assertBook(sql: Sql, priceBookId: number): Promise<void> {
  if (!(await sql.get(`SELECT 1 FROM price_books WHERE id = ?`, [priceBookId]))) {
    throw invalid('priceBookId', `Price book ${priceBookId} does not exist`);
  }
}
