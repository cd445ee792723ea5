import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, contentOf, importer, rowsOf } from '../support/import-run';
import { csv } from '../support/import-upload';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const products = importer(() => host, 'products');
const rows = (sql: string, params: unknown[] = []) => rowsOf(host, sql, params);

async function catalog() {
  const standard = await host.call('taxClasses.save', { name: 'Standard 19%', ratePercent: 19, isDefault: true });
  const reduced = await host.call('taxClasses.save', { name: 'Reduced 7%', ratePercent: 7 });
  await host.call('taxClasses.save', { name: 'Old', ratePercent: 16, active: false });
  const eur = await host.call('priceBooks.save', { name: 'EUR list', currency: 'EUR', isDefault: true });
  return { standard, reduced, eur };
}

describe('CSV import of products', () => {
  it('creates products with their tax class by name and their list price in the default price book of its currency', async () => {
    const { reduced, eur } = await catalog();
    const result = await products.run(
      csv(['SKU,Product Name,Unit,Cost,List Price,Tax class,Active,Category', 'rack-1,Server rack,each,"1,000.00","1,499.00",reduced 7%,yes,Hardware', 'CARE-3,Care pack,year,,99.5,,no,']),
    );
    expect(result).toMatchObject({ status: 'applied', counts: { created: 2, failed: 0 } });
    const [care, rack] = await host.call('products.list', { startRow: 0, endRow: 10 }).then((p) => p.rows);
    expect(await host.call('products.get', { id: care!.id })).toMatchObject({
      sku: 'CARE-3',
      name: 'Care pack',
      unit: 'year',
      cost: null,
      active: false,
      taxClass: null,
    });
    expect(await host.call('products.get', { id: rack!.id })).toMatchObject({
      sku: 'rack-1',
      unit: 'each',
      cost: { amountMinor: 100000, currency: 'EUR' },
      category: 'Hardware',
      active: true,
      taxClass: { id: reduced.id, name: 'Reduced 7%' },
    });
    expect((await host.call('priceBooks.entries', { priceBookId: eur.id })).map((e) => [e.product.sku, e.unitPriceMinor, e.tiers])).toEqual([
      ['CARE-3', 9950, []],
      ['rack-1', 149900, []],
    ]);
  });

  it('refuses what the product form refuses, pinned to the field: a SKU in use (any case), an unknown or inactive tax class, a price without a default book', async () => {
    await catalog();
    await host.call('products.create', { sku: 'RACK-1', name: 'Server rack' });
    const result = await products.run(
      csv(['SKU,Name,Tax class,List price,Currency', 'rack-1,Copy,,,', 'X-1,Taxed,Luxury,,', 'X-2,Old tax,Old,,', 'X-3,Dollars,,10,USD', 'has space,Bad SKU,,,', 'X-4,Negative,,-1,']),
      { policy: 'skip_and_report' },
    );
    expect(result.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [1, 'sku', 'SKU rack-1 is already used by Server rack (RACK-1): import with "update or create" to update it'],
      [2, 'taxClass', 'No tax class called "Luxury" (tax classes: Standard 19%, Reduced 7%)'],
      [3, 'taxClass', 'Tax class Old is inactive'],
      [4, 'listPrice', 'No default price book in USD: make one the default, or leave the list price out'],
      [5, 'sku', 'Letters, digits and . _ - / only, no spaces'],
      [6, 'listPrice', 'Prices cannot be negative'],
    ]);
    expect(result.counts).toMatchObject({ created: 0, failed: 6 });
  });

  it('updates by SKU and by external id, the list price too, and undo restores products and prices exactly', async () => {
    const { eur } = await catalog();
    const rack = await host.call('products.create', { sku: 'RACK-1', name: 'Server rack', description: 'Keeps this', unit: 'each' });
    const care = await host.call('products.create', { sku: 'CARE-3', name: 'Care pack' });
    await host.call('priceBooks.setPrice', { priceBookId: eur.id, productId: rack.id, unitPriceMinor: 100000, tiers: [{ minQuantity: 10, unitPriceMinor: 90000 }] });
    const before = await snapshot(host);

    const bySku = await products.run(csv(['SKU,Name,List price,Product ID', 'rack-1,Server rack 42U,"1,200",01tA', 'CARE-3,Care pack,50,', 'NEW-1,New thing,,']), { mode: 'upsert', key: 'sku' });
    expect(bySku.counts).toMatchObject({ updated: 2, created: 1, failed: 0 });
    expect(await host.call('products.get', { id: rack.id })).toMatchObject({ name: 'Server rack 42U', description: 'Keeps this', sku: 'rack-1' });
    // The price changed, its volume tiers stayed; the care pack got its first price.
    expect((await host.call('priceBooks.entries', { priceBookId: eur.id })).map((e) => [e.product.sku, e.unitPriceMinor, e.tiers.length])).toEqual([
      ['CARE-3', 5000, 0],
      ['rack-1', 120000, 1],
    ]);
    const byId = await products.run(csv(['Product ID,SKU,Name', '01tA,RACK-2,Server rack 42U', '01tZ,NOPE,Missing']), { mode: 'update', policy: 'skip_and_report' });
    expect(byId.counts).toMatchObject({ updated: 1, failed: 1 });
    expect(byId.errors[0]).toMatchObject({ field: 'externalId', message: 'No product has this external id: nothing to update' });
    expect((await host.call('products.get', { id: rack.id })).sku).toBe('RACK-2');
    expect((await host.call('products.get', { id: care.id })).sku).toBe('CARE-3');

    await host.call('imports.undo', { importId: byId.importId! });
    await host.call('imports.undo', { importId: bySku.importId! });
    const after = await snapshot(host);
    const live = (after.products as Record<string, unknown>[]).filter((p) => p.deleted_at === null);
    expect(live.map(contentOf)).toEqual((before.products as Record<string, unknown>[]).map(contentOf));
    expect(after.price_book_entries).toEqual(before.price_book_entries);
  });

  it('only administrators and sales managers import products, and only administrators import prices', async () => {
    await catalog();
    const rep = await addUser(host, 'Rita Rep');
    const manager = await addUser(host, 'Mia Manager', null, 'sales_manager');
    const as = async (userId: number, lines: string[]) => {
      const { spec } = await products.inspect(csv(lines));
      return host.dispatch('imports.run', spec, { userId });
    };
    expect(await as(rep, ['SKU,Name', 'A-1,A'])).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only an administrator or a sales manager can import products.' } });
    expect(await as(manager, ['SKU,Name,List price', 'A-1,A,10'])).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only an administrator can import list prices: leave the list price column out.' } });
    expect(await as(manager, ['SKU,Name', 'A-1,A'])).toMatchObject({ ok: true, data: { counts: { created: 1 } } });
    expect(await rows(`SELECT sku, created_by_id FROM products`)).toEqual([{ sku: 'A-1', created_by_id: manager }]);
  });

  it('a dry run reports what would happen and keeps nothing', async () => {
    await catalog();
    const before = await snapshot(host);
    const result = await products.run(csv(['SKU,Name,List price', 'A-1,A,10', 'a-1,Twice,10']), { dryRun: true });
    expect(result).toMatchObject({ importId: null, dryRun: true, status: 'failed', counts: { created: 1, failed: 1 } });
    expect(result.errors).toEqual([{ row: 2, line: 3, field: 'sku', message: 'SKU a-1 is already used by A (A-1): import with "update or create" to update it' }]);
    expect(await snapshot(host)).toEqual(before);
  });
});
