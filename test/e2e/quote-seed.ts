import type { Input, MethodName, Output } from '../../shared/contract';
import type { Host } from '../../electron/main/host/host';
import { Sql } from '../../electron/main/db/sql';

/** Calls a contract method on the host as its current user; a refusal fails the test setup. */
export async function hostCall<M extends MethodName>(host: Host, method: M, input: Input<M>): Promise<Output<M>> {
  const envelope = await host.dispatch(method, input, host.session);
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as Output<M>;
}

/** There is no users.create yet: a second user goes straight into the table, as the integration tests do. */
export async function insertUser(host: Host, name: string, role: 'sales_manager' | 'sales_rep' | 'admin'): Promise<number> {
  const now = new Date().toISOString();
  const { lastId } = await new Sql(host.dataSource).run(`INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`, [
    name,
    `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    role,
    now,
    now,
  ]);
  return lastId;
}

/**
 * What the quote journey starts from: VAT classes, a default EUR price book,
 * a workstation bundle (two monitors and a keyboard included, a docking
 * station optional), a laptop with a volume price from 5 units that
 * recommends a care pack, a rack server that requires rack rails, an approval threshold of 15 %, a sales manager, and
 * an account with a contact and an opportunity.
 */
export async function seedQuoteJourney(host: Host) {
  const call = <M extends MethodName>(method: M, input: Input<M>) => hostCall(host, method, input);
  const vat = await call('taxClasses.save', { name: 'VAT 19%', ratePercent: 19, isDefault: true });
  const reduced = await call('taxClasses.save', { name: 'VAT 7%', ratePercent: 7 });
  const book = await call('priceBooks.save', { name: 'Standard EUR', currency: 'EUR', isDefault: true });
  const product = (sku: string, name: string, extra: Partial<Input<'products.create'>> = {}) => call('products.create', { sku, name, unit: 'each', ...extra });
  const monitor = await product('MON-27', 'Monitor 27 inch');
  const keyboard = await product('KEY-1', 'Keyboard');
  const dock = await product('DOCK-1', 'Docking station');
  const kit = await product('WS-KIT', 'Workstation kit', {
    description: 'Two monitors, keyboard; docking station optional',
    components: [
      { productId: monitor.id, quantity: 2 },
      { productId: keyboard.id, quantity: 1 },
      { productId: dock.id, quantity: 1, optional: true },
    ],
  });
  const care = await product('CARE-3', 'Care pack 3 years', { unit: 'pack' });
  const laptop = await product('LAP-14', 'Laptop Pro 14', {
    rules: [{ kind: 'recommends', targetId: care.id, message: 'Most customers protect their laptops with a care pack.' }],
  });
  const rails = await product('RAIL-1', 'Rack rails');
  const server = await product('SRV-1', 'Rack server', { rules: [{ kind: 'requires', targetId: rails.id }] });
  const price = (productId: number, unitPriceMinor: number, tiers: { minQuantity: number; unitPriceMinor: number }[] = []) =>
    call('priceBooks.setPrice', { priceBookId: book.id, productId, unitPriceMinor, tiers });
  await price(kit.id, 150_000);
  await price(monitor.id, 24_900);
  await price(keyboard.id, 4_900);
  await price(dock.id, 18_900);
  await price(laptop.id, 120_000, [{ minQuantity: 5, unitPriceMinor: 110_000 }]);
  await price(care.id, 14_900);
  await price(server.id, 250_000);
  await price(rails.id, 4_999);
  await call('settings.saveQuotes', { approvalThresholdPercent: 15 });
  const managerId = await insertUser(host, 'Max Manager', 'sales_manager');

  const account = await call('accounts.create', { name: 'Nordwind Logistik GmbH', billingAddress: { street: 'Speicherstadt 4', city: 'Hamburg', postcode: '20457', country: 'DE' } });
  const contact = await call('contacts.create', { firstName: 'Jana', lastName: 'Becker', emails: [{ label: 'work', address: 'jana.becker@nordwind.example' }], accountId: account.id });
  const opportunity = await call('opportunities.create', {
    name: 'Nordwind – workstations',
    accountId: account.id,
    primaryContactId: contact.id,
    amount: { amountMinor: 2_000_000, currency: 'EUR' },
  });
  return { vat, reduced, book, monitor, keyboard, dock, kit, care, laptop, server, rails, managerId, account, contact, opportunity };
}
