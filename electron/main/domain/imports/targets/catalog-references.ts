import type { Database, Statement } from 'better-sqlite3';
import { CrmError } from '../../../../../shared/errors';
import { foldForSort } from '../../../../../shared/text';
import { PRODUCT_EDITORS } from '../../catalog/products.service';

type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

interface TaxClassRow {
  id: number;
  name: string;
  active: number;
}

/**
 * What a product import refers to: tax classes by name, the default price
 * book of a currency and a product's price in it; and who may import at all,
 * by the catalog services' own rules (products: administrators and sales
 * managers; prices: administrators).
 */
export class CatalogReferences {
  private readonly taxClasses: TaxClassRow[];
  private readonly books = new Map<string, number | null>();
  private readonly book: Statement;
  private readonly entry: Statement;

  constructor(private readonly db: Database) {
    this.taxClasses = db.prepare(`SELECT id, name, active FROM tax_classes ORDER BY id`).all() as TaxClassRow[];
    this.book = db.prepare(`SELECT id FROM price_books WHERE currency = ? AND is_default = 1 AND active = 1 ORDER BY id LIMIT 1`).pluck();
    this.entry = db.prepare(`SELECT id, unit_price_minor, updated_at FROM price_book_entries WHERE price_book_id = ? AND product_id = ?`);
  }

  /** Refuses the whole import, before its first row, to a user the product forms would refuse. */
  checkRole(userId: number, withPrices: boolean): void {
    const role = this.db.prepare(`SELECT role FROM users WHERE id = ? AND active = 1`).pluck().get(userId) as string | undefined;
    if (!role || !PRODUCT_EDITORS.includes(role as never)) throw new CrmError('forbidden', 'Only an administrator or a sales manager can import products.');
    if (withPrices && role !== 'admin') throw new CrmError('forbidden', 'Only an administrator can import list prices: leave the list price column out.');
  }

  /** A tax class by name; an inactive one only where the product has it already (as the products service allows). */
  taxClass(name: string, keepId: number | null): Resolved<number> {
    const hit = this.taxClasses.find((c) => foldForSort(c.name) === foldForSort(name));
    if (!hit) return { ok: false, message: `No tax class called "${name}" (tax classes: ${this.taxClasses.filter((c) => c.active === 1).map((c) => c.name).join(', ')})` };
    return hit.active === 1 || hit.id === keepId ? { ok: true, value: hit.id } : { ok: false, message: `Tax class ${hit.name} is inactive` };
  }

  /** The price book a list price in this currency goes to: the currency's default one. */
  defaultBook(currency: string): Resolved<number> {
    if (!this.books.has(currency)) this.books.set(currency, (this.book.get(currency) as number | undefined) ?? null);
    const id = this.books.get(currency)!;
    return id === null ? { ok: false, message: `No default price book in ${currency}: make one the default, or leave the list price out` } : { ok: true, value: id };
  }

  price(bookId: number, productId: number): { id: number; unit_price_minor: number; updated_at: string } | undefined {
    return this.entry.get(bookId, productId) as { id: number; unit_price_minor: number; updated_at: string } | undefined;
  }
}
