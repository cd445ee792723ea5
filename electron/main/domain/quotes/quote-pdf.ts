import type { EntityManager } from 'typeorm';
import type { GeneratedPdf } from '../../../../shared/contract/quotes';
import { CompanyProfile } from '../../../../shared/contract/settings';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { renderQuotePdf } from '../../pdf/render-quote-pdf';
import type { AttachmentsService } from '../attachments/attachments.service';
import type { AppSettingsStore } from '../settings/app-settings.store';
import { COMPANY_KEY } from '../settings/settings-keys';
import { buildQuoteDocument } from './quote-document-builder';
import type { QuotesService } from './quotes.service';

const safeFileName = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'quote';

/** Renders a revision's proposal and keeps the file with it, hash included, so what was sent can be shown again byte for byte. */
export async function generateQuotePdf(
  em: EntityManager,
  id: number,
  ctx: CallContext,
  deps: { quotes: QuotesService; settings: AppSettingsStore; attachments: AttachmentsService; fontDir?: string | undefined },
): Promise<GeneratedPdf> {
  const sql = new Sql(em);
  const company = await deps.settings.read(COMPANY_KEY, CompanyProfile, em);
  const quoteSettings = await deps.quotes.quoteSettings(em);
  const document = await buildQuoteDocument(sql, id, company, quoteSettings, ctx.now());
  const rendered = await renderQuotePdf(document, { creationDate: new Date(ctx.now()), ...(deps.fontDir ? { fontDir: deps.fontDir } : {}) });
  const fileName = `${safeFileName(document.quote.number)}-v${document.quote.revision}.pdf`;
  const attachment = await deps.attachments.add(em, { entity: 'quote', recordId: id, fileName, mimeType: 'application/pdf', bytes: rendered.bytes }, ctx.userId, ctx.now());
  return { attachment, pageCount: rendered.pageCount, warnings: rendered.warnings };
}
