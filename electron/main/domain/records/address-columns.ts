import type { Address } from '../../../../shared/contract/address';

type Prefix = 'billing' | 'shipping' | 'address';

const KEYS = ['street', 'city', 'region', 'postcode', 'country'] as const;
/** Column names per prefix, built once (an import maps a million addresses). */
const COLUMNS = Object.fromEntries((['billing', 'shipping', 'address'] as const).map((p) => [p, KEYS.map((k) => `${p}_${k}`)])) as Record<Prefix, string[]>;

export function addressToColumns(prefix: Prefix, a: Address): Record<string, string | null> {
  const [street, city, region, postcode, country] = COLUMNS[prefix] as [string, string, string, string, string];
  return { [street]: a.street, [city]: a.city, [region]: a.region, [postcode]: a.postcode, [country]: a.country };
}

export function addressFromRow(prefix: Prefix, row: Record<string, unknown>): Address {
  const get = (k: string) => (row[`${prefix}_${k}`] as string | null) ?? null;
  return { street: get('street'), city: get('city'), region: get('region'), postcode: get('postcode'), country: get('country') };
}
