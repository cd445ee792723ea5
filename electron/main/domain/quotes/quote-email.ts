import type { EntityManager } from 'typeorm';
import { ActivityInput } from '../../../../shared/contract/activities';
import type { AttachmentInfo, Quote } from '../../../../shared/contract/quotes';
import { CompanyProfile, type QuoteSettings } from '../../../../shared/contract/settings';
import { CrmError } from '../../../../shared/errors';
import { formatMoney } from '../../../../shared/money';
import type { CallContext } from '../../host/call-context';
import type { ActivitiesService } from '../activities/activities.service';
import type { AppSettingsStore } from '../settings/app-settings.store';
import { COMPANY_KEY } from '../settings/settings-keys';

/** What a quote e-mail needs from the mail module: one message out, with attachments. */
export type SendMail = (message: {
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}) => Promise<{ messageId: string }>;

/** Fills {{placeholders}}; an unknown one stays as written so a typo in the template shows rather than vanishes. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export async function emailDraft(quote: Quote, settings: QuoteSettings, store: AppSettingsStore, em?: EntityManager) {
  const company = await store.read(COMPANY_KEY, CompanyProfile, em);
  const values = {
    number: quote.number,
    revision: String(quote.revision),
    title: quote.title,
    company: company.name,
    contact: quote.contact?.name ?? 'Sir or Madam',
    total: formatMoney({ amountMinor: quote.totals.totalMinor, currency: quote.currency }, settings.locale),
    validUntil: quote.validUntil ? new Intl.DateTimeFormat(settings.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${quote.validUntil}T00:00:00Z`)) : '',
    salesperson: quote.owner.name,
  };
  return { to: quote.contact?.email ?? null, subject: fillTemplate(settings.emailSubject, values), body: fillTemplate(settings.emailBody, values) };
}

/** Logs the e-mail on the opportunity's (and the contact's) timeline as a note. */
export async function logQuoteEmail(em: EntityManager, activities: ActivitiesService, quote: Quote, to: string, subject: string, file: AttachmentInfo, ctx: CallContext) {
  const input = ActivityInput.parse({
    type: 'note',
    subject: `Quote ${quote.number} v${quote.revision} e-mailed to ${to}`,
    body: `Subject: ${subject}\nAttachment: ${file.fileName} (SHA-256 ${file.sha256})`,
    opportunityId: quote.opportunity.id,
    contactId: quote.contact?.id ?? null,
    accountId: quote.account?.id ?? null,
  });
  return activities.create(em, input, ctx);
}

export function recipientOf(quote: Quote, to: string | undefined): string {
  const recipient = to ?? quote.contact?.email ?? null;
  if (!recipient) throw new CrmError('validation', `Quote ${quote.number} has no contact with an e-mail address: enter a recipient.`, [{ path: 'to', message: 'Enter a recipient' }]);
  return recipient;
}
