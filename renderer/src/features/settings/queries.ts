/** TanStack Query keys of the settings page. */
export const settingsKeys = {
  company: ['settings', 'company'] as const,
  quotes: ['settings', 'quotes'] as const,
  mail: ['settings', 'mail'] as const,
  sms: ['settings', 'sms'] as const,
};

/** The placeholders a quote e-mail template may use, as the quotes module fills them. */
export const QUOTE_EMAIL_PLACEHOLDERS: readonly { name: string; meaning: string }[] = [
  { name: 'number', meaning: 'quote number, e.g. Q-1001' },
  { name: 'revision', meaning: 'version of the quote' },
  { name: 'title', meaning: 'title of the quote' },
  { name: 'company', meaning: 'your company name (Company tab)' },
  { name: 'contact', meaning: "the customer contact's name" },
  { name: 'total', meaning: 'total amount with currency' },
  { name: 'validUntil', meaning: 'date the quote is valid until' },
  { name: 'salesperson', meaning: 'owner of the quote' },
];
