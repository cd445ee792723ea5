import type { ImportField } from '../../../../../shared/imports/fields';
import { parseBoolean, parseCountry, parseDate, parseInteger, parseMoney, parsePicklist, type Parsed } from '../../../../../shared/imports/locale-values';

export interface ValueStyle {
  locale: string;
  currency: string;
}

/**
 * A cell's text as the field's type. Text-like kinds stay text here: the
 * contract's own schemas check e-mails, phones and lengths, so an import and
 * a form reject exactly the same values.
 */
export function fieldValue(field: ImportField, raw: string, style: ValueStyle): Parsed<unknown> {
  switch (field.kind) {
    case 'date':
      return parseDate(raw, style.locale);
    case 'integer':
      return parseInteger(raw, style.locale);
    case 'money': {
      const minor = parseMoney(raw, style.locale, style.currency);
      return minor.ok ? { ok: true, value: { amountMinor: minor.value, currency: style.currency } } : minor;
    }
    case 'boolean':
      return parseBoolean(raw);
    case 'picklist':
      return parsePicklist(raw, field.options ?? [], field.label);
    case 'country':
      return parseCountry(raw);
    default:
      return { ok: true, value: raw.trim() };
  }
}
