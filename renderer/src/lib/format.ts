import type { Address } from '../../../shared/contract/address';
import { countryName } from '../../../shared/countries';

const count = new Intl.NumberFormat('en-US');
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "1,234 accounts", "1 account". */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${count.format(n)} ${n === 1 ? singular : plural}`;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** A calendar date ("1980-05-17") without shifting it through the local time zone. */
export function formatDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : dateOnly.format(d);
}

/** "billing_address_city" → "Billing address city". */
export function prettifyName(name: string): string {
  const words = name
    .replace(/_id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[_\s]+/)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One line for an address: "Hauptstr. 1, 50667 Köln, NRW, Germany"; empty parts left out. */
export function formatAddress(a: Address): string {
  return [a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country ? countryName(a.country) : null].filter(Boolean).join(', ');
}
