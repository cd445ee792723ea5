import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';
import { recordColumns, recordRelations } from '../../db/record-columns';

export const ProductEntity = new EntitySchema<StoredRow>({
  name: 'Product',
  tableName: 'products',
  columns: {
    ...recordColumns,
    sku: { type: 'varchar', length: 64 },
    /** Upper-cased SKU: unique among live products regardless of case. */
    skuKey: { type: 'varchar', length: 64 },
    name: { type: 'varchar', length: 200 },
    /** foldForSort(name). */
    sortName: { type: 'varchar', length: 200 },
    description: { type: 'text', nullable: true },
    unit: { type: 'varchar', length: 20, default: 'each' },
    costMinor: { type: 'bigint', nullable: true },
    costCurrency: { type: 'varchar', length: 3, nullable: true },
    category: { type: 'varchar', length: 100, nullable: true },
    active: { type: 'boolean', default: true },
    /** The tax class a new quote line gets; null means the default class. */
    taxClassId: { type: 'integer', nullable: true },
  },
  relations: {
    ...recordRelations,
    taxClass: { type: 'many-to-one', target: 'TaxClass', joinColumn: { name: 'tax_class_id' }, onDelete: 'SET NULL', nullable: true },
  },
  indices: [
    { columns: ['skuKey'], unique: true, where: '"deleted_at" IS NULL' },
    { columns: ['sortName', 'id', 'deletedAt'], where: '"deleted_at" IS NULL' },
    { columns: ['category'] },
  ],
});

/** A bundle's parts: adding the bundle to a quote adds these under it. */
export const ProductComponentEntity = new EntitySchema<StoredRow>({
  name: 'ProductComponent',
  tableName: 'product_components',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    bundleId: { type: 'integer' },
    componentId: { type: 'integer' },
    /** Thousandths, per one bundle. */
    quantityMilli: { type: 'integer' },
    /** Offered but not added unless the salesperson ticks it; priced, unlike the included parts. */
    optional: { type: 'boolean', default: false },
    position: { type: 'integer' },
  },
  relations: {
    bundle: { type: 'many-to-one', target: 'Product', joinColumn: { name: 'bundle_id' }, onDelete: 'CASCADE' },
    component: { type: 'many-to-one', target: 'Product', joinColumn: { name: 'component_id' }, onDelete: 'RESTRICT' },
  },
  uniques: [{ columns: ['bundleId', 'componentId'] }],
  indices: [{ columns: ['componentId'] }],
});

/** Configurator rules: "requires", "excludes", "recommends" another product. */
export const ProductRuleEntity = new EntitySchema<StoredRow>({
  name: 'ProductRule',
  tableName: 'product_rules',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    productId: { type: 'integer' },
    kind: { type: 'varchar', length: 12 },
    targetId: { type: 'integer' },
    /** Shown to the salesperson instead of the generated sentence. */
    message: { type: 'varchar', length: 300, nullable: true },
  },
  relations: {
    product: { type: 'many-to-one', target: 'Product', joinColumn: { name: 'product_id' }, onDelete: 'CASCADE' },
    target: { type: 'many-to-one', target: 'Product', joinColumn: { name: 'target_id' }, onDelete: 'CASCADE' },
  },
  uniques: [{ columns: ['productId', 'kind', 'targetId'] }],
  indices: [{ columns: ['targetId'] }],
});
