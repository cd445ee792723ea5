import type { EntityManager } from 'typeorm';
import type { Quote, QuoteStatus } from '../../../../shared/contract/quotes';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import type { OpportunitiesService } from '../opportunities/opportunities.service';
import { insertRecord, updateRecord, type ColumnValues } from '../records/record-store';
import { requireRole } from '../users/require-role';
import { loadLines, loadQuoteRow, type QuoteRowStored } from './quote-read';
import { recordStatusChange } from './quote-status';
import { QUOTES_TABLE, addDays, writeLines, type QuotesService } from './quotes.service';

const label = (s: QuoteStatus) => s.replace('_', ' ');
const today = (ctx: Pick<CallContext, 'now'>) => ctx.now().slice(0, 10);

/**
 * The status flow. Each step checks the version the user saw, that the
 * revision is the current one and that the step is allowed from its status,
 * and leaves a line in the status history.
 */
export class QuoteWorkflow {
  constructor(
    private readonly quotes: QuotesService,
    private readonly opportunities: OpportunitiesService,
  ) {}

  async submit(em: EntityManager, id: number, version: number, ctx: CallContext): Promise<Quote> {
    const sql = new Sql(em);
    const row = await this.current(sql, id, version, ['draft'], 'submitted');
    const items = await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM quote_lines WHERE quote_id = ? AND kind = 'item'`, [id]);
    if (!items?.n) throw new CrmError('validation', 'Add at least one line before submitting the quote.');
    const settings = await this.quotes.quoteSettings(em);
    const needsReview = row.max_discount_bp > Math.round(settings.approvalThresholdPercent * 100);
    const to: QuoteStatus = needsReview ? 'in_review' : 'approved';
    const comment = needsReview
      ? `A discount of ${row.max_discount_bp / 100}% is above the ${settings.approvalThresholdPercent}% that needs a manager's approval.`
      : null;
    // A new submission starts a new review: the last decision's comment no longer applies.
    await this.move(em, row, to, { review_comment: null, reviewed_by_id: null, reviewed_at: null }, comment, ctx);
    return this.quotes.get(id, em);
  }

  async approve(em: EntityManager, id: number, version: number, comment: string | null, ctx: CallContext): Promise<Quote> {
    await requireRole(em, ctx.userId, ['sales_manager', 'admin'], 'approve quotes');
    const row = await this.current(new Sql(em), id, version, ['in_review'], 'approved');
    await this.assertNotOwnApproval(em, row, ctx);
    await this.move(em, row, 'approved', { review_comment: comment, reviewed_by_id: ctx.userId, reviewed_at: ctx.now() }, comment, ctx);
    return this.quotes.get(id, em);
  }

  async rejectReview(em: EntityManager, id: number, version: number, comment: string, ctx: CallContext): Promise<Quote> {
    await requireRole(em, ctx.userId, ['sales_manager', 'admin'], 'reject quotes in review');
    const row = await this.current(new Sql(em), id, version, ['in_review'], 'sent back');
    await this.move(em, row, 'draft', { review_comment: comment, reviewed_by_id: ctx.userId, reviewed_at: ctx.now() }, comment, ctx);
    return this.quotes.get(id, em);
  }

  async markSent(em: EntityManager, id: number, version: number, ctx: CallContext): Promise<Quote> {
    const row = await this.current(new Sql(em), id, version, ['approved', 'sent'], 'sent');
    this.assertValid(row, ctx);
    await this.move(em, row, 'sent', { sent_at: ctx.now() }, null, ctx);
    return this.quotes.get(id, em);
  }

  async accept(em: EntityManager, id: number, version: number, comment: string | null, ctx: CallContext): Promise<Quote> {
    const sql = new Sql(em);
    const row = await this.current(sql, id, version, ['approved', 'sent'], 'accepted');
    this.assertValid(row, ctx);
    await this.move(em, row, 'accepted', { decided_at: ctx.now() }, comment, ctx);
    await this.winOpportunity(em, sql, row, ctx);
    return this.quotes.get(id, em);
  }

  async decline(em: EntityManager, id: number, version: number, comment: string | null, ctx: CallContext): Promise<Quote> {
    const row = await this.current(new Sql(em), id, version, ['approved', 'sent'], 'rejected');
    await this.move(em, row, 'rejected', { decided_at: ctx.now() }, comment, ctx);
    return this.quotes.get(id, em);
  }

  /** Copies revision n to n+1 (a draft, same number, same line keys) and freezes n. */
  async revise(em: EntityManager, id: number, version: number, ctx: CallContext): Promise<Quote> {
    const sql = new Sql(em);
    const row = await this.current(sql, id, version, ['draft', 'in_review', 'approved', 'sent', 'rejected', 'expired'], 'revised');
    const { changes } = await sql.run(`UPDATE quotes SET is_latest = 0, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ? AND version = ?`, [
      ctx.now(),
      ctx.userId,
      id,
      version,
    ]);
    if (changes !== 1) throw new CrmError('conflict', 'Someone changed this quote after you opened it. Reload and try again.');
    const settings = await this.quotes.quoteSettings(em);
    const copy: ColumnValues = {
      number: row.number,
      revision: row.revision + 1,
      is_latest: 1,
      status: 'draft',
      opportunity_id: row.opportunity_id,
      account_id: row.account_id,
      contact_id: row.contact_id,
      price_book_id: row.price_book_id,
      currency: row.currency,
      title: row.title,
      // An expired quote is usually revised to extend it.
      valid_until: row.valid_until && row.valid_until >= today(ctx) ? row.valid_until : addDays(today(ctx), settings.defaultValidityDays),
      discount_kind: row.discount_kind,
      discount_value: row.discount_value === null ? null : Number(row.discount_value),
      shipping_minor: Number(row.shipping_minor),
      shipping_tax_class_id: row.shipping_tax_class_id,
      shipping_tax_rate_milli: row.shipping_tax_rate_milli,
      terms: row.terms,
      notes: row.notes,
      // The salesperson stays the same when a manager revises the quote for them.
      owner_id: row.owner_id,
    };
    const full = await sql.get<Record<string, number>>(`SELECT subtotal_minor, discount_minor, tax_minor, total_minor, max_discount_bp FROM quotes WHERE id = ?`, [id]);
    for (const [k, v] of Object.entries(full!)) copy[k] = Number(v);
    const newId = await insertRecord(em, QUOTES_TABLE, copy, ctx);
    await writeLines(sql, newId, await loadLines(sql, id));
    await recordStatusChange(sql, newId, null, 'draft', `Revised from version ${row.revision}.`, ctx);
    return this.quotes.get(newId, em);
  }

  /** Approved and sent quotes past their validity date expire (run by the background sweep). */
  async expireDue(em: EntityManager, now: string): Promise<number[]> {
    const sql = new Sql(em);
    const due = await sql.all<{ id: number; status: QuoteStatus; owner_id: number }>(
      `SELECT id, status, owner_id FROM quotes
        WHERE deleted_at IS NULL AND is_latest = 1 AND status IN ('approved', 'sent') AND valid_until < ?`,
      [now.slice(0, 10)],
    );
    for (const q of due) {
      await sql.run(`UPDATE quotes SET status = 'expired', version = version + 1, updated_at = ? WHERE id = ?`, [now, q.id]);
      await recordStatusChange(sql, q.id, q.status, 'expired', 'The validity date passed.', { userId: q.owner_id, now: () => now });
    }
    return due.map((q) => q.id);
  }

  private async current(sql: Sql, id: number, version: number, from: QuoteStatus[], verb: string): Promise<QuoteRowStored> {
    const row = await loadQuoteRow(sql, id);
    if (row.version !== version) {
      throw new CrmError('conflict', `${row.updated_by_name} changed quote ${row.number} after you opened it (it is now at version ${row.version}). Reload and try again.`);
    }
    if (row.is_latest !== 1) throw new CrmError('validation', `Version ${row.revision} of quote ${row.number} is frozen: a newer version replaced it.`);
    if (!from.includes(row.status)) {
      throw new CrmError('validation', `Quote ${row.number} is ${label(row.status)} and cannot be ${verb}; it must be ${from.map(label).join(' or ')}.`);
    }
    return row;
  }

  private assertValid(row: QuoteRowStored, ctx: CallContext): void {
    if (row.valid_until && row.valid_until < today(ctx)) {
      throw new CrmError('validation', `Quote ${row.number} expired on ${row.valid_until}: revise it with a new validity date.`);
    }
  }

  /** The salesperson who wrote a quote does not approve its discount, unless they run the system. */
  private async assertNotOwnApproval(em: EntityManager, row: QuoteRowStored, ctx: CallContext): Promise<void> {
    if (row.owner_id !== ctx.userId) return;
    const me = await new Sql(em).get<{ role: string }>(`SELECT role FROM users WHERE id = ?`, [ctx.userId]);
    if (me?.role !== 'admin') throw new CrmError('forbidden', 'Another manager must approve your own quote.');
  }

  private async move(em: EntityManager, row: QuoteRowStored, to: QuoteStatus, extra: ColumnValues, comment: string | null, ctx: CallContext): Promise<void> {
    await updateRecord(em, QUOTES_TABLE, row.id, row.version, { status: to, ...extra }, ctx);
    await recordStatusChange(new Sql(em), row.id, row.status, to, comment, ctx);
  }

  private async winOpportunity(em: EntityManager, sql: Sql, row: QuoteRowStored, ctx: CallContext): Promise<void> {
    const opp = await sql.get<{ version: number; pipeline_id: number; deleted_at: string | null }>(`SELECT version, pipeline_id, deleted_at FROM opportunities WHERE id = ?`, [row.opportunity_id]);
    if (!opp || opp.deleted_at) throw new CrmError('validation', `The opportunity of quote ${row.number} is in the recycle bin: restore it first.`);
    const won = await sql.get<{ id: number }>(
      `SELECT id FROM pipeline_stages WHERE pipeline_id = ? AND kind = 'won' ORDER BY active DESC, position LIMIT 1`,
      [opp.pipeline_id],
    );
    if (!won) throw new CrmError('validation', 'The opportunity’s pipeline has no won stage to move it to.');
    const total = (await sql.get<{ total_minor: number }>(`SELECT total_minor FROM quotes WHERE id = ?`, [row.id]))!.total_minor;
    await this.opportunities.update(em, row.opportunity_id, opp.version, { amount: { amountMinor: Number(total), currency: row.currency }, stageId: won.id }, ctx);
  }
}
