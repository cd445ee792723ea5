/**
 * Everything the proposal layout prints, already computed: the quotes module
 * builds this from a stored quote version (totals from shared/quote-math.ts),
 * so the layout only places text and never does arithmetic on money.
 */
export interface QuoteDocument {
  /** BCP 47 locale for dates and amounts, e.g. "en-US", "de-DE". */
  locale: string;
  /** ISO 4217; every *Minor amount below is in this currency's minor units. */
  currency: string;
  company: {
    name: string;
    addressLines: string[];
    email: string | null;
    phone: string | null;
    website: string | null;
    /** PNG or JPEG file chosen in settings; a missing or unreadable file prints no logo and adds a warning. */
    logoPath: string | null;
  };
  customer: {
    accountName: string | null;
    contactName: string | null;
    contactEmail: string | null;
    addressLines: string[];
  };
  quote: {
    number: string;
    revision: number;
    title: string;
    /** ISO dates (YYYY-MM-DD). */
    issuedOn: string;
    validUntil: string | null;
    salesperson: string;
    salespersonEmail: string | null;
  };
  lines: QuoteDocumentLine[];
  totals: {
    /** Sum of the item lines' net amounts (after line discounts). */
    subtotalMinor: number;
    /** The quote-level discount, as a positive amount; 0 when there is none. */
    quoteDiscountMinor: number;
    /** e.g. "Discount 5%" or "Discount"; null when there is none. */
    quoteDiscountLabel: string | null;
    shippingMinor: number;
    /** One row per tax rate, in rate order. */
    taxes: { label: string; ratePercent: number; baseMinor: number; taxMinor: number }[];
    totalMinor: number;
  };
  /** Free text, may hold several paragraphs separated by blank lines. */
  terms: string | null;
  /** Notes printed above the totals (may be null). */
  notes: string | null;
}

export type QuoteDocumentLine =
  | { kind: 'heading'; text: string }
  | {
      kind: 'item';
      sku: string | null;
      name: string;
      description: string | null;
      /** Up to three decimals, e.g. 1.5 hours. */
      quantity: number;
      unit: string | null;
      unitPriceMinor: number;
      /** e.g. "10%" or "−€5.00"; null when the line has no discount. */
      discountLabel: string | null;
      /** Line net after its discount (before quote discount and tax). */
      netMinor: number;
      taxRatePercent: number | null;
      /** A component of the bundle line above it: printed indented. */
      isComponent: boolean;
    };

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
  /** Things the reader should know, e.g. "Logo file not found: …; printed without a logo." */
  warnings: string[];
}
