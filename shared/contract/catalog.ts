import { z } from 'zod';
import { CurrencyCode, MinorUnits, Money } from '../money';
import { DeleteResult, Id, IdInput, RecordMeta, VersionedPatch, optionalText, requiredText } from './common';
import { method } from './define';
import { gridPage, gridQuery } from './grid';

export const RULE_KINDS = ['requires', 'excludes', 'recommends'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const decimals = (max: number) => (n: number) => Math.abs(n * 10 ** max - Math.round(n * 10 ** max)) < 1e-6;

/** A quantity with up to three decimals (1.5 hours), above zero. */
export const Quantity = z
  .number({ error: 'Quantity must be a number' })
  .finite()
  .gt(0, 'Quantity must be more than zero')
  .max(1_000_000, 'Quantity is too large')
  .refine(decimals(3), 'At most three decimals');

const NonNegativeMinor = MinorUnits.min(0, 'Prices cannot be negative').max(1e12, 'Price is too large');

/** Percent with up to three decimals, e.g. 8.875. */
export const RatePercent = z
  .number({ error: 'Rate must be a number' })
  .min(0, 'Rate cannot be negative')
  .max(100, 'Rate is at most 100 %')
  .refine(decimals(3), 'At most three decimals');

// ---- tax classes -------------------------------------------------------------

export const TaxClass = z.object({ id: Id, name: z.string(), ratePercent: z.number(), isDefault: z.boolean(), active: z.boolean() });
export type TaxClass = z.infer<typeof TaxClass>;

export const TaxClassInput = z
  .object({
    /** Leave out to add a class. */
    id: Id.optional(),
    name: requiredText(100, 'Name'),
    ratePercent: RatePercent,
    isDefault: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type TaxClassInput = z.input<typeof TaxClassInput>;

// ---- products ------------------------------------------------------------------

export const ComponentInput = z
  .object({ productId: Id, quantity: Quantity.default(1), optional: z.boolean().default(false) })
  .strict();

export const RuleInput = z
  .object({ kind: z.enum(RULE_KINDS), targetId: Id, message: optionalText(300) })
  .strict();

const ProductRef = z.object({ id: Id, sku: z.string(), name: z.string() });
export type ProductRef = z.infer<typeof ProductRef>;

/**
 * The editable fields, without defaults: a patch must leave out what it does
 * not change (a default inside ProductPatch would wipe a bundle's components).
 */
export const ProductFields = {
  sku: requiredText(64, 'SKU').pipe(z.string().regex(/^[\p{L}\p{N}._\-/]+$/u, 'Letters, digits and . _ - / only, no spaces')),
  name: requiredText(200, 'Name'),
  description: optionalText(5000),
  unit: requiredText(20, 'Unit'),
  cost: Money.refine((m) => m.amountMinor >= 0, { message: 'Cost cannot be negative', path: ['amountMinor'] })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  category: optionalText(100),
  active: z.boolean(),
  /** Null: the default tax class. */
  taxClassId: Id.nullable().optional().transform((v) => v ?? null),
  /** The parts of a bundle; empty for a plain product. A part may not itself be a bundle. */
  components: z.array(ComponentInput).max(100, 'At most 100 components'),
  /** Configurator rules; a patch that gives them replaces the old list. */
  rules: z.array(RuleInput).max(100, 'At most 100 rules'),
};

export const ProductInput = z
  .object({
    ...ProductFields,
    unit: ProductFields.unit.default('each'),
    active: ProductFields.active.default(true),
    components: ProductFields.components.default([]),
    rules: ProductFields.rules.default([]),
  })
  .strict();
export type ProductInput = z.input<typeof ProductInput>;
export const ProductPatch = z.object(ProductFields).partial().strict();

export const Product = z.object({
  ...RecordMeta,
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string(),
  cost: Money.nullable(),
  category: z.string().nullable(),
  active: z.boolean(),
  taxClass: z.object({ id: Id, name: z.string() }).nullable(),
  isBundle: z.boolean(),
  components: z.array(z.object({ product: ProductRef, quantity: z.number(), optional: z.boolean() })),
  rules: z.array(z.object({ kind: z.enum(RULE_KINDS), target: ProductRef, message: z.string().nullable() })),
});
export type Product = z.infer<typeof Product>;

export const ProductRow = z.object({
  id: Id,
  version: z.number().int(),
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  unit: z.string(),
  active: z.boolean(),
  isBundle: z.boolean(),
  updatedAt: z.string(),
});
export type ProductRow = z.infer<typeof ProductRow>;

export const PRODUCT_SORTABLE = ['sku', 'name', 'category', 'updatedAt'] as const;
export const PRODUCT_FILTERABLE = ['sku', 'name', 'category'] as const;
export const ProductListQuery = gridQuery(PRODUCT_SORTABLE, PRODUCT_FILTERABLE, { activeOnly: z.boolean().default(false) });
export type ProductListQuery = z.input<typeof ProductListQuery>;

/** A product as a quote line sees it: its price in one price book, tiers and bundle parts included. */
export const PricedProduct = z.object({
  id: Id,
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string(),
  active: z.boolean(),
  taxClassId: Id.nullable(),
  isBundle: z.boolean(),
  /** Null when the price book has no entry for the product. */
  listPriceMinor: z.number().int().nullable(),
  tiers: z.array(z.object({ minQuantity: z.number(), unitPriceMinor: z.number().int() })),
  components: z.array(
    z.object({ productId: Id, sku: z.string(), name: z.string(), unit: z.string(), quantity: z.number(), optional: z.boolean(), listPriceMinor: z.number().int().nullable() }),
  ),
});
export type PricedProduct = z.infer<typeof PricedProduct>;

export const LookupQuery = z
  .object({
    text: z.string().max(100).default(''),
    /** Prices from this book; none → no prices. */
    priceBookId: Id.nullable().optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

// ---- configurator --------------------------------------------------------------

export const ConfigurationCheck = z.object({
  /** Combinations a quote may not be saved with: "Server X requires Rack kit". */
  errors: z.array(z.object({ productId: Id, targetId: Id, kind: z.enum(['requires', 'excludes']), message: z.string() })),
  /** Recommended products not on the quote yet. */
  suggestions: z.array(z.object({ productId: Id, target: ProductRef, message: z.string() })),
});
export type ConfigurationCheck = z.infer<typeof ConfigurationCheck>;

// ---- price books -----------------------------------------------------------------

export const PriceBook = z.object({ id: Id, name: z.string(), currency: z.string(), isDefault: z.boolean(), active: z.boolean(), entryCount: z.number().int() });
export type PriceBook = z.infer<typeof PriceBook>;

export const PriceBookInput = z
  .object({
    id: Id.optional(),
    name: requiredText(100, 'Name'),
    currency: CurrencyCode,
    isDefault: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type PriceBookInput = z.input<typeof PriceBookInput>;

export const Tier = z.object({ minQuantity: Quantity, unitPriceMinor: NonNegativeMinor }).strict();

export const PriceEntryInput = z
  .object({
    priceBookId: Id,
    productId: Id,
    unitPriceMinor: NonNegativeMinor,
    /** Volume prices: from minQuantity on, every unit costs unitPriceMinor. */
    tiers: z
      .array(Tier)
      .max(20)
      .default([])
      .refine((tiers) => new Set(tiers.map((t) => t.minQuantity)).size === tiers.length, 'Two tiers start at the same quantity'),
  })
  .strict();
export type PriceEntryInput = z.input<typeof PriceEntryInput>;

export const PriceEntry = z.object({
  product: ProductRef,
  unitPriceMinor: z.number().int(),
  tiers: z.array(z.object({ minQuantity: z.number(), unitPriceMinor: z.number().int() })),
});
export type PriceEntry = z.infer<typeof PriceEntry>;

export const catalogContract = {
  'taxClasses.list': method({
    summary: 'Tax classes with their rates',
    writes: false,
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(TaxClass),
  }),
  'taxClasses.save': method({ summary: 'Create or change a tax class (admins)', writes: true, input: TaxClassInput, output: TaxClass }),
  'products.create': method({ summary: 'Create a product or bundle with its configurator rules', writes: true, input: ProductInput, output: Product }),
  'products.get': method({ summary: 'One product with its components and rules', writes: false, input: IdInput, output: Product }),
  'products.update': method({
    summary: 'Change a product; components and rules, when given, replace the old lists',
    writes: true,
    input: VersionedPatch(ProductPatch),
    output: Product,
  }),
  'products.delete': method({ summary: 'Move a product to the recycle bin (quotes keep their copies of it)', writes: true, input: IdInput, output: DeleteResult }),
  'products.restore': method({ summary: 'Bring a product back from the recycle bin', writes: true, input: IdInput, output: Product }),
  'products.list': method({ summary: 'A page of the products grid', writes: false, input: ProductListQuery, output: gridPage(ProductRow) }),
  'products.lookup': method({
    summary: 'Active products matching a SKU or name, priced from a price book (the quote line picker)',
    writes: false,
    input: LookupQuery,
    output: z.array(PricedProduct),
  }),
  'products.checkConfiguration': method({
    summary: 'Configurator rules for a set of products: what is refused and what is recommended',
    writes: false,
    input: z.object({ productIds: z.array(Id).max(1000) }).strict(),
    output: ConfigurationCheck,
  }),
  'priceBooks.list': method({
    summary: 'Price books with their currency and number of prices',
    writes: false,
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(PriceBook),
  }),
  'priceBooks.save': method({ summary: 'Create or change a price book (admins)', writes: true, input: PriceBookInput, output: PriceBook }),
  'priceBooks.entries': method({
    summary: 'Every price in a price book, by product name',
    writes: false,
    input: z.object({ priceBookId: Id }).strict(),
    output: z.array(PriceEntry),
  }),
  'priceBooks.setPrice': method({ summary: 'Set a product’s list price and volume tiers in a price book', writes: true, input: PriceEntryInput, output: PriceEntry }),
  'priceBooks.removePrice': method({
    summary: 'Take a product out of a price book',
    writes: true,
    input: z.object({ priceBookId: Id, productId: Id }).strict(),
    output: z.object({ removed: z.boolean() }),
  }),
};
