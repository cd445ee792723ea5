import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type {
  ConfigurationCheck,
  LookupQuery,
  PricedProduct,
  Product,
  ProductInput,
  ProductListQuery,
  ProductPatch,
  ProductRow,
} from '../../../../shared/contract/catalog';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { writeAudit } from '../audit/audit.service';
import { fetchGridPage } from '../records/grid-page';
import { gridSql, type GridColumn } from '../records/grid-sql';
import { loadRecord } from '../records/load-record';
import { insertRecord, restoreRecord, softDelete, updateRecord, type RecordTable } from '../records/record-store';
import type { User } from '../../../../shared/contract/users';
import { requireRole } from '../users/require-role';
import { checkConfiguration } from './configurator';
import { lookupProducts } from './priced-products';
import {
  COMPONENTS_SELECT,
  PRODUCT_SELECT,
  RULES_SELECT,
  componentsText,
  productColumns,
  productFromRow,
  rulesText,
  skuKey,
  type ComponentRow,
  type RuleRow,
} from './product.mapper';
import {
  bundleContaining,
  checkComponents,
  checkRules,
  replaceComponents,
  replaceRules,
  sameComponents,
  sameRules,
  storedComponents,
  storedRules,
} from './product-structure';

export const PRODUCT_TABLE: RecordTable = { table: 'products', entity: 'product', noun: 'product', derived: ['sku_key', 'sort_name'] };

/** Who may create, change, delete and restore products (price books and tax classes are for admins only). */
export const PRODUCT_EDITORS: readonly User['role'][] = ['admin', 'sales_manager'];

const IS_BUNDLE = 'EXISTS (SELECT 1 FROM product_components c WHERE c.bundle_id = p.id)';

const GRID_COLUMNS: Record<string, GridColumn> = {
  sku: { sql: 'p.sku', kind: 'text', sortSql: 'p.sku_key', notNull: true },
  name: { sql: 'p.name', kind: 'text', sortSql: 'p.sort_name', notNull: true, folded: { sql: 'p.sort_name', rangeKey: 'p.sort_name' } },
  category: { sql: 'p.category', kind: 'text' },
  updatedAt: { sql: 'p.updated_at', kind: 'text', sortSql: 'p.updated_at', notNull: true },
};

const label = (p: { sku: string; name: string }) => `${p.name} (${p.sku})`;

export class ProductsService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async get(id: number, em?: EntityManager): Promise<Product> {
    const sql = em ? new Sql(em) : this.sql;
    const components = await sql.all<ComponentRow>(`${COMPONENTS_SELECT} WHERE c.bundle_id = ? ORDER BY c.position, c.id`, [id]);
    const rules = await sql.all<RuleRow>(`${RULES_SELECT} WHERE r.product_id = ? ORDER BY r.id`, [id]);
    return loadRecord(this.sql, em, { select: PRODUCT_SELECT, idColumn: 'p.id', noun: 'product', fromRow: (r) => productFromRow(r, components, rules) }, id);
  }

  async create(em: EntityManager, input: z.output<typeof ProductInput>, ctx: CallContext): Promise<Product> {
    await requireRole(em, ctx.userId, PRODUCT_EDITORS, 'create products');
    const sql = new Sql(em);
    await checkSku(sql, input.sku, null, 'sku');
    await checkTaxClass(sql, input.taxClassId, 'taxClassId');
    await checkComponents(sql, null, input.components, 'components');
    await checkRules(sql, null, input.rules, 'rules');
    const id = await insertRecord(em, PRODUCT_TABLE, productColumns(input), ctx);
    await this.writeStructure(em, id, input, { components: [], rules: [] }, ctx);
    return this.get(id, em);
  }

  /** Components and rules, when given, replace the old lists; changing only them still makes a new version. */
  async update(em: EntityManager, id: number, version: number, patch: z.output<typeof ProductPatch>, ctx: CallContext): Promise<Product> {
    await requireRole(em, ctx.userId, PRODUCT_EDITORS, 'change products');
    const sql = new Sql(em);
    const current = await sql.get<{ tax_class_id: number | null; deleted_at: string | null }>(`SELECT tax_class_id, deleted_at FROM products WHERE id = ?`, [id]);
    if (!current || current.deleted_at) throw new CrmError('not_found', 'This product no longer exists (it may have been deleted).');
    if (patch.sku !== undefined) await checkSku(sql, patch.sku, id, 'patch.sku');
    if (patch.taxClassId !== undefined && patch.taxClassId !== current.tax_class_id) await checkTaxClass(sql, patch.taxClassId, 'patch.taxClassId');
    if (patch.components) await checkComponents(sql, id, patch.components, 'patch.components');
    if (patch.rules) await checkRules(sql, id, patch.rules, 'patch.rules');
    const before = { components: await storedComponents(sql, id), rules: await storedRules(sql, id) };
    const structureChanges = (patch.components && !sameComponents(before.components, patch.components)) || (patch.rules && !sameRules(before.rules, patch.rules));
    const { changed } = await updateRecord(em, PRODUCT_TABLE, id, version, productColumns(patch), ctx);
    if (structureChanges) {
      if (!changed.length) {
        // Only the lists changed: the product still gets a new version, so a stale save elsewhere is refused.
        await sql.run(`UPDATE products SET version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ? AND version = ?`, [ctx.now(), ctx.userId, id, version]);
      }
      await this.writeStructure(em, id, patch, before, ctx);
    }
    return this.get(id, em);
  }

  /** A part of a live bundle stays until it is taken out of the bundle; quotes keep their own copies of a product. */
  async delete(em: EntityManager, id: number, ctx: CallContext) {
    await requireRole(em, ctx.userId, PRODUCT_EDITORS, 'delete products');
    const sql = new Sql(em);
    const bundle = await bundleContaining(sql, id);
    if (bundle) throw new CrmError('conflict', `This product is part of the bundle ${label(bundle)}. Take it out of the bundle first.`);
    return softDelete(em, PRODUCT_TABLE, id, ctx);
  }

  /** Refused while another live product has taken the SKU, or while one of a bundle's parts is in the recycle bin. */
  async restore(em: EntityManager, id: number, ctx: CallContext): Promise<Product> {
    await requireRole(em, ctx.userId, PRODUCT_EDITORS, 'restore products');
    const sql = new Sql(em);
    const row = await sql.get<{ sku: string; sku_key: string; deleted_at: string | null }>(`SELECT sku, sku_key, deleted_at FROM products WHERE id = ?`, [id]);
    if (row?.deleted_at) {
      const other = await sql.get<{ sku: string; name: string }>(`SELECT sku, name FROM products WHERE sku_key = ? AND deleted_at IS NULL AND id <> ?`, [
        row.sku_key,
        id,
      ]);
      if (other) throw new CrmError('conflict', `SKU ${row.sku} is now used by ${label(other)}. Change one of the SKUs before restoring.`);
      const part = await sql.get<{ sku: string; name: string; deleted_at: string | null; is_bundle: number }>(
        `SELECT p.sku, p.name, p.deleted_at, EXISTS (SELECT 1 FROM product_components x WHERE x.bundle_id = p.id) AS is_bundle
           FROM product_components c JOIN products p ON p.id = c.component_id
          WHERE c.bundle_id = ? AND (p.deleted_at IS NOT NULL OR EXISTS (SELECT 1 FROM product_components x WHERE x.bundle_id = p.id))
          LIMIT 1`,
        [id],
      );
      if (part?.deleted_at) throw new CrmError('conflict', `Its part ${label(part)} is in the recycle bin. Restore that first.`);
      if (part) throw new CrmError('conflict', `Its part ${label(part)} has become a bundle itself; bundles are one level deep.`);
    }
    await restoreRecord(em, PRODUCT_TABLE, id, ctx);
    return this.get(id, em);
  }

  async list(q: z.output<typeof ProductListQuery>): Promise<{ rows: ProductRow[]; total: number | null }> {
    const g = gridSql(GRID_COLUMNS, q, { colId: 'sku', sort: 'asc' }, 'p.id');
    const page = await fetchGridPage<Record<string, any>>(this.sql, {
      table: 'products',
      alias: 'p',
      columns: `p.id, p.version, p.sku, p.name, p.category, p.unit, p.active, ${IS_BUNDLE} AS is_bundle, p.updated_at`,
      rowJoins: '',
      filterJoins: '',
      where: ['p.deleted_at IS NULL', ...(q.activeOnly ? ['p.active = 1'] : []), ...g.where],
      params: g.params,
      orderBy: g.orderBy,
      seek: g.seek,
      startRow: q.startRow,
      endRow: q.endRow,
      withTotal: q.withTotal,
    });
    return {
      total: page.total,
      rows: page.rows.map((r) => ({
        id: r.id,
        version: r.version,
        sku: r.sku,
        name: r.name,
        category: r.category,
        unit: r.unit,
        active: r.active === 1,
        isBundle: r.is_bundle === 1,
        updatedAt: r.updated_at,
      })),
    };
  }

  lookup(q: z.output<typeof LookupQuery>): Promise<PricedProduct[]> {
    return lookupProducts(this.sql, q);
  }

  checkConfiguration(productIds: readonly number[]): Promise<ConfigurationCheck> {
    return checkConfiguration(this.sql, productIds);
  }

  /** Replaces the lists that were given and writes one history entry naming the old and new ones. */
  private async writeStructure(
    em: EntityManager,
    id: number,
    given: { components?: z.output<typeof ProductPatch>['components']; rules?: z.output<typeof ProductPatch>['rules'] },
    before: { components: Awaited<ReturnType<typeof storedComponents>>; rules: Awaited<ReturnType<typeof storedRules>> },
    ctx: CallContext,
  ): Promise<void> {
    const sql = new Sql(em);
    const changes: Record<string, unknown[]> = {};
    if (given.components && !sameComponents(before.components, given.components)) {
      await replaceComponents(sql, id, given.components);
      changes.components = [componentsText(before.components) || null, componentsText(await storedComponents(sql, id)) || null];
    }
    if (given.rules && !sameRules(before.rules, given.rules)) {
      await replaceRules(sql, id, given.rules);
      changes.rules = [rulesText(before.rules) || null, rulesText(await storedRules(sql, id)) || null];
    }
    if (Object.keys(changes).length) await writeAudit(em, { entity: 'product', recordId: id, action: 'update', changes, userId: ctx.userId, at: ctx.now() });
  }
}

/** SKUs are unique among live products regardless of case; a deleted product's SKU is free again. */
async function checkSku(sql: Sql, sku: string, selfId: number | null, path: string): Promise<void> {
  const other = await sql.get<{ sku: string; name: string }>(`SELECT sku, name FROM products WHERE sku_key = ? AND deleted_at IS NULL AND id <> ?`, [
    skuKey(sku),
    selfId ?? 0,
  ]);
  if (other) {
    const message = `SKU ${sku} is already used by ${label(other)}`;
    throw new CrmError('validation', message, [{ path, message }]);
  }
}

async function checkTaxClass(sql: Sql, taxClassId: number | null, path: string): Promise<void> {
  if (taxClassId === null) return;
  const row = await sql.get<{ name: string; active: number }>(`SELECT name, active FROM tax_classes WHERE id = ?`, [taxClassId]);
  if (!row) throw new CrmError('validation', `Tax class ${taxClassId} does not exist`, [{ path, message: 'Tax class does not exist' }]);
  if (row.active !== 1) throw new CrmError('validation', `Tax class ${row.name} is inactive`, [{ path, message: `${row.name} is inactive` }]);
}
