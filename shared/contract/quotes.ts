import { z } from 'zod';
import { MinorUnits } from '../money';
import { ConfigurationCheck, Quantity } from './catalog';
import { DeleteResult, Id, IdInput, IsoDate, RecordMeta, Timestamp, UserRef, optionalText, requiredText } from './common';
import { method } from './define';
import { gridPage, gridQuery } from './grid';

/**
 * draft → in_review (when a discount exceeds the approval threshold) → approved
 * → sent → accepted / rejected / expired. A reviewer's rejection returns the
 * quote to draft with the comment.
 */
export const QUOTE_STATUSES = ['draft', 'in_review', 'approved', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
const NonNegativeMinor = MinorUnits.min(0, 'Cannot be negative').max(1e12, 'Amount is too large');

export const DiscountInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('percent'), percent: z.number().min(0).max(100).refine(twoDecimals, 'At most two decimals') }).strict(),
    z.object({ kind: z.literal('amount'), amountMinor: NonNegativeMinor }).strict(),
  ])
  .nullable()
  .optional()
  .transform((v) => v ?? null);
export type DiscountValue = z.output<typeof DiscountInput>;

/** Stable across revisions; the editor makes one for a new line (any short token). */
export const LineKey = z.string().regex(/^[A-Za-z0-9_-]{1,36}$/, 'Not a line key');

export const QuoteLineInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), key: LineKey.optional(), text: requiredText(200, 'Heading') }).strict(),
  z
    .object({
      kind: z.literal('item'),
      key: LineKey.optional(),
      /** The bundle line this line belongs to (it must come earlier in the list). */
      parentKey: LineKey.nullable().optional().transform((v) => v ?? null),
      /** A catalog product; leave out for a free-text line. */
      productId: Id.nullable().optional().transform((v) => v ?? null),
      /** Defaults to the product's name; required for free text. */
      name: optionalText(2000),
      description: optionalText(5000),
      quantity: Quantity,
      unit: optionalText(20),
      /** Leave out to take the price book's price for the quantity (volume tiers apply). */
      unitPriceMinor: NonNegativeMinor.optional(),
      discount: DiscountInput,
      /** Leave out for the product's (or the default) tax class; null for an untaxed line. */
      taxClassId: Id.nullable().optional(),
    })
    .strict(),
]);
export type QuoteLineInput = z.input<typeof QuoteLineInput>;

const QuoteEditableFields = {
  contactId: Id.nullable().optional(),
  /** Defaults to the default price book in the opportunity's currency. */
  priceBookId: Id.nullable().optional(),
  /** Defaults to the opportunity's name. */
  title: optionalText(200),
  /** Defaults to today plus the validity days of the quote settings. */
  validUntil: z.union([IsoDate, z.null()]).optional(),
  discount: DiscountInput,
  shippingMinor: NonNegativeMinor.default(0),
  shippingTaxClassId: Id.nullable().optional().transform((v) => v ?? null),
  /** Defaults to the default terms of the quote settings. */
  terms: z.string().max(10_000, 'At most 10000 characters').nullable().optional(),
  notes: optionalText(5000),
  lines: z.array(QuoteLineInput).max(1000, 'At most 1000 lines').default([]),
};

export const QuoteInput = z.object({ opportunityId: Id, ...QuoteEditableFields }).strict();
export type QuoteInput = z.input<typeof QuoteInput>;

const { shippingMinor, lines, ...patchable } = QuoteEditableFields;
export const QuotePatch = z
  .object({ ...patchable, shippingMinor: NonNegativeMinor.optional(), lines: z.array(QuoteLineInput).max(1000, 'At most 1000 lines').optional() })
  .partial()
  .strict();
export type QuotePatch = z.input<typeof QuotePatch>;

const Discount = z.union([z.object({ kind: z.literal('percent'), percent: z.number() }), z.object({ kind: z.literal('amount'), amountMinor: z.number().int() })]).nullable();

export const QuoteLine = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), key: z.string(), text: z.string() }),
  z.object({
    kind: z.literal('item'),
    key: z.string(),
    parentKey: z.string().nullable(),
    productId: Id.nullable(),
    sku: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    quantity: z.number(),
    unit: z.string().nullable(),
    /** The price book's price when the line was priced; differs from unitPriceMinor when overridden. */
    listPriceMinor: z.number().int().nullable(),
    unitPriceMinor: z.number().int(),
    discount: Discount,
    taxClassId: Id.nullable(),
    taxRatePercent: z.number().nullable(),
    grossMinor: z.number().int(),
    discountMinor: z.number().int(),
    netMinor: z.number().int(),
  }),
]);
export type QuoteLine = z.infer<typeof QuoteLine>;

export const QuoteTotals = z.object({
  subtotalMinor: z.number().int(),
  quoteDiscountMinor: z.number().int(),
  shippingMinor: z.number().int(),
  taxes: z.array(z.object({ ratePercent: z.number(), baseMinor: z.number().int(), taxMinor: z.number().int() })),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
});
export type QuoteTotals = z.infer<typeof QuoteTotals>;

export const AttachmentInfo = z.object({ id: Id, fileName: z.string(), byteSize: z.number().int(), sha256: z.string(), createdAt: Timestamp });
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const Quote = z.object({
  ...RecordMeta,
  number: z.string(),
  revision: z.number().int(),
  /** False for a revision that a newer one replaced: frozen, read-only. */
  isLatest: z.boolean(),
  status: z.enum(QUOTE_STATUSES),
  opportunity: z.object({ id: Id, name: z.string() }),
  account: z.object({ id: Id, name: z.string() }).nullable(),
  contact: z.object({ id: Id, name: z.string(), email: z.string().nullable() }).nullable(),
  priceBook: z.object({ id: Id, name: z.string() }).nullable(),
  currency: z.string(),
  title: z.string(),
  validUntil: z.string().nullable(),
  discount: Discount,
  shippingMinor: z.number().int(),
  shippingTaxClassId: Id.nullable(),
  terms: z.string().nullable(),
  notes: z.string().nullable(),
  owner: UserRef,
  lines: z.array(QuoteLine),
  totals: QuoteTotals,
  /** The largest line or quote discount, in percent of what it applies to. */
  largestDiscountPercent: z.number(),
  /** Submitting sends it to review when the largest discount is above the threshold. */
  needsApproval: z.boolean(),
  review: z.object({ comment: z.string().nullable(), by: UserRef.nullable(), at: Timestamp.nullable() }).nullable(),
  sentAt: Timestamp.nullable(),
  decidedAt: Timestamp.nullable(),
  /** Every revision of this quote number, oldest first. */
  revisions: z.array(z.object({ id: Id, revision: z.number().int(), status: z.enum(QUOTE_STATUSES), totalMinor: z.number().int(), createdAt: Timestamp })),
  attachments: z.array(AttachmentInfo),
  /** Recommended products not on the quote yet. */
  suggestions: ConfigurationCheck.shape.suggestions,
});
export type Quote = z.infer<typeof Quote>;

export const QuoteRow = z.object({
  id: Id,
  version: z.number().int(),
  number: z.string(),
  revision: z.number().int(),
  title: z.string(),
  status: z.enum(QUOTE_STATUSES),
  opportunityName: z.string(),
  accountName: z.string().nullable(),
  totalMinor: z.number().int(),
  currency: z.string(),
  validUntil: z.string().nullable(),
  ownerName: z.string(),
  updatedAt: z.string(),
});
export type QuoteRow = z.infer<typeof QuoteRow>;

export const QUOTE_SORTABLE = ['number', 'title', 'status', 'totalMinor', 'validUntil', 'ownerName', 'updatedAt'] as const;
export const QUOTE_FILTERABLE = ['number', 'title', 'status', 'currency', 'ownerName', 'totalMinor'] as const;
export const QuoteListQuery = gridQuery(QUOTE_SORTABLE, QUOTE_FILTERABLE, {
  opportunityId: Id.optional(),
  /** Only the newest revision of each quote (the default). */
  latestOnly: z.boolean().default(true),
});
export type QuoteListQuery = z.input<typeof QuoteListQuery>;

const Versioned = { id: Id, version: z.number().int().positive() };

export const StatusChange = z.object({
  id: Id,
  from: z.enum(QUOTE_STATUSES).nullable(),
  to: z.enum(QUOTE_STATUSES),
  comment: z.string().nullable(),
  at: Timestamp,
  by: UserRef,
});
export type StatusChange = z.infer<typeof StatusChange>;

const LineSide = z.object({
  kind: z.enum(['item', 'heading']),
  name: z.string(),
  quantity: z.number().nullable(),
  unitPriceMinor: z.number().int().nullable(),
  discount: Discount,
  taxRatePercent: z.number().nullable(),
  netMinor: z.number().int().nullable(),
});

export const QuoteComparison = z.object({
  left: z.object({ id: Id, revision: z.number().int(), totals: QuoteTotals }),
  right: z.object({ id: Id, revision: z.number().int(), totals: QuoteTotals }),
  lines: z.array(
    z.object({
      key: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'same']),
      left: LineSide.nullable(),
      right: LineSide.nullable(),
      /** Fields that differ, for "changed". */
      fields: z.array(z.string()),
    }),
  ),
});
export type QuoteComparison = z.infer<typeof QuoteComparison>;

export const GeneratedPdf = z.object({
  attachment: AttachmentInfo,
  pageCount: z.number().int(),
  /** e.g. the logo file could not be read, so the PDF has none. */
  warnings: z.array(z.string()),
});
export type GeneratedPdf = z.infer<typeof GeneratedPdf>;

const Email = z.string().trim().max(254).pipe(z.email('Not an e-mail address'));

export const SendInput = z
  .object({
    ...Versioned,
    /** Defaults to the quote's contact. */
    to: Email.optional(),
    cc: z.array(Email).max(10).default([]),
    /** Default: the template from the quote settings, filled in. */
    subject: requiredText(300, 'Subject').optional(),
    body: z.string().max(20_000).optional(),
  })
  .strict();

export const quotesContract = {
  'quotes.create': method({ summary: 'Create a quote (revision 1, draft) for an opportunity', writes: true, input: QuoteInput, output: Quote }),
  'quotes.get': method({ summary: 'One quote revision with its lines, totals, revisions and PDFs', writes: false, input: IdInput, output: Quote }),
  'quotes.update': method({
    summary: 'Change a draft (lines, when given, replace the old ones); configurator rules are enforced',
    writes: true,
    input: z.object({ ...Versioned, patch: QuotePatch }).strict(),
    output: Quote,
  }),
  'quotes.delete': method({ summary: 'Delete a draft revision (the previous revision becomes the current one)', writes: true, input: IdInput, output: DeleteResult }),
  'quotes.list': method({ summary: 'A page of the quotes grid', writes: false, input: QuoteListQuery, output: gridPage(QuoteRow) }),
  'quotes.submit': method({
    summary: 'Finish a draft: approved at once, or in review when a discount exceeds the threshold',
    writes: true,
    input: z.object(Versioned).strict(),
    output: Quote,
  }),
  'quotes.approve': method({
    summary: 'A manager approves a quote in review',
    writes: true,
    input: z.object({ ...Versioned, comment: optionalText(1000) }).strict(),
    output: Quote,
  }),
  'quotes.rejectReview': method({
    summary: 'A manager sends a quote in review back to draft, with a comment',
    writes: true,
    input: z.object({ ...Versioned, comment: requiredText(1000, 'Comment') }).strict(),
    output: Quote,
  }),
  'quotes.markSent': method({ summary: 'Record that an approved quote went to the customer some other way', writes: true, input: z.object(Versioned).strict(), output: Quote }),
  'quotes.send': method({
    summary: 'E-mail the quote’s PDF to its contact and log it on the timeline',
    writes: true,
    input: SendInput,
    output: z.object({ quote: Quote, messageId: z.string(), attachment: AttachmentInfo }),
  }),
  'quotes.emailDraft': method({
    summary: 'The recipient, subject and body a send would use',
    writes: false,
    input: IdInput,
    output: z.object({ to: z.string().nullable(), subject: z.string(), body: z.string() }),
  }),
  'quotes.accept': method({
    summary: 'The customer accepted: the opportunity is won with the quote’s total',
    writes: true,
    input: z.object({ ...Versioned, comment: optionalText(1000) }).strict(),
    output: Quote,
  }),
  'quotes.decline': method({
    summary: 'The customer rejected the quote',
    writes: true,
    input: z.object({ ...Versioned, comment: optionalText(1000) }).strict(),
    output: Quote,
  }),
  'quotes.revise': method({
    summary: 'Start revision n+1 as a draft copy; revision n is frozen',
    writes: true,
    input: z.object(Versioned).strict(),
    output: Quote,
  }),
  'quotes.compare': method({
    summary: 'Two revisions of a quote, line by line',
    writes: false,
    input: z.object({ leftId: Id, rightId: Id }).strict(),
    output: QuoteComparison,
  }),
  'quotes.history': method({ summary: 'Every status change of a quote revision, oldest first', writes: false, input: IdInput, output: z.array(StatusChange) }),
  'quotes.generatePdf': method({
    summary: 'Render the proposal PDF and keep it with this revision (with its SHA-256)',
    writes: true,
    input: IdInput,
    output: GeneratedPdf,
  }),
  'attachments.content': method({
    summary: 'The bytes of an attachment (base64), for a download',
    writes: false,
    input: IdInput,
    output: z.object({ id: Id, fileName: z.string(), mimeType: z.string(), sha256: z.string(), base64: z.string() }),
  }),
  'attachments.saveAs': method({
    summary: 'Save a copy of an attachment where the user chooses (the native save dialog)',
    writes: false,
    input: IdInput,
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string() }),
      z.object({ status: z.literal('cancelled') }),
      /** No native dialog here (the browser harness): download attachments.content instead. */
      z.object({ status: z.literal('unsupported') }),
    ]),
  }),
};
