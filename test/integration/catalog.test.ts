import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;

beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const product = (sku: string, extra: Partial<Input<'products.create'>> = {}) => host.call('products.create', { sku, name: `Product ${sku}`, ...extra });

/** A user with another role, made with SQL since there is no users.create yet. */
async function userWithRole(role: string): Promise<{ userId: number }> {
  await host.dataSource.query(`INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`, [
    `A ${role}`,
    `${role}@example.test`,
    role,
    '2026-01-01T00:00:00.000Z',
    '2026-01-01T00:00:00.000Z',
  ]);
  const [{ id }] = await host.dataSource.query(`SELECT id FROM users WHERE role = ? ORDER BY id DESC LIMIT 1`, [role]);
  return { userId: id };
}

async function failAs(session: { userId: number }, method: Parameters<TestHost['fail']>[0], input: unknown) {
  const result = await host.dispatch(method, input, session);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}

describe('products', () => {
  it('creates, reads, updates with optimistic locking, deletes and restores, with history', async () => {
    const vat = await host.call('taxClasses.save', { name: 'Standard 19%', ratePercent: 19, isDefault: true });
    const created = await host.call('products.create', {
      sku: ' srv-100 ',
      name: ' Ángel Server ',
      description: 'Rack server',
      unit: 'each',
      cost: { amountMinor: 120_000, currency: 'EUR' },
      category: 'Hardware',
      taxClassId: vat.id,
    });
    expect(created).toMatchObject({
      sku: 'srv-100',
      name: 'Ángel Server',
      description: 'Rack server',
      unit: 'each',
      cost: { amountMinor: 120_000, currency: 'EUR' },
      category: 'Hardware',
      active: true,
      taxClass: { id: vat.id, name: 'Standard 19%' },
      isBundle: false,
      components: [],
      rules: [],
      version: 1,
      createdBy: { name: 'Test Admin' },
      deletedAt: null,
    });
    expect(await host.call('products.get', { id: created.id })).toEqual(created);

    const updated = await host.call('products.update', { id: created.id, version: 1, patch: { name: 'Angel Server 2', cost: null } });
    expect(updated).toMatchObject({ version: 2, name: 'Angel Server 2', cost: null, sku: 'srv-100', category: 'Hardware', taxClass: { id: vat.id } });

    const stale = await host.fail('products.update', { id: created.id, version: 1, patch: { name: 'Mine' } });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('Test Admin saved this product');
    expect((await host.call('products.get', { id: created.id })).name).toBe('Angel Server 2');

    // An empty patch changes nothing and makes no new version.
    expect((await host.call('products.update', { id: created.id, version: 2, patch: {} })).version).toBe(2);

    const deleted = await host.call('products.delete', { id: created.id });
    expect(deleted.version).toBe(3);
    const list = await host.call('products.list', { startRow: 0, endRow: 10 });
    expect(list.rows).toEqual([]);
    expect((await host.fail('products.update', { id: created.id, version: 3, patch: { name: 'X' } })).code).toBe('not_found');
    const restored = await host.call('products.restore', { id: created.id });
    expect(restored).toMatchObject({ deletedAt: null, version: 4 });

    const audit = await host.call('audit.forRecord', { entity: 'product', id: created.id });
    expect(audit.map((a) => a.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(audit[2]!.changes).toEqual({ name: ['Ángel Server', 'Angel Server 2'], cost_minor: [120_000, null], cost_currency: ['EUR', null] });
  });

  it('SKUs are unique among live products regardless of case, and free again after a delete', async () => {
    const a = await product('ABC-1', { name: 'Alpha' });
    const clash = await host.fail('products.create', { sku: 'abc-1', name: 'Other' });
    expect(clash).toMatchObject({ code: 'validation', message: 'SKU abc-1 is already used by Alpha (ABC-1)', issues: [{ path: 'sku' }] });
    const b = await product('B-1');
    const rename = await host.fail('products.update', { id: b.id, version: 1, patch: { sku: 'Abc-1' } });
    expect(rename.issues).toEqual([{ path: 'patch.sku', message: 'SKU Abc-1 is already used by Alpha (ABC-1)' }]);
    // Its own SKU in another case is fine.
    expect((await host.call('products.update', { id: a.id, version: 1, patch: { sku: 'abc-1' } })).sku).toBe('abc-1');

    await host.call('products.delete', { id: a.id });
    const again = await host.call('products.create', { sku: 'ABC-1', name: 'Alpha II' });
    expect(again.sku).toBe('ABC-1');
    // The deleted one cannot come back while its SKU is taken.
    const restore = await host.fail('products.restore', { id: a.id });
    expect(restore).toMatchObject({ code: 'conflict', message: expect.stringContaining('SKU abc-1 is now used by Alpha II (ABC-1)') });
  });

  it('a missing or inactive tax class is refused', async () => {
    expect((await host.fail('products.create', { sku: 'T-1', name: 'T', taxClassId: 99 })).issues).toEqual([{ path: 'taxClassId', message: 'Tax class does not exist' }]);
    const old = await host.call('taxClasses.save', { name: 'Old', ratePercent: 7, active: false });
    expect((await host.fail('products.create', { sku: 'T-1', name: 'T', taxClassId: old.id })).message).toBe('Tax class Old is inactive');
  });

  it('the grid pages, sorts and filters by SKU, name (accent-free) and category', async () => {
    await product('C-3', { name: 'Çelik cable', category: 'Cables' });
    await product('a-1', { name: 'Adapter', category: 'Parts' });
    await product('B-2', { name: 'Bracket', category: 'Parts', active: false });
    const bySku = await host.call('products.list', { startRow: 0, endRow: 10, withTotal: true });
    expect(bySku.rows.map((r) => r.sku)).toEqual(['a-1', 'B-2', 'C-3']);
    expect(bySku.total).toBe(3);
    const byName = await host.call('products.list', { startRow: 0, endRow: 10, filter: { name: { filterType: 'text', type: 'contains', filter: 'celi' } } });
    expect(byName.rows.map((r) => r.sku)).toEqual(['C-3']);
    const parts = await host.call('products.list', { startRow: 0, endRow: 10, sort: [{ colId: 'name', sort: 'desc' }], filter: { category: { filterType: 'text', type: 'equals', filter: 'parts' } } });
    expect(parts.rows.map((r) => r.name)).toEqual(['Bracket', 'Adapter']);
    const active = await host.call('products.list', { startRow: 0, endRow: 10, activeOnly: true });
    expect(active.rows.map((r) => r.sku)).toEqual(['a-1', 'C-3']);
    expect(bySku.rows[1]).toMatchObject({ sku: 'B-2', active: false, isBundle: false, unit: 'each', category: 'Parts', version: 1 });
  });
});

describe('bundles', () => {
  it('holds live plain products with quantities and an optional part, and lists them on the product', async () => {
    const server = await product('SRV');
    const rails = await product('RAIL');
    const care = await product('CARE');
    const bundle = await host.call('products.create', {
      sku: 'KIT',
      name: 'Server kit',
      components: [
        { productId: server.id },
        { productId: rails.id, quantity: 2.5 },
        { productId: care.id, quantity: 1, optional: true },
      ],
    });
    expect(bundle.isBundle).toBe(true);
    expect(bundle.components).toEqual([
      { product: { id: server.id, sku: 'SRV', name: 'Product SRV' }, quantity: 1, optional: false },
      { product: { id: rails.id, sku: 'RAIL', name: 'Product RAIL' }, quantity: 2.5, optional: false },
      { product: { id: care.id, sku: 'CARE', name: 'Product CARE' }, quantity: 1, optional: true },
    ]);
    const [stored] = await host.dataSource.query(`SELECT quantity_milli FROM product_components WHERE component_id = ?`, [rails.id]);
    expect(stored.quantity_milli).toBe(2500);
    const row = (await host.call('products.list', { startRow: 0, endRow: 10, filter: { sku: { filterType: 'text', type: 'equals', filter: 'kit' } } })).rows[0];
    expect(row).toMatchObject({ sku: 'KIT', isBundle: true });

    // Changing only the parts makes a new version and a history entry.
    const fewer = await host.call('products.update', { id: bundle.id, version: 1, patch: { components: [{ productId: server.id }, { productId: care.id, optional: true }] } });
    expect(fewer.version).toBe(2);
    expect(fewer.components.map((c) => c.product.sku)).toEqual(['SRV', 'CARE']);
    const audit = await host.call('audit.forRecord', { entity: 'product', id: bundle.id });
    expect(audit[0]!.changes).toEqual({ components: ['1 × SRV, 2.5 × RAIL, 1 × CARE (optional)', '1 × SRV, 1 × CARE (optional)'] });
    // A patch without components leaves them alone.
    const renamed = await host.call('products.update', { id: bundle.id, version: 2, patch: { name: 'Server kit 2' } });
    expect(renamed.components).toHaveLength(2);
  });

  it('refuses itself, duplicates, missing or deleted parts, bundles inside bundles, and a part becoming a bundle', async () => {
    const a = await product('A');
    const b = await product('B');
    const gone = await product('GONE');
    await host.call('products.delete', { id: gone.id });
    const kit = await host.call('products.create', { sku: 'KIT', name: 'Kit', components: [{ productId: a.id }] });

    const self = await host.fail('products.update', { id: kit.id, version: 1, patch: { components: [{ productId: kit.id }] } });
    expect(self.issues).toEqual([{ path: 'patch.components.0.productId', message: 'A bundle cannot contain itself' }]);

    const twice = await host.fail('products.create', { sku: 'K2', name: 'K2', components: [{ productId: a.id }, { productId: b.id }, { productId: a.id, quantity: 2 }] });
    expect(twice.issues).toEqual([{ path: 'components.2.productId', message: 'Product A (A) is in the bundle twice; change its quantity instead' }]);

    const missing = await host.fail('products.create', { sku: 'K2', name: 'K2', components: [{ productId: 999 }, { productId: gone.id }] });
    expect(missing.issues).toEqual([
      { path: 'components.0.productId', message: 'Product 999 does not exist' },
      { path: 'components.1.productId', message: 'Product GONE (GONE) is in the recycle bin' },
    ]);

    const nested = await host.fail('products.create', { sku: 'K2', name: 'K2', components: [{ productId: kit.id }] });
    expect(nested.message).toBe('Kit (KIT) is itself a bundle; bundles hold plain products only (one level keeps quotes readable)');

    const partBecomesBundle = await host.fail('products.update', { id: a.id, version: 1, patch: { components: [{ productId: b.id }] } });
    expect(partBecomesBundle.issues).toEqual([
      { path: 'patch.components', message: 'This product is part of the bundle Kit (KIT), so it cannot be a bundle itself (bundles are one level deep)' },
    ]);

    // A part of a live bundle cannot be deleted; taken out of the bundle, it can.
    expect(await host.fail('products.delete', { id: a.id })).toMatchObject({ code: 'conflict', message: 'This product is part of the bundle Kit (KIT). Take it out of the bundle first.' });
    await host.call('products.update', { id: kit.id, version: 1, patch: { components: [{ productId: b.id }] } });
    await host.call('products.delete', { id: a.id });

    // A deleted bundle whose part went to the recycle bin comes back only after the part.
    await host.call('products.delete', { id: kit.id });
    await host.call('products.delete', { id: b.id });
    expect((await host.fail('products.restore', { id: kit.id })).message).toBe('Its part Product B (B) is in the recycle bin. Restore that first.');
    await host.call('products.restore', { id: b.id });
    expect((await host.call('products.restore', { id: kit.id })).components.map((c) => c.product.sku)).toEqual(['B']);
  });
});

describe('configurator rules', () => {
  it('validates targets, duplicates and contradictions', async () => {
    const a = await product('A');
    const b = await product('B');
    const c = await product('C');
    const self = await host.fail('products.update', { id: a.id, version: 1, patch: { rules: [{ kind: 'requires', targetId: a.id }] } });
    expect(self.issues).toEqual([{ path: 'patch.rules.0.targetId', message: 'A rule cannot point at the product itself' }]);
    const missing = await host.fail('products.update', { id: a.id, version: 1, patch: { rules: [{ kind: 'recommends', targetId: 404 }] } });
    expect(missing.issues).toEqual([{ path: 'patch.rules.0.targetId', message: 'Product 404 does not exist' }]);
    const twice = await host.fail('products.update', {
      id: a.id,
      version: 1,
      patch: { rules: [{ kind: 'requires', targetId: b.id }, { kind: 'recommends', targetId: c.id }, { kind: 'requires', targetId: b.id, message: 'again' }] },
    });
    expect(twice.issues).toEqual([{ path: 'patch.rules.2.targetId', message: 'The rule “requires B” is there twice' }]);
    const both = await host.fail('products.update', { id: a.id, version: 1, patch: { rules: [{ kind: 'requires', targetId: b.id }, { kind: 'excludes', targetId: b.id }] } });
    expect(both.issues).toEqual([{ path: 'patch.rules.1.targetId', message: 'A product cannot both require and exclude Product B (B)' }]);

    // B excludes A: then A cannot require B (and B, having that rule, cannot be required by A).
    await host.call('products.update', { id: b.id, version: 1, patch: { rules: [{ kind: 'excludes', targetId: a.id }] } });
    const impossible = await host.fail('products.update', { id: a.id, version: 1, patch: { rules: [{ kind: 'requires', targetId: b.id }] } });
    expect(impossible.message).toBe('Product B (B) excludes this product, so this product cannot require it');
  });

  it('checkConfiguration: requires, excludes in both directions, recommends', async () => {
    const server = await product('SRV', { name: 'Server' });
    const rack = await product('RACK', { name: 'Rack kit' });
    const care = await product('CARE', { name: 'Care pack' });
    const cheap = await product('CHEAP', { name: 'Cheap PSU' });
    await host.call('products.update', {
      id: server.id,
      version: 1,
      patch: {
        rules: [
          { kind: 'requires', targetId: rack.id },
          { kind: 'excludes', targetId: cheap.id, message: 'The server needs the redundant PSU.' },
          { kind: 'recommends', targetId: care.id },
        ],
      },
    });
    const alone = await host.call('products.checkConfiguration', { productIds: [server.id] });
    expect(alone.errors).toEqual([{ productId: server.id, targetId: rack.id, kind: 'requires', message: 'Server requires Rack kit (RACK).' }]);
    expect(alone.suggestions).toEqual([{ productId: server.id, target: { id: care.id, sku: 'CARE', name: 'Care pack' }, message: 'Customers who buy Server often add Care pack.' }]);

    const complete = await host.call('products.checkConfiguration', { productIds: [server.id, rack.id, care.id] });
    expect(complete).toEqual({ errors: [], suggestions: [] });

    const excluded = await host.call('products.checkConfiguration', { productIds: [server.id, rack.id, cheap.id] });
    expect(excluded.errors).toEqual([{ productId: server.id, targetId: cheap.id, kind: 'excludes', message: 'The server needs the redundant PSU.' }]);
    // The other way round: the PSU's side has no rule, the server's still counts, once.
    const reversed = await host.call('products.checkConfiguration', { productIds: [cheap.id, rack.id, server.id, server.id] });
    expect(reversed.errors).toHaveLength(1);
    expect(reversed.errors[0]!.kind).toBe('excludes');
    // Only the PSU: nothing to say.
    expect(await host.call('products.checkConfiguration', { productIds: [cheap.id] })).toEqual({ errors: [], suggestions: [] });

    // Rules whose target is in the recycle bin count for nothing.
    await host.call('products.delete', { id: rack.id });
    expect((await host.call('products.checkConfiguration', { productIds: [server.id, care.id] })).errors).toEqual([]);
  });
});

describe('tax classes and price books', () => {
  it('tax classes: one default, rates in thousandths, names unique', async () => {
    const std = await host.call('taxClasses.save', { name: 'Standard', ratePercent: 19, isDefault: true });
    const ny = await host.call('taxClasses.save', { name: 'NYC', ratePercent: 8.875 });
    const [row] = await host.dataSource.query(`SELECT rate_milli FROM tax_classes WHERE id = ?`, [ny.id]);
    expect(row.rate_milli).toBe(8875);
    await host.call('taxClasses.save', { id: ny.id, name: 'NYC', ratePercent: 8.875, isDefault: true });
    expect((await host.call('taxClasses.list', {})).map((c) => [c.name, c.ratePercent, c.isDefault])).toEqual([
      ['NYC', 8.875, true],
      ['Standard', 19, false],
    ]);
    expect((await host.fail('taxClasses.save', { name: 'standard', ratePercent: 7 })).issues).toEqual([{ path: 'name', message: 'A tax class named Standard already exists' }]);
    expect((await host.fail('taxClasses.save', { id: std.id, name: 'Standard', ratePercent: 19, isDefault: true, active: false })).message).toBe('The default tax class must be active');
    await host.call('taxClasses.save', { id: std.id, name: 'Standard', ratePercent: 19, active: false });
    expect((await host.call('taxClasses.list', {})).map((c) => c.name)).toEqual(['NYC']);
    expect((await host.call('taxClasses.list', { includeInactive: true })).map((c) => c.name)).toEqual(['NYC', 'Standard']);
    expect((await host.fail('taxClasses.save', { id: 77, name: 'X', ratePercent: 1 })).code).toBe('not_found');
  });

  it('at most one default price book per currency; a book with prices keeps its currency', async () => {
    const eur1 = await host.call('priceBooks.save', { name: 'EUR list', currency: 'EUR', isDefault: true });
    const usd = await host.call('priceBooks.save', { name: 'USD list', currency: 'USD', isDefault: true });
    const eur2 = await host.call('priceBooks.save', { name: 'EUR partners', currency: 'EUR', isDefault: true });
    const books = await host.call('priceBooks.list', {});
    expect(books.map((b) => [b.name, b.isDefault])).toEqual([
      ['EUR partners', true],
      ['EUR list', false],
      ['USD list', true],
    ]);
    const [touched] = await host.dataSource.query(`SELECT updated_at FROM price_books WHERE id = ?`, [eur1.id]);
    expect(touched.updated_at).toBe('2026-03-01T09:00:00.000Z');
    expect(usd.isDefault).toBe(true);

    const p = await product('P');
    await host.call('priceBooks.setPrice', { priceBookId: eur2.id, productId: p.id, unitPriceMinor: 100 });
    const move = await host.fail('priceBooks.save', { id: eur2.id, name: 'EUR partners', currency: 'USD' });
    expect(move.issues).toEqual([{ path: 'currency', message: 'This book holds 1 prices in EUR; make a new book for USD' }]);
    expect((await host.fail('priceBooks.save', { name: 'eur LIST', currency: 'GBP' })).issues?.[0]?.path).toBe('name');
    // Inactive books are hidden unless asked for.
    await host.call('priceBooks.save', { id: eur1.id, name: 'EUR list', currency: 'EUR', active: false });
    expect((await host.call('priceBooks.list', {})).map((b) => b.name)).toEqual(['EUR partners', 'USD list']);
    expect((await host.call('priceBooks.list', { includeInactive: true })).find((b) => b.id === eur2.id)?.entryCount).toBe(1);
  });

  it('setPrice stores tiers sorted; lookup prices a bundle, its parts and the tiers', async () => {
    const book = await host.call('priceBooks.save', { name: 'List', currency: 'EUR', isDefault: true });
    const other = await host.call('priceBooks.save', { name: 'Empty', currency: 'EUR' });
    const lic = await product('LIC-USER', { name: 'User licence', unit: 'user' });
    const setup = await product('SETUP', { name: 'Setup', unit: 'hour' });
    const training = await product('TRAIN', { name: 'Training day' });
    const suite = await host.call('products.create', {
      sku: 'SUITE',
      name: 'Office suite',
      components: [
        { productId: lic.id, quantity: 10 },
        { productId: setup.id, quantity: 1.5 },
        { productId: training.id, optional: true },
      ],
    });
    const entry = await host.call('priceBooks.setPrice', {
      priceBookId: book.id,
      productId: lic.id,
      unitPriceMinor: 1000,
      tiers: [
        { minQuantity: 50, unitPriceMinor: 800 },
        { minQuantity: 10, unitPriceMinor: 900 },
      ],
    });
    expect(entry).toEqual({
      product: { id: lic.id, sku: 'LIC-USER', name: 'User licence' },
      unitPriceMinor: 1000,
      tiers: [
        { minQuantity: 10, unitPriceMinor: 900 },
        { minQuantity: 50, unitPriceMinor: 800 },
      ],
    });
    const [stored] = await host.dataSource.query(`SELECT tiers FROM price_book_entries WHERE product_id = ?`, [lic.id]);
    expect(JSON.parse(stored.tiers)).toEqual([
      { minQuantityMilli: 10_000, unitPriceMinor: 900 },
      { minQuantityMilli: 50_000, unitPriceMinor: 800 },
    ]);
    await host.call('priceBooks.setPrice', { priceBookId: book.id, productId: training.id, unitPriceMinor: 90_000 });
    await host.call('priceBooks.setPrice', { priceBookId: book.id, productId: suite.id, unitPriceMinor: 25_000 });
    // Setting again replaces.
    await host.call('priceBooks.setPrice', { priceBookId: book.id, productId: suite.id, unitPriceMinor: 24_000 });

    const [found] = await host.call('products.lookup', { text: 'suite', priceBookId: book.id });
    expect(found).toEqual({
      id: suite.id,
      sku: 'SUITE',
      name: 'Office suite',
      description: null,
      unit: 'each',
      active: true,
      taxClassId: null,
      isBundle: true,
      listPriceMinor: 24_000,
      tiers: [],
      components: [
        { productId: lic.id, sku: 'LIC-USER', name: 'User licence', unit: 'user', quantity: 10, optional: false, listPriceMinor: 1000 },
        { productId: setup.id, sku: 'SETUP', name: 'Setup', unit: 'hour', quantity: 1.5, optional: false, listPriceMinor: null },
        { productId: training.id, sku: 'TRAIN', name: 'Training day', unit: 'each', quantity: 1, optional: true, listPriceMinor: 90_000 },
      ],
    });
    const [licence] = await host.call('products.lookup', { text: 'lic', priceBookId: book.id });
    expect(licence).toMatchObject({ sku: 'LIC-USER', listPriceMinor: 1000, tiers: [{ minQuantity: 10, unitPriceMinor: 900 }, { minQuantity: 50, unitPriceMinor: 800 }] });
    // Another book without entries: no prices; no book: no prices.
    expect((await host.call('products.lookup', { text: 'lic', priceBookId: other.id }))[0]).toMatchObject({ listPriceMinor: null, tiers: [] });
    expect((await host.call('products.lookup', { text: 'LIC' }))[0]?.listPriceMinor).toBeNull();
    expect((await host.fail('products.lookup', { text: 'lic', priceBookId: 999 })).issues).toEqual([{ path: 'priceBookId', message: 'Price book does not exist' }]);

    const entries = await host.call('priceBooks.entries', { priceBookId: book.id });
    expect(entries.map((e) => [e.product.sku, e.unitPriceMinor])).toEqual([
      ['SUITE', 24_000],
      ['TRAIN', 90_000],
      ['LIC-USER', 1000],
    ]);
    expect((await host.call('priceBooks.list', {})).find((b) => b.id === book.id)?.entryCount).toBe(3);

    expect(await host.call('priceBooks.removePrice', { priceBookId: book.id, productId: training.id })).toEqual({ removed: true });
    expect(await host.call('priceBooks.removePrice', { priceBookId: book.id, productId: training.id })).toEqual({ removed: false });

    // Prices are for live products only.
    await host.call('products.update', { id: suite.id, version: 1, patch: { components: [] } });
    await host.call('products.delete', { id: training.id });
    const dead = await host.fail('priceBooks.setPrice', { priceBookId: book.id, productId: training.id, unitPriceMinor: 1 });
    expect(dead.issues).toEqual([{ path: 'productId', message: 'Training day (TRAIN) is in the recycle bin' }]);
    expect((await host.fail('priceBooks.setPrice', { priceBookId: 99, productId: lic.id, unitPriceMinor: 1 })).issues?.[0]?.path).toBe('priceBookId');
  });

  it('lookup: active live products, SKU prefix matches first, then names containing the text (accent-free)', async () => {
    await product('CAB-1', { name: 'Patch cable' });
    await product('X-9', { name: 'Cable tray' });
    await product('Z-1', { name: 'Çable organiser' });
    await product('CAB-OLD', { name: 'Old cable', active: false });
    const gone = await product('CAB-2', { name: 'Gone cable' });
    await host.call('products.delete', { id: gone.id });
    await product('Q-1', { name: 'Unrelated' });
    const found = await host.call('products.lookup', { text: 'cab' });
    // Name matches by name: “Çable organiser” before “Cable tray”.
    expect(found.map((p) => p.sku)).toEqual(['CAB-1', 'Z-1', 'X-9']);
    expect((await host.call('products.lookup', { text: 'cab', limit: 2 })).map((p) => p.sku)).toEqual(['CAB-1', 'Z-1']);
    expect((await host.call('products.lookup', { text: '%' })).map((p) => p.sku)).toEqual([]);
  });
});

describe('roles', () => {
  it('a sales rep reads the catalog but cannot change products, prices or tax classes; a sales manager edits products', async () => {
    const rep = await userWithRole('sales_rep');
    const manager = await userWithRole('sales_manager');
    const p = await product('P-1');
    const book = await host.call('priceBooks.save', { name: 'List', currency: 'EUR' });

    const create = await failAs(rep, 'products.create', { sku: 'R-1', name: 'Rep product' });
    expect(create).toEqual({ code: 'forbidden', message: 'Only an administrator or a sales manager can create products.' });
    expect((await failAs(rep, 'products.update', { id: p.id, version: 1, patch: { name: 'X' } })).code).toBe('forbidden');
    expect((await failAs(rep, 'products.delete', { id: p.id })).code).toBe('forbidden');
    expect((await failAs(rep, 'taxClasses.save', { name: 'T', ratePercent: 1 })).message).toBe('Only an administrator can change tax classes.');
    expect((await failAs(rep, 'priceBooks.save', { name: 'Mine', currency: 'EUR' })).code).toBe('forbidden');
    expect((await failAs(rep, 'priceBooks.setPrice', { priceBookId: book.id, productId: p.id, unitPriceMinor: 1 })).code).toBe('forbidden');
    expect((await failAs(rep, 'priceBooks.removePrice', { priceBookId: book.id, productId: p.id })).code).toBe('forbidden');

    const read = await host.dispatch('products.lookup', { text: 'P' }, rep);
    expect(read.ok).toBe(true);

    const made = await host.dispatch('products.create', { sku: 'M-1', name: 'Manager product' }, manager);
    expect(made.ok).toBe(true);
    expect((await failAs(manager, 'priceBooks.setPrice', { priceBookId: book.id, productId: p.id, unitPriceMinor: 1 })).code).toBe('forbidden');
  });
});

describe('events', () => {
  it('product writes announce record.changed', async () => {
    const seen: unknown[] = [];
    const stop = host.events.subscribe((event, payload) => seen.push([event, payload]));
    const p = await product('E-1');
    await host.call('products.update', { id: p.id, version: 1, patch: { name: 'E' } });
    await host.call('products.delete', { id: p.id });
    await host.call('products.restore', { id: p.id });
    stop();
    expect(seen).toEqual(
      (['create', 'update', 'delete', 'restore'] as const).map((action) => ['record.changed', { entity: 'product', id: p.id, action }]),
    );
  });
});

describe('the sample catalog', () => {
  it('is a valid catalog: default tax class and EUR book, a bundle with an optional part, rules and tiers; seeded once', async () => {
    const { seedCatalog } = await import('../../electron/main/seed/seed-catalog');
    expect(seedCatalog(host.dataSource, new Date('2026-01-05T08:00:00Z'))).toEqual({ taxClasses: 2, products: 13, priceBooks: 1, prices: 13 });
    expect(seedCatalog(host.dataSource)).toBeNull();
    expect((await host.call('taxClasses.list', {})).map((c) => [c.name, c.ratePercent, c.isDefault])).toEqual([
      ['Reduced 5%', 5, false],
      ['Standard 20%', 20, true],
    ]);
    const [book] = await host.call('priceBooks.list', {});
    expect(book).toMatchObject({ name: 'List prices EUR', currency: 'EUR', isDefault: true, entryCount: 13 });
    const [bundle] = await host.call('products.lookup', { text: 'BN-SRV', priceBookId: book!.id });
    expect(bundle).toMatchObject({ isBundle: true, listPriceMinor: 399_000 });
    expect(bundle!.components.map((c) => [c.sku, c.optional, c.listPriceMinor])).toEqual([
      ['HW-SRV-R1', false, 345_000],
      ['HW-RAIL', false, 8_900],
      ['SV-CARE-3Y', true, 69_000],
    ]);
    const [cable] = await host.call('products.lookup', { text: 'HW-CAB', priceBookId: book!.id });
    expect(cable!.tiers).toEqual([
      { minQuantity: 50, unitPriceMinor: 520 },
      { minQuantity: 200, unitPriceMinor: 440 },
    ]);
    const server = (await host.call('products.lookup', { text: 'HW-SRV' }))[0]!;
    const check = await host.call('products.checkConfiguration', { productIds: [server.id] });
    expect(check.errors.map((e) => e.message)).toEqual(['A rack server is mounted with a rail kit.']);
    expect(check.suggestions.map((s) => s.target.sku)).toEqual(['SV-CARE-3Y']);
    // What the seed wrote reads back through the service and can be saved unchanged.
    const full = await host.call('products.get', { id: bundle!.id });
    const resaved = await host.call('products.update', {
      id: full.id,
      version: full.version,
      patch: { components: full.components.map((c) => ({ productId: c.product.id, quantity: c.quantity, optional: c.optional })) },
    });
    expect(resaved.version).toBe(full.version);
    const grid = await host.call('products.list', { startRow: 0, endRow: 100, withTotal: true });
    expect(grid.total).toBe(13);
    expect(new Set(grid.rows.map((r) => r.category))).toEqual(new Set(['Hardware', 'Software', 'Services', 'Bundles']));
  });
});
