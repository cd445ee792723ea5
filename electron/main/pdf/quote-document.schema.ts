/**
 * The run-time check of a QuoteDocument before any byte is written: a
 * document that cannot be printed truthfully (a fractional cent, an unknown
 * currency, a date that does not exist) is refused with the field's path
 * rather than printed as something plausible-looking but wrong.
 */
import { z } from 'zod';
import { IsoDate } from '../../../shared/contract/common';
import { CurrencyCode, MinorUnits } from '../../../shared/money';
import type { QuoteDocument } from './quote-document';

/** Far beyond any real quote; bounds the time and size of one render. */
export const MAX_QUOTE_LINES = 5_000;

const Text = z.string();
const OptionalText = z.string().nullable();

const Locale = z.string().refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, 'Not a BCP 47 locale such as en-US');

const HeadingLine = z.object({ kind: z.literal('heading'), text: Text });
const ItemLine = z.object({
  kind: z.literal('item'),
  sku: OptionalText,
  name: Text,
  description: OptionalText,
  quantity: z.number().refine((q) => Math.abs(q) < 1e12, 'Quantity is out of range'),
  unit: OptionalText,
  unitPriceMinor: MinorUnits,
  discountLabel: OptionalText,
  netMinor: MinorUnits,
  taxRatePercent: z.number().nullable(),
  isComponent: z.boolean(),
});

const QuoteDocumentSchema = z.object({
  locale: Locale,
  currency: CurrencyCode,
  company: z.object({
    name: Text,
    addressLines: z.array(Text),
    email: OptionalText,
    phone: OptionalText,
    website: OptionalText,
    logoPath: OptionalText,
  }),
  customer: z.object({
    accountName: OptionalText,
    contactName: OptionalText,
    contactEmail: OptionalText,
    addressLines: z.array(Text),
  }),
  quote: z.object({
    number: Text,
    revision: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    title: Text,
    issuedOn: IsoDate,
    validUntil: IsoDate.nullable(),
    salesperson: Text,
    salespersonEmail: OptionalText,
  }),
  lines: z.array(z.discriminatedUnion('kind', [HeadingLine, ItemLine])).max(MAX_QUOTE_LINES, `At most ${MAX_QUOTE_LINES} lines`),
  totals: z.object({
    subtotalMinor: MinorUnits,
    quoteDiscountMinor: MinorUnits,
    quoteDiscountLabel: OptionalText,
    shippingMinor: MinorUnits,
    taxes: z.array(z.object({ label: Text, ratePercent: z.number(), baseMinor: MinorUnits, taxMinor: MinorUnits })),
    totalMinor: MinorUnits,
  }),
  terms: OptionalText,
  notes: OptionalText,
}) satisfies z.ZodType<QuoteDocument>;

export class InvalidQuoteDocumentError extends Error {
  override readonly name = 'InvalidQuoteDocumentError';
}

/** Throws InvalidQuoteDocumentError naming up to five offending fields, e.g. "lines[3].netMinor: Amount is too large". */
export function assertPrintableQuote(input: unknown): asserts input is QuoteDocument {
  const result = QuoteDocumentSchema.safeParse(input);
  if (result.success) return;
  const issues = result.error.issues;
  const shown = issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  throw new InvalidQuoteDocumentError(`Cannot print this quote: ${shown.join('; ')}${more}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  if (!path.length) return 'document';
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
