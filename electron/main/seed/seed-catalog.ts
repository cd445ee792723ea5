import type { DataSource } from 'typeorm';
import { sqliteHandle } from '../db/sqlite-handle';
import { foldForSort } from '../../../shared/text';

/** The sample catalog's currency: most sample accounts (DE, FR, ES, IT, GR) and so most opportunities are in EUR. */
export const SAMPLE_CATALOG_CURRENCY = 'EUR';

interface SampleProduct {
  sku: string;
  name: string;
  category: 'Hardware' | 'Software' | 'Services' | 'Bundles';
  unit: string;
  /** List price in cents. */
  price: number;
  cost?: number;
  /** Volume tiers: [from quantity, unit price in cents]. */
  tiers?: [number, number][];
  /** The reduced class instead of the default one. */
  reduced?: boolean;
  description?: string;
}

const PRODUCTS: SampleProduct[] = [
  { sku: 'HW-SRV-R1', name: 'Rack server R1', category: 'Hardware', unit: 'each', price: 345_000, cost: 210_000, description: '1U server, 2 × 16 cores, 128 GB RAM' },
  { sku: 'HW-RAIL', name: 'Rail kit', category: 'Hardware', unit: 'each', price: 8_900, cost: 3_500 },
  { sku: 'HW-UPS-1500', name: 'UPS 1500 VA', category: 'Hardware', unit: 'each', price: 62_000, cost: 38_000 },
  { sku: 'HW-SW-24', name: 'Managed switch, 24 ports', category: 'Hardware', unit: 'each', price: 78_000, cost: 49_000 },
  {
    sku: 'HW-CAB-CAT6',
    name: 'Patch cable Cat6, 2 m',
    category: 'Hardware',
    unit: 'each',
    price: 650,
    cost: 180,
    tiers: [
      [50, 520],
      [200, 440],
    ],
  },
  { sku: 'SW-CRM-USER', name: 'CRM user licence, 1 year', category: 'Software', unit: 'user', price: 54_000 },
  { sku: 'SW-BACKUP', name: 'Backup suite, 1 year', category: 'Software', unit: 'each', price: 120_000 },
  { sku: 'SW-AV', name: 'Endpoint protection, 1 year', category: 'Software', unit: 'device', price: 3_900 },
  { sku: 'SV-INSTALL', name: 'On-site installation', category: 'Services', unit: 'hour', price: 9_500 },
  { sku: 'SV-CARE-3Y', name: 'Care pack, 3 years', category: 'Services', unit: 'each', price: 69_000 },
  { sku: 'SV-TRAIN', name: 'Training day', category: 'Services', unit: 'day', price: 85_000, reduced: true, description: 'On-site training for up to 8 people' },
  { sku: 'SV-CONSULT', name: 'Consulting', category: 'Services', unit: 'hour', price: 14_000 },
  {
    sku: 'BN-SRV-START',
    name: 'Server starter bundle',
    category: 'Bundles',
    unit: 'each',
    price: 399_000,
    description: 'Rack server with rail kit; a 3-year care pack is offered',
  },
];

/** [bundle, part, quantity, optional]. */
const COMPONENTS: [string, string, number, boolean][] = [
  ['BN-SRV-START', 'HW-SRV-R1', 1, false],
  ['BN-SRV-START', 'HW-RAIL', 1, false],
  ['BN-SRV-START', 'SV-CARE-3Y', 1, true],
];

/** [product, kind, target, message]. */
const RULES: [string, 'requires' | 'excludes' | 'recommends', string, string | null][] = [
  ['HW-SRV-R1', 'requires', 'HW-RAIL', 'A rack server is mounted with a rail kit.'],
  ['HW-SRV-R1', 'recommends', 'SV-CARE-3Y', null],
];

export interface CatalogSeedResult {
  taxClasses: number;
  products: number;
  priceBooks: number;
  prices: number;
}

/**
 * A small, fixed sample catalog: two tax classes (standard 20 % as the
 * default, reduced 5 %), thirteen products in four categories including a
 * bundle of two parts and an optional one, a "requires" and a "recommends"
 * rule, and a default EUR price book with volume tiers on the patch cable.
 * Only into a database without any catalog yet; no audit rows, like the rest
 * of the sample data. Returns null when there was a catalog already.
 */
export function seedCatalog(dataSource: DataSource, now: Date = new Date()): CatalogSeedResult | null {
  const db = sqliteHandle(dataSource);
  const hasCatalog = db.prepare(`SELECT EXISTS (SELECT 1 FROM products) OR EXISTS (SELECT 1 FROM price_books) OR EXISTS (SELECT 1 FROM tax_classes)`).pluck().get() === 1;
  if (hasCatalog) return null;
  const at = now.toISOString();
  const admin = db.prepare(`SELECT id FROM users WHERE active = 1 ORDER BY role <> 'admin', id LIMIT 1`).pluck().get() as number | undefined;
  if (admin === undefined) return null;

  return db.transaction(() => {
    const taxClass = db.prepare(`INSERT INTO tax_classes (name, rate_milli, is_default, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`);
    // Products without a class of their own are taxed at the default one.
    taxClass.run('Standard 20%', 20_000, 1, at, at);
    const reduced = Number(taxClass.run('Reduced 5%', 5_000, 0, at, at).lastInsertRowid);

    const insertProduct = db.prepare(
      `INSERT INTO products (version, created_at, created_by_id, updated_at, updated_by_id, sku, sku_key, name, sort_name, description, unit,
                             cost_minor, cost_currency, category, active, tax_class_id)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    const ids = new Map<string, number>();
    for (const p of PRODUCTS) {
      const result = insertProduct.run(
        at,
        admin,
        at,
        admin,
        p.sku,
        p.sku.toUpperCase(),
        p.name,
        foldForSort(p.name),
        p.description ?? null,
        p.unit,
        p.cost ?? null,
        p.cost === undefined ? null : SAMPLE_CATALOG_CURRENCY,
        p.category,
        p.reduced ? reduced : null,
      );
      ids.set(p.sku, Number(result.lastInsertRowid));
    }
    const id = (sku: string) => ids.get(sku)!;

    const component = db.prepare(`INSERT INTO product_components (bundle_id, component_id, quantity_milli, optional, position) VALUES (?, ?, ?, ?, ?)`);
    COMPONENTS.forEach(([bundle, part, quantity, optional], position) => component.run(id(bundle), id(part), quantity * 1000, optional ? 1 : 0, position));
    const rule = db.prepare(`INSERT INTO product_rules (product_id, kind, target_id, message) VALUES (?, ?, ?, ?)`);
    for (const [product, kind, target, message] of RULES) rule.run(id(product), kind, id(target), message);

    const book = Number(
      db.prepare(`INSERT INTO price_books (name, currency, is_default, active, created_at, updated_at) VALUES (?, ?, 1, 1, ?, ?)`).run('List prices EUR', SAMPLE_CATALOG_CURRENCY, at, at)
        .lastInsertRowid,
    );
    const price = db.prepare(`INSERT INTO price_book_entries (price_book_id, product_id, unit_price_minor, tiers, updated_at) VALUES (?, ?, ?, ?, ?)`);
    for (const p of PRODUCTS) {
      const tiers = (p.tiers ?? []).map(([from, unitPriceMinor]) => ({ minQuantityMilli: from * 1000, unitPriceMinor }));
      price.run(book, id(p.sku), p.price, JSON.stringify(tiers), at);
    }
    return { taxClasses: 2, products: PRODUCTS.length, priceBooks: 1, prices: PRODUCTS.length };
  })();
}
