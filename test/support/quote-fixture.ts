import type { TestHost } from './temp-host';

/** A small catalog, an account with a billing address, a contact and an opportunity: what every quote test starts from. */
export async function quoteFixture(host: TestHost, currency = 'EUR') {
  const standard = await host.call('taxClasses.save', { name: 'VAT 19%', ratePercent: 19, isDefault: true });
  const reduced = await host.call('taxClasses.save', { name: 'VAT 7%', ratePercent: 7 });
  const book = await host.call('priceBooks.save', { name: 'Standard', currency, isDefault: true });
  const product = (sku: string, name: string, extra: Record<string, unknown> = {}) => host.call('products.create', { sku, name, unit: 'each', ...extra });
  const server = await product('SRV-1', 'Server Łódź', { description: 'Rack server' });
  const rails = await product('RAIL-1', 'Rack rails');
  const support = await product('SUP-1', 'Support year', { taxClassId: reduced.id, unit: 'year' });
  const cable = await product('CAB-1', 'Power cable');
  const kit = await product('KIT-1', 'Starter kit', {
    components: [
      { productId: rails.id, quantity: 2 },
      { productId: cable.id, quantity: 1, optional: true },
    ],
  });
  await host.call('products.update', {
    id: server.id,
    version: server.version,
    patch: {
      rules: [
        { kind: 'requires', targetId: rails.id },
        { kind: 'recommends', targetId: support.id },
      ],
    },
  });
  const price = (productId: number, unitPriceMinor: number, tiers: { minQuantity: number; unitPriceMinor: number }[] = []) =>
    host.call('priceBooks.setPrice', { priceBookId: book.id, productId, unitPriceMinor, tiers });
  await price(server.id, 250_000, [{ minQuantity: 10, unitPriceMinor: 225_000 }]);
  await price(rails.id, 4_999);
  await price(support.id, 60_000);
  await price(cable.id, 1_250);
  await price(kit.id, 19_900);

  const account = await host.call('accounts.create', {
    name: 'Αθήνα Trading',
    billingAddress: { street: 'Ermou 12', city: 'Athens', postcode: '105 63', country: 'GR' },
  });
  const contact = await host.call('contacts.create', { firstName: 'Zoë', lastName: 'Κωνσταντίνου', emails: [{ label: 'work', address: 'zoe@athena.example' }], accountId: account.id });
  const opportunity = await host.call('opportunities.create', {
    name: 'Data centre refresh',
    accountId: account.id,
    primaryContactId: contact.id,
    amount: { amountMinor: 1_000_000, currency },
  });
  return { standard, reduced, book, server, rails, support, cable, kit, account, contact, opportunity };
}
