import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * An administrator sets up the catalog in real Chromium against the harness:
 * a tax class, a price book, two products and a bundle with an optional part
 * and a "recommends" rule, prices with a volume tier, and the lists showing them.
 */
describe('catalog journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

  async function pick(page: Page, combobox: string, text: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: combobox, exact: true }).fill(text);
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function newProduct(page: Page, sku: string, name: string, category: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
    await heading(page, 'Products');
    await page.getByRole('link', { name: 'New product' }).click();
    await heading(page, 'New product');
    await page.getByRole('textbox', { name: 'SKU', exact: true }).fill(sku);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByLabel('Category', { exact: true }).fill(category);
  }

  async function journey(page: Page): Promise<void> {
    await heading(page, 'Accounts');

    // 1. A tax class, the default one.
    await page.goto(`${app.harness.url}#/tax-classes`);
    await heading(page, 'Tax classes');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Standard 19%');
    await page.getByRole('textbox', { name: 'Rate (%)', exact: true }).fill('19');
    await page.getByLabel('Default class (products without a class use it)').check();
    await page.getByRole('button', { name: 'Add tax class' }).click();
    const taxTable = page.getByRole('table', { name: 'Tax classes' });
    await taxTable.getByRole('rowheader', { name: 'Standard 19%' }).waitFor();
    expect(await taxTable.getByRole('row').nth(1).textContent()).toContain('19 %');

    // 2. A price book in EUR, the default for EUR.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Price books' }).click();
    await heading(page, 'Price books');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('List EUR');
    await page.getByLabel('Currency', { exact: true }).selectOption('EUR');
    await page.getByLabel('Default book for its currency').check();
    await page.getByRole('button', { name: 'Create price book' }).click();
    await page.getByRole('table', { name: 'Price books' }).getByRole('button', { name: 'List EUR' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Prices in List EUR' }).waitFor();

    // 3. Two products, one with the tax class.
    await newProduct(page, 'SRV-1', 'Server', 'Hardware');
    await page.getByLabel('Tax class', { exact: true }).selectOption({ label: 'Standard 19%' });
    await page.getByRole('button', { name: 'Create product' }).click();
    await heading(page, 'Server');
    await newProduct(page, 'RAIL-1', 'Rail kit', 'Hardware');
    await page.getByRole('button', { name: 'Create product' }).click();
    await heading(page, 'Rail kit');

    // 4. A bundle: the server, and two rail kits offered as an option; it recommends the rail kit.
    await newProduct(page, 'KIT-1', 'Starter kit', 'Bundles');
    await page.getByRole('button', { name: 'Add component' }).click();
    await pick(page, 'Component 1 product', 'srv', 'SRV-1 — Server');
    await page.getByRole('button', { name: 'Add component' }).click();
    await pick(page, 'Component 2 product', 'rail', 'RAIL-1 — Rail kit');
    await page.getByLabel('Component 2 quantity', { exact: true }).fill('2');
    await page.getByLabel('Component 2 optional', { exact: true }).check();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Rule 1 kind', { exact: true }).selectOption('recommends');
    await pick(page, 'Rule 1 product', 'RAIL', 'RAIL-1 — Rail kit');
    await page.getByLabel('Rule 1 message', { exact: true }).fill('Most customers take the rails.');
    await app.screenshot(page, 'catalog-01-bundle-form');
    await page.getByRole('button', { name: 'Create product' }).click();
    await heading(page, 'Starter kit');
    await page.getByText('KIT-1 · Bundle of 2').waitFor();

    const [kit] = await db('products.lookup', { text: 'KIT-1' });
    const bundle = await db('products.get', { id: kit!.id });
    expect(bundle.components.map((c) => [c.product.sku, c.quantity, c.optional])).toEqual([
      ['SRV-1', 1, false],
      ['RAIL-1', 2, true],
    ]);
    expect(bundle.rules).toEqual([{ kind: 'recommends', target: expect.objectContaining({ sku: 'RAIL-1' }), message: 'Most customers take the rails.' }]);
    const [server] = await db('products.lookup', { text: 'SRV-1' });
    expect((await db('products.get', { id: server!.id })).taxClass?.name).toBe('Standard 19%');

    // 5. Prices, and a volume tier on the rail kit.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Price books' }).click();
    await heading(page, 'Price books');
    const prices = page.getByRole('table', { name: 'Prices in List EUR' });
    for (const [text, option, amount] of [
      ['SRV', 'SRV-1 — Server', '1,200.00'],
      ['rail', 'RAIL-1 — Rail kit', '49'],
      ['kit', 'KIT-1 — Starter kit', '1290.50'],
    ] as const) {
      await pick(page, 'Product to add', text, option);
      await page.getByLabel('List price', { exact: true }).fill(amount);
      await page.getByRole('button', { name: 'Add to book' }).click();
      await prices.getByRole('rowheader', { name: option }).waitFor();
    }
    await page.getByRole('button', { name: 'Add tier to RAIL-1' }).click();
    await page.getByRole('textbox', { name: 'RAIL-1 tier 1 from quantity', exact: true }).fill('10');
    await page.getByRole('textbox', { name: 'RAIL-1 tier 1 unit price', exact: true }).fill('45.00');
    await page.getByRole('button', { name: 'Save price of RAIL-1' }).click();
    await prices.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await app.screenshot(page, 'catalog-02-price-book');

    const book = (await db('priceBooks.list', {}))[0]!;
    expect(book).toMatchObject({ name: 'List EUR', currency: 'EUR', isDefault: true, entryCount: 3 });
    const entries = await db('priceBooks.entries', { priceBookId: book.id });
    expect(entries.map((e) => [e.product.sku, e.unitPriceMinor, e.tiers])).toEqual([
      ['RAIL-1', 4900, [{ minQuantity: 10, unitPriceMinor: 4500 }]],
      ['SRV-1', 120_000, []],
      ['KIT-1', 129_050, []],
    ]);
    const [priced] = await db('products.lookup', { text: 'KIT', priceBookId: book.id });
    expect(priced!.components.map((c) => [c.sku, c.listPriceMinor])).toEqual([
      ['SRV-1', 120_000],
      ['RAIL-1', 4900],
    ]);

    // 6. The products grid lists all three, the bundle marked.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
    await heading(page, 'Products');
    await page.getByText('3 products').waitFor();
    const kitRow = page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: 'KIT-1', exact: true }) });
    await kitRow.getByRole('gridcell', { name: 'Bundle', exact: true }).waitFor();
    await app.screenshot(page, 'catalog-03-products-grid');
    await page.getByRole('gridcell', { name: 'Rail kit', exact: true }).dblclick();
    await heading(page, 'Rail kit');

    // 7. The product's page is its edit form: a change saves a new version and stays on the page.
    await page.getByLabel('Category', { exact: true }).fill('Accessories');
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'Product saved' }).waitFor();
    const [rail] = await db('products.lookup', { text: 'RAIL-1' });
    const saved = await db('products.get', { id: rail!.id });
    expect(saved).toMatchObject({ category: 'Accessories', version: 2 });
    expect(await page.getByLabel('Category', { exact: true }).inputValue()).toBe('Accessories');
  }

  it('sets up tax classes, a price book, products, a bundle with rules, and prices with tiers', async () => {
    const page = await app.newPage();
    try {
      await journey(page);
    } catch (error) {
      await app.screenshot(page, 'catalog-failure').catch(() => undefined);
      throw error;
    }
  });
});
