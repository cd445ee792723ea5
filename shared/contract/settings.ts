import { z } from 'zod';
import { optionalText } from './common';
import { method } from './define';

const NoInput = z.object({}).strict().optional().transform(() => ({}));

/** The seller as printed on proposals. */
export const CompanyProfile = z
  .object({
    name: z.string().trim().max(200).default(''),
    street: optionalText(300),
    city: optionalText(100),
    region: optionalText(100),
    postcode: optionalText(20),
    country: optionalText(100),
    email: optionalText(254),
    phone: optionalText(50),
    website: optionalText(200),
    /** A PNG or JPEG file on this computer or the office share. */
    logoPath: optionalText(1000),
  })
  .strict();
export type CompanyProfile = z.output<typeof CompanyProfile>;

const Template = (max: number, fallback: string) => z.string().max(max, `At most ${max} characters`).default(fallback);

/** How quotes are numbered, approved, worded and mailed. */
export const QuoteSettings = z
  .object({
    /** Any line or quote discount above this percentage needs a manager's approval. */
    approvalThresholdPercent: z.number().min(0).max(100).default(15),
    defaultValidityDays: z.number().int().min(1).max(365).default(30),
    numberPrefix: z.string().trim().regex(/^[A-Za-z0-9-]{0,10}$/, 'Letters, digits and dashes, at most 10').default('Q-'),
    /** Dates and amounts on the PDF. */
    locale: z
      .string()
      .trim()
      .refine((l) => {
        try {
          return Intl.DateTimeFormat.supportedLocalesOf([l]).length === 1;
        } catch {
          return false;
        }
      }, 'Unknown locale, e.g. en-US or de-DE')
      .default('en-US'),
    defaultTerms: Template(10_000, 'Prices exclude tax unless stated. Payment within 30 days of invoice.'),
    /** {{number}}, {{revision}}, {{title}}, {{company}}, {{contact}}, {{total}}, {{validUntil}}, {{salesperson}}. */
    emailSubject: Template(300, 'Quote {{number}} (version {{revision}}): {{title}}'),
    emailBody: Template(
      10_000,
      'Dear {{contact}},\n\nplease find attached our quote {{number}} for {{title}}, valid until {{validUntil}}.\n\nKind regards,\n{{salesperson}}\n{{company}}',
    ),
  })
  .strict();
export type QuoteSettings = z.output<typeof QuoteSettings>;

export const settingsContract = {
  'settings.getCompany': method({ summary: 'The company profile printed on proposals', writes: false, input: NoInput, output: CompanyProfile }),
  'settings.saveCompany': method({
    summary: 'Change the company profile (admins); the logo file must be a readable PNG or JPEG',
    writes: true,
    input: CompanyProfile,
    output: CompanyProfile,
  }),
  'settings.getQuotes': method({ summary: 'Quote numbering, approval threshold, validity, terms and e-mail template', writes: false, input: NoInput, output: QuoteSettings }),
  'settings.saveQuotes': method({ summary: 'Change the quote settings (admins)', writes: true, input: QuoteSettings, output: QuoteSettings }),
};
