import type { DataSource } from 'typeorm';
import type { quotesContract } from '../../../../shared/contract/quotes';
import type { CallContext } from '../../host/call-context';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { Sql } from '../../db/sql';
import { AttachmentsService, type SaveFile } from '../attachments/attachments.service';
import type { OpportunitiesService } from '../opportunities/opportunities.service';
import type { AppSettingsStore } from '../settings/app-settings.store';
import { compareRevisions } from './quote-compare';
import { emailDraft, logQuoteEmail, recipientOf } from './quote-email';
import { generateQuotePdf } from './quote-pdf';
import { statusHistory } from './quote-status';
import { QuoteWorkflow } from './quote-workflow';
import { QuotesService } from './quotes.service';

/*
 * Decisions:
 * - A quote number has revisions; only the newest revision, and only as a draft, can be edited.
 *   Approved, sent or decided revisions change only by revising (n+1), which freezes n.
 * - Money follows shared/quote-math.ts; the quote row keeps the totals for grids, and every read
 *   recomputes them from the lines, so the two cannot drift apart unnoticed in tests.
 * - Line tax rates are copied from the tax class when the line is saved: changing a rate later
 *   never alters a quote the customer has seen.
 * - The approver must be a sales manager or an admin, and not the quote's own salesperson
 *   (unless an admin): the four-eyes rule for discounts.
 * - The PDF is rendered inside the write transaction and kept as an attachment with its SHA-256,
 *   so what was e-mailed can be reproduced byte for byte.
 */

export interface QuotesServices {
  quotes: QuotesService;
  workflow: QuoteWorkflow;
  attachments: AttachmentsService;
  /** The native save dialog (Electron); absent in the browser harness and the CLI. */
  saveFile: SaveFile | null;
  fontDir: string | undefined;
}

export function createQuotesServices(
  dataSource: DataSource,
  deps: { settings: AppSettingsStore; opportunities: OpportunitiesService; saveFile?: SaveFile | undefined; fontDir?: string | undefined },
): QuotesServices {
  const quotes = new QuotesService(dataSource, deps.settings);
  return {
    quotes,
    workflow: new QuoteWorkflow(quotes, deps.opportunities),
    attachments: new AttachmentsService(dataSource),
    saveFile: deps.saveFile ?? null,
    fontDir: deps.fontDir,
  };
}

export function quotesHandlers(services: Services): ModuleHandlers<typeof quotesContract> {
  const { quotes, workflow, attachments } = services.quotes;
  const changed = (ctx: CallContext, id: number, action: 'create' | 'update' | 'delete' = 'update') => ctx.events.emit('record.changed', { entity: 'quote', id, action });
  const pdfDeps = () => ({ quotes, settings: services.settings.store, attachments, fontDir: services.quotes.fontDir });
  return {
    'quotes.create': async (input, ctx) => {
      const quote = await quotes.create(ctx.em, input, ctx);
      changed(ctx, quote.id, 'create');
      return quote;
    },
    'quotes.get': ({ id }) => quotes.get(id),
    'quotes.update': async ({ id, version, patch }, ctx) => {
      const quote = await quotes.update(ctx.em, id, version, patch, ctx);
      changed(ctx, id);
      return quote;
    },
    'quotes.delete': async ({ id }, ctx) => {
      const result = await quotes.delete(ctx.em, id, ctx);
      changed(ctx, id, 'delete');
      return result;
    },
    'quotes.list': (query) => quotes.list(query),
    'quotes.submit': async ({ id, version }, ctx) => {
      const quote = await workflow.submit(ctx.em, id, version, ctx);
      changed(ctx, id);
      return quote;
    },
    'quotes.approve': async ({ id, version, comment }, ctx) => {
      const quote = await workflow.approve(ctx.em, id, version, comment, ctx);
      changed(ctx, id);
      return quote;
    },
    'quotes.rejectReview': async ({ id, version, comment }, ctx) => {
      const quote = await workflow.rejectReview(ctx.em, id, version, comment, ctx);
      changed(ctx, id);
      return quote;
    },
    'quotes.markSent': async ({ id, version }, ctx) => {
      const quote = await workflow.markSent(ctx.em, id, version, ctx);
      changed(ctx, id);
      return quote;
    },
    'quotes.send': async ({ id, version, to, cc, subject, body }, ctx) => {
      const before = await quotes.get(id, ctx.em);
      const recipient = recipientOf(before, to);
      // The status moves first: a quote that may not be sent fails before any mail leaves.
      const sent = await workflow.markSent(ctx.em, id, version, ctx);
      const draft = await emailDraft(sent, await quotes.quoteSettings(ctx.em), services.settings.store, ctx.em);
      const pdf = await generateQuotePdf(ctx.em, id, ctx, pdfDeps());
      const file = await attachments.read(pdf.attachment.id, ctx.em);
      const finalSubject = subject ?? draft.subject;
      await logQuoteEmail(ctx.em, services.activities.activities, sent, recipient, finalSubject, pdf.attachment, ctx);
      // Sent last, inside the transaction: if the server refuses, nothing above is kept.
      const { messageId } = await services.mail.sender.send({
        to: recipient,
        cc,
        subject: finalSubject,
        text: body ?? draft.body,
        attachments: [{ filename: file.info.fileName, content: file.bytes, contentType: 'application/pdf' }],
      });
      changed(ctx, id);
      ctx.events.emit('record.changed', { entity: 'opportunity', id: sent.opportunity.id, action: 'update' });
      return { quote: await quotes.get(id, ctx.em), messageId, attachment: pdf.attachment };
    },
    'quotes.emailDraft': async ({ id }) => emailDraft(await quotes.get(id), await quotes.quoteSettings(), services.settings.store),
    'quotes.accept': async ({ id, version, comment }, ctx) => {
      const quote = await workflow.accept(ctx.em, id, version, comment, ctx);
      changed(ctx, id);
      ctx.events.emit('record.changed', { entity: 'opportunity', id: quote.opportunity.id, action: 'update' });
      return quote;
    },
    'quotes.decline': async ({ id, version, comment }, ctx) => {
      const quote = await workflow.decline(ctx.em, id, version, comment, ctx);
      changed(ctx, id);
      return quote;
    },
    'quotes.revise': async ({ id, version }, ctx) => {
      const quote = await workflow.revise(ctx.em, id, version, ctx);
      changed(ctx, id);
      changed(ctx, quote.id, 'create');
      return quote;
    },
    'quotes.compare': ({ leftId, rightId }, ctx) => compareRevisions(new Sql(ctx.em), leftId, rightId),
    'quotes.history': ({ id }, ctx) => statusHistory(new Sql(ctx.em), id),
    'quotes.generatePdf': async ({ id }, ctx) => {
      const result = await generateQuotePdf(ctx.em, id, ctx, pdfDeps());
      changed(ctx, id);
      return result;
    },
    'attachments.content': async ({ id }) => {
      const file = await attachments.read(id);
      return { id, fileName: file.info.fileName, mimeType: file.mimeType, sha256: file.info.sha256, base64: file.bytes.toString('base64') };
    },
    // A read: the dialog may stay open for minutes, and must not hold the write queue meanwhile.
    'attachments.saveAs': async ({ id }) => {
      const saveFile = services.quotes.saveFile;
      if (!saveFile) return { status: 'unsupported' as const };
      const file = await attachments.read(id);
      const path = await saveFile(file.info.fileName, file.bytes);
      return path === null ? { status: 'cancelled' as const } : { status: 'saved' as const, path };
    },
  };
}
