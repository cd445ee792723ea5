/**
 * A recipient's postal address as the lines a letter prints in the window.
 * Follows the UPU convention most postal services share: the country last,
 * on its own line, in capitals — and left out for mail that stays in the
 * sender's country.
 */
import { cleanLine } from '../pdf-text';

/** The address fields of a campaign's MergeRecord; '' or null where the record has none. */
export interface AddressRecord {
  fullName?: string | null;
  accountName?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
}

/**
 * Name, company, street, postal code and city, country — skipping empty
 * fields and a company that repeats the name (a letter to an account). US
 * addresses put the postal code last ("Springfield, IL 62701"), everyone
 * else first ("10115 Berlin"); the destination decides, and a missing
 * country means the sender's own.
 */
export function addressLines(record: AddressRecord, senderCountry?: string | null): string[] {
  const name = cleanLine(record.fullName);
  const company = cleanLine(record.accountName);
  const postalCode = cleanLine(record.postalCode);
  const city = cleanLine(record.city);
  const region = cleanLine(record.region);
  const country = cleanLine(record.country);
  const destination = country || cleanLine(senderCountry);
  const cityLine =
    countryKey(destination) === 'united states'
      ? join(', ', city, join(' ', region, postalCode))
      : join(', ', join(' ', postalCode, city), region);
  const abroad = country !== '' && !sameCountry(country, senderCountry);
  return [
    name,
    company.toLowerCase() === name.toLowerCase() ? '' : company,
    cleanLine(record.street),
    cityLine,
    abroad ? countryName(country).toUpperCase() : '',
  ].filter((line) => line !== '');
}

/** True when both name the same country, whether as "Germany", "germany", "DE" or "de". */
export function sameCountry(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = countryKey(cleanLine(a));
  return left !== '' && left === countryKey(cleanLine(b));
}

const join = (separator: string, ...parts: string[]) => parts.filter(Boolean).join(separator);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** "DE" → "Germany"; anything else as given. A code is printed by name: sorting offices abroad read names. */
function countryName(country: string): string {
  if (!/^[A-Za-z]{2}$/.test(country)) return country;
  try {
    return regionNames.of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}

/** Common other names of the same country, by their comparison key. */
const ALIASES: Record<string, string> = {
  usa: 'united states',
  'united states of america': 'united states',
  uk: 'united kingdom',
  'great britain': 'united kingdom',
};

/** Case, accents, dots and the ISO code do not matter when comparing countries. */
function countryKey(country: string): string {
  const key = countryName(country)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return ALIASES[key] ?? key;
}
