import type { Address } from '../../../../shared/contract/address';

type Prefix = 'billing' | 'shipping' | 'address';

export function addressToColumns(prefix: Prefix, a: Address): Record<string, string | null> {
  return {
    [`${prefix}_street`]: a.street,
    [`${prefix}_city`]: a.city,
    [`${prefix}_region`]: a.region,
    [`${prefix}_postcode`]: a.postcode,
    [`${prefix}_country`]: a.country,
  };
}

export function addressFromRow(prefix: Prefix, row: Record<string, unknown>): Address {
  const get = (k: string) => (row[`${prefix}_${k}`] as string | null) ?? null;
  return { street: get('street'), city: get('city'), region: get('region'), postcode: get('postcode'), country: get('country') };
}
