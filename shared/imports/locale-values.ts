/**
 * Numbers, money, dates and yes/no as people type them in a spreadsheet of
 * their own locale: "1.234,50" in Germany, "1,234.50" in the US, 31.12.2024
 * or 12/31/2024. Strict on purpose: a value that could be read two ways is an
 * error with a reason, never a guess that silently shifts a decimal point.
 */
import { COUNTRY_CODES, isCountryCode } from '../countries';
import { minorDigits } from '../money';
import { foldForSort } from '../text';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

interface NumberStyle {
  group: string;
  decimal: string;
}
const numberStyles = new Map<string, NumberStyle>();

export function numberStyle(locale: string): NumberStyle {
  let style = numberStyles.get(locale);
  if (!style) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    style = { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
    numberStyles.set(locale, style);
  }
  return style;
}

const SPACES = /[\s\u00a0\u202f'’]/g;
const SPACE_GROUP = /^[\s\u00a0\u202f'’]$/;

/** A decimal number written in the locale's style, as a plain JS string "-1234.5" (exact, no float yet). */
function decimalText(raw: string, locale: string): Parsed<string> {
  const { group, decimal } = numberStyle(locale);
  let text = raw.trim().replace(SPACES, '');
  // Group separators must sit between groups of three digits; anything else is a typo or the other locale's style.
  const groupRe = new RegExp(`^[-+]?\\d{1,3}(${escape(group)}\\d{3})+(${escape(decimal)}\\d+)?$`);
  if (groupRe.test(text)) text = text.split(group).join('');
  else if (text.includes(group) && !SPACE_GROUP.test(group)) return fail(`"${raw.trim()}" is not a number as written in ${locale} (decimal "${decimal}", thousands "${group}")`);
  text = text.replace(decimal, '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return fail(`"${raw.trim()}" is not a number`);
  return ok(text.replace(/^\+/, ''));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function parseInteger(raw: string, locale: string): Parsed<number> {
  const d = decimalText(raw, locale);
  if (!d.ok) return d;
  const [whole, fraction = ''] = d.value.split('.');
  if (/[1-9]/.test(fraction)) return fail(`"${raw.trim()}" is not a whole number`);
  const n = Number(whole);
  return Number.isSafeInteger(n) ? ok(n) : fail(`"${raw.trim()}" is too large`);
}

const CURRENCY_MARKS = /[€$£¥₹₽₺₩₪₫₴₦₱฿]|\b[A-Z]{3}\b/g;

/** Money to integer minor units of `currency`; a currency mark in the cell must be that currency's. */
export function parseMoney(raw: string, locale: string, currency: string): Parsed<number> {
  const codes = raw.match(/\b[A-Z]{3}\b/g) ?? [];
  const other = codes.find((c) => c !== currency);
  if (other) return fail(`"${raw.trim()}" is in ${other}, the import is in ${currency}`);
  const d = decimalText(raw.replace(CURRENCY_MARKS, ''), locale);
  if (!d.ok) return fail(d.message.replace(/"[^"]*"/, `"${raw.trim()}"`));
  const digits = minorDigits(currency);
  const negative = d.value.startsWith('-');
  const [whole, fraction = ''] = d.value.replace('-', '').split('.');
  if (fraction.replace(/0+$/, '').length > digits) return fail(`"${raw.trim()}" has more decimals than ${currency} has (${digits})`);
  const minor = Number(whole) * 10 ** digits + Number((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  if (!Number.isSafeInteger(minor)) return fail(`"${raw.trim()}" is too large`);
  return ok(negative ? -minor : minor);
}

type DateOrder = 'dmy' | 'mdy' | 'ymd';
const dateOrders = new Map<string, DateOrder>();

export function dateOrder(locale: string): DateOrder {
  let order = dateOrders.get(locale);
  if (!order) {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2024, 11, 31)));
    const seq = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type[0]).join('');
    order = seq === 'mdy' || seq === 'ymd' ? seq : 'dmy';
    dateOrders.set(locale, order);
  }
  return order;
}

/** A calendar date: ISO (2024-12-31, with or without a time) or the locale's numeric order with . / or - between. */
export function parseDate(raw: string, locale: string): Parsed<string> {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  let y: number, m: number, d: number;
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    // The usual case, without a Date: an import reads a date a row.
    if (y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return ok(`${iso[1]}-${iso[2]}-${iso[3]}`);
  } else {
    const parts = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})\.?$/.exec(text);
    if (!parts) return fail(`"${text}" is not a date (use ${example(locale)} or 2024-12-31)`);
    const nums = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    const order = parts[1]!.length === 4 ? 'ymd' : dateOrder(locale);
    const pick = (c: string) => nums[order.indexOf(c)]!;
    [y, m, d] = [pick('y'), pick('m'), pick('d')];
    if (String(y).length !== 4) return fail(`"${text}" needs a four-digit year (${example(locale)})`);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail(`"${text}" is not a day of the calendar (read as ${example(locale)})`);
  return ok(date.toISOString().slice(0, 10));
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function example(locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 11, 31)));
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'j', 'oui', 'si', 'sí', 'wahr', 'checked', 'opted out']);
const FALSE = new Set(['no', 'n', 'false', '0', 'nein', 'non', 'falsch', 'unchecked', '-']);

export function parseBoolean(raw: string): Parsed<boolean> {
  const t = raw.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail(`"${raw.trim()}" is not yes or no`);
}

export function parsePicklist(raw: string, options: readonly string[], label: string): Parsed<string> {
  const folded = foldForSort(raw);
  const hit = options.find((o) => foldForSort(o) === folded);
  return hit ? ok(hit) : fail(`Unknown ${label.toLowerCase()} "${raw.trim()}"`);
}

/** Country names in the languages offices here write them in, besides the ISO codes. */
const NAME_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'tr', 'el'];
const ALIASES: Record<string, string> = { usa: 'US', 'united states of america': 'US', uk: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'great britain': 'GB', holland: 'NL', 'czech republic': 'CZ', russia: 'RU' };
let countryNames: Map<string, string> | null = null;

function countryByName(): Map<string, string> {
  if (!countryNames) {
    countryNames = new Map(Object.entries(ALIASES));
    for (const locale of NAME_LOCALES) {
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      for (const code of COUNTRY_CODES) {
        const name = names.of(code);
        if (name && !countryNames.has(foldForSort(name))) countryNames.set(foldForSort(name), code);
      }
    }
  }
  return countryNames;
}

/** An ISO code ("de", "DE"), a three-letter-free name in a common language ("Deutschland", "Germany", "Allemagne"). */
export function parseCountry(raw: string): Parsed<string> {
  const t = raw.trim();
  if (/^[a-z]{2}$/i.test(t) && isCountryCode(t.toUpperCase())) return ok(t.toUpperCase());
  const code = countryByName().get(foldForSort(t));
  return code ? ok(code) : fail(`Unknown country "${t}" (use a name or a two-letter code such as DE)`);
}
