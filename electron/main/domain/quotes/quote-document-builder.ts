import type { CompanyProfile, QuoteSettings } from '../../../../shared/contract/settings';
import { milliToQuantity } from '../../../../shared/quote-math';
import type { Sql } from '../../db/sql';
import type { QuoteDocument } from '../../pdf/quote-document';
import { describeDiscount } from './quote-lines';
import { loadLines, loadQuoteRow, quoteTotals } from './quote-read';

type AddressRow = { street: string | null; city: string | null; region: string | null; postcode: string | null; country: string | null };

function addressLines(a: AddressRow | undefined): string[] {
  if (!a) return [];
  const cityLine = [a.postcode, a.city].filter(Boolean).join(' ');
  return [a.street, [cityLine, a.region].filter(Boolean).join(', '), a.country].filter((s): s is string => !!s && s.trim() !== '');
}

const percentLabel = (milli: number, locale: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(milli / 1000)}%`;

/** Everything the proposal prints for one revision, with the money already worked out by shared/quote-math.ts. */
export async function buildQuoteDocument(sql: Sql, id: number, company: CompanyProfile, settings: QuoteSettings, issuedAt: string): Promise<QuoteDocument> {
  const row = await loadQuoteRow(sql, id);
  const lines = await loadLines(sql, id);
  const totals = quoteTotals(row, lines);
  const locale = settings.locale;
  const accountAddress = row.account_id
    ? await sql.get<AddressRow>(
        `SELECT billing_street AS street, billing_city AS city, billing_region AS region, billing_postcode AS postcode, billing_country AS country FROM accounts WHERE id = ?`,
        [row.account_id],
      )
    : undefined;
  const contactAddress = row.contact_id
    ? await sql.get<AddressRow>(
        `SELECT address_street AS street, address_city AS city, address_region AS region, address_postcode AS postcode, address_country AS country FROM contacts WHERE id = ?`,
        [row.contact_id],
      )
    : undefined;
  const customerAddress = addressLines(accountAddress).length ? addressLines(accountAddress) : addressLines(contactAddress);
  let item = 0;
  const taxLabel = (milli: number) => `Tax ${percentLabel(milli, locale)}`;
  return {
    locale,
    currency: row.currency,
    company: {
      name: company.name || 'Our company',
      addressLines: addressLines(company),
      email: company.email,
      phone: company.phone,
      website: company.website,
      logoPath: company.logoPath,
    },
    customer: { accountName: row.account_name, contactName: row.contact_name, contactEmail: row.contact_email, addressLines: customerAddress },
    quote: {
      number: row.number,
      revision: row.revision,
      title: row.title,
      issuedOn: issuedAt.slice(0, 10),
      validUntil: row.valid_until,
      salesperson: row.owner_name,
      salespersonEmail: row.owner_email,
    },
    lines: lines.map((l) => {
      if (l.kind === 'heading') return { kind: 'heading' as const, text: l.name };
      const t = totals.lines[item++]!;
      return {
        kind: 'item' as const,
        sku: l.sku,
        name: l.name,
        description: l.description,
        quantity: milliToQuantity(l.quantity_milli),
        unit: l.unit,
        unitPriceMinor: l.unit_price_minor,
        discountLabel: t.discountMinor > 0 ? describeDiscount(l.discount_kind, l.discount_value, row.currency, locale) : null,
        netMinor: t.netMinor,
        taxRatePercent: l.tax_rate_milli === null ? null : l.tax_rate_milli / 1000,
        isComponent: l.parent_key !== null,
      };
    }),
    totals: {
      subtotalMinor: totals.subtotalMinor,
      quoteDiscountMinor: totals.quoteDiscountMinor,
      quoteDiscountLabel:
        totals.quoteDiscountMinor > 0
          ? row.discount_kind === 'percent'
            ? `Discount ${describeDiscount(row.discount_kind, row.discount_value === null ? null : Number(row.discount_value), row.currency, locale)}`
            : 'Discount'
          : null,
      shippingMinor: totals.shippingMinor,
      taxes: totals.taxes.map((t) => ({ label: taxLabel(t.rateMilli), ratePercent: t.rateMilli / 1000, baseMinor: t.baseMinor, taxMinor: t.taxMinor })),
      totalMinor: totals.totalMinor,
    },
    terms: row.terms,
    notes: row.notes,
  };
}
