import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Quote, QuoteInput, QuoteListQuery, QuotePatch, QuoteRow, QuoteStatus } from '../../../../shared/contract/quotes';
import { QuoteSettings } from '../../../../shared/contract/settings';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { defaultPriceBookId } from '../catalog/pricing';
import { fetchGridPage } from '../records/grid-page';
import { gridSql, type GridColumn } from '../records/grid-sql';
import { assertLive, insertRecord, softDelete, updateRecord, type ColumnValues, type RecordTable } from '../records/record-store';
import type { AppSettingsStore } from '../settings/app-settings.store';
import { QUOTES_KEY } from '../settings/settings-keys';
import { discountToStored, largestDiscountOf, resolveLines, totalsOf, type StoredLine } from './quote-lines';
import { loadLines, loadQuoteRow, readQuote, type QuoteRowStored } from './quote-read';
import { recordStatusChange } from './quote-status';

export const QUOTES_TABLE: RecordTable = {
  table: 'quotes',
  entity: 'quote',
  noun: 'quote',
  // Totals follow from the lines; the lines' own changes are summed up in them.
  derived: ['subtotal_minor', 'discount_minor', 'tax_minor', 'total_minor', 'max_discount_bp', 'is_latest'],
};

const GRID_COLUMNS: Record<string, GridColumn> = {
  number: { sql: 'q.number', kind: 'text', sortSql: 'q.number', notNull: true },
  title: { sql: 'q.title', kind: 'text', notNull: true },
  status: { sql: 'q.status', kind: 'text', notNull: true },
  totalMinor: { sql: 'q.total_minor', kind: 'number', notNull: true },
  currency: { sql: 'q.currency', kind: 'text', notNull: true },
  validUntil: { sql: 'q.valid_until', kind: 'text', sortSql: 'q.valid_until' },
  ownerName: { sql: 'o.name', kind: 'text', notNull: true },
  updatedAt: { sql: 'q.updated_at', kind: 'text', sortSql: 'q.updated_at', notNull: true },
};

type ParsedInput = z.output<typeof QuoteInput>;
type ParsedPatch = z.output<typeof QuotePatch>;

/** The calendar date `days` after the date of an ISO timestamp or date (UTC). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export class QuotesService {
  private readonly sql: Sql;

  constructor(
    dataSource: DataSource,
    private readonly settings: AppSettingsStore,
  ) {
    this.sql = new Sql(dataSource);
  }

  quoteSettings(em?: EntityManager) {
    return this.settings.read(QUOTES_KEY, QuoteSettings, em);
  }

  async get(id: number, em?: EntityManager): Promise<Quote> {
    const settings = await this.quoteSettings(em);
    return readQuote(em ? new Sql(em) : this.sql, id, settings.approvalThresholdPercent);
  }

  async create(em: EntityManager, input: ParsedInput, ctx: CallContext): Promise<Quote> {
    const sql = new Sql(em);
    const settings = await this.quoteSettings(em);
    await assertLive(em, 'opportunities', input.opportunityId, 'opportunityId', 'Opportunity');
    const opp = (await sql.get<{ name: string; account_id: number | null; primary_contact_id: number | null; currency: string }>(
      `SELECT name, account_id, primary_contact_id, currency FROM opportunities WHERE id = ?`,
      [input.opportunityId],
    ))!;
    const contactId = input.contactId !== undefined ? input.contactId : opp.primary_contact_id;
    if (contactId !== null) await assertLive(em, 'contacts', contactId, 'contactId', 'Contact');
    const priceBookId = input.priceBookId !== undefined ? input.priceBookId : await defaultPriceBookId(sql, opp.currency);
    await checkPriceBook(sql, priceBookId, opp.currency, 'priceBookId');
    const shippingTaxRate = await taxRateOf(sql, input.shippingTaxClassId, 'shippingTaxClassId');
    const lines = await resolveLines(sql, input.lines, { priceBookId, currency: opp.currency, existing: new Map(), path: 'lines' });
    const discount = discountToStored(input.discount);
    const number = await nextNumber(sql, settings.numberPrefix, ctx.now());
    const columns: ColumnValues = {
      number,
      revision: 1,
      is_latest: 1,
      status: 'draft',
      opportunity_id: input.opportunityId,
      account_id: opp.account_id,
      contact_id: contactId,
      price_book_id: priceBookId,
      currency: opp.currency,
      title: input.title ?? opp.name,
      valid_until: input.validUntil === undefined ? addDays(ctx.now(), settings.defaultValidityDays) : input.validUntil,
      discount_kind: discount.kind,
      discount_value: discount.value,
      shipping_minor: input.shippingMinor,
      shipping_tax_class_id: input.shippingTaxClassId,
      shipping_tax_rate_milli: shippingTaxRate,
      terms: input.terms === undefined ? settings.defaultTerms || null : input.terms?.trim() || null,
      notes: input.notes,
      owner_id: ctx.userId,
      ...summaryColumns(lines, { discountKind: discount.kind, discountValue: discount.value, shippingMinor: input.shippingMinor, shippingTaxRateMilli: shippingTaxRate }),
    };
    const id = await insertRecord(em, QUOTES_TABLE, columns, ctx);
    await writeLines(sql, id, lines);
    await recordStatusChange(sql, id, null, 'draft', null, ctx);
    return this.get(id, em);
  }

  async update(em: EntityManager, id: number, version: number, patch: ParsedPatch, ctx: CallContext): Promise<Quote> {
    const sql = new Sql(em);
    const current = await loadQuoteRow(sql, id);
    assertEditable(current);
    const c: ColumnValues = {};
    if (patch.contactId !== undefined) {
      if (patch.contactId !== null) await assertLive(em, 'contacts', patch.contactId, 'patch.contactId', 'Contact');
      c.contact_id = patch.contactId;
    }
    let priceBookId = current.price_book_id;
    if (patch.priceBookId !== undefined) {
      await checkPriceBook(sql, patch.priceBookId, current.currency, 'patch.priceBookId');
      priceBookId = c.price_book_id = patch.priceBookId;
    }
    if (patch.title !== undefined) c.title = patch.title ?? current.opportunity_name;
    if (patch.validUntil !== undefined) c.valid_until = patch.validUntil;
    if (patch.discount !== undefined) {
      const d = discountToStored(patch.discount);
      c.discount_kind = d.kind;
      c.discount_value = d.value;
    }
    if (patch.shippingMinor !== undefined) c.shipping_minor = patch.shippingMinor;
    if (patch.shippingTaxClassId !== undefined) {
      c.shipping_tax_class_id = patch.shippingTaxClassId;
      c.shipping_tax_rate_milli = await taxRateOf(sql, patch.shippingTaxClassId, 'patch.shippingTaxClassId');
    }
    if (patch.terms !== undefined) c.terms = patch.terms?.trim() || null;
    if (patch.notes !== undefined) c.notes = patch.notes;

    const existing = await loadLines(sql, id);
    const lines = patch.lines
      ? await resolveLines(sql, patch.lines, {
          priceBookId,
          currency: current.currency,
          existing: new Map(existing.map((l) => [l.line_key, { productId: l.product_id }])),
          path: 'patch.lines',
        })
      : existing;
    const pick = <T>(col: string, fallback: T): T => (col in c ? (c[col] as T) : fallback);
    Object.assign(
      c,
      summaryColumns(lines, {
        discountKind: pick('discount_kind', current.discount_kind),
        discountValue: pick('discount_value', current.discount_value === null ? null : Number(current.discount_value)),
        shippingMinor: Number(pick('shipping_minor', current.shipping_minor)),
        shippingTaxRateMilli: pick('shipping_tax_rate_milli', current.shipping_tax_rate_milli),
      }),
    );
    const { changed } = await updateRecord(em, QUOTES_TABLE, id, version, c, ctx);
    if (patch.lines) {
      await sql.run(`DELETE FROM quote_lines WHERE quote_id = ?`, [id]);
      await writeLines(sql, id, lines);
      // Line edits change no quote column when the totals happen to stay equal; the version still moves on.
      if (changed.length === 0) await sql.run(`UPDATE quotes SET version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`, [ctx.now(), ctx.userId, id]);
    }
    return this.get(id, em);
  }

  async delete(em: EntityManager, id: number, ctx: CallContext) {
    const sql = new Sql(em);
    const current = await loadQuoteRow(sql, id);
    if (current.status !== 'draft' || current.is_latest !== 1) {
      throw new CrmError('validation', `Only the current draft can be deleted; quote ${current.number} version ${current.revision} is ${current.status.replace('_', ' ')}.`);
    }
    const result = await softDelete(em, QUOTES_TABLE, id, ctx);
    if (current.revision > 1) {
      await sql.run(
        `UPDATE quotes SET is_latest = 1 WHERE id = (SELECT id FROM quotes WHERE number = ? AND deleted_at IS NULL ORDER BY revision DESC LIMIT 1)`,
        [current.number],
      );
    }
    return result;
  }

  async list(query: z.output<typeof QuoteListQuery>): Promise<{ rows: QuoteRow[]; total: number | null }> {
    const g = gridSql(GRID_COLUMNS, query, { colId: 'updatedAt', sort: 'desc' }, 'q.id');
    const scope: [string, unknown[]][] = [['q.deleted_at IS NULL', []]];
    if (query.latestOnly) scope.push(['q.is_latest = 1', []]);
    if (query.opportunityId !== undefined) scope.push(['q.opportunity_id = ?', [query.opportunityId]]);
    const where = [...scope.map(([clause]) => clause), ...g.where];
    const params = [...scope.flatMap(([, values]) => values), ...g.params];
    const orderBy = g.orderBy;
    const page = await fetchGridPage<Record<string, unknown>>(this.sql, {
      table: 'quotes',
      alias: 'q',
      columns: `q.id, q.version, q.number, q.revision, q.title, q.status, op.name AS opportunity_name, a.name AS account_name,
                q.total_minor, q.currency, q.valid_until, o.name AS owner_name, q.updated_at`,
      rowJoins: 'JOIN users o ON o.id = q.owner_id JOIN opportunities op ON op.id = q.opportunity_id LEFT JOIN accounts a ON a.id = q.account_id',
      filterJoins: 'JOIN users o ON o.id = q.owner_id',
      where,
      params,
      orderBy,
      seek: g.seek,
      startRow: query.startRow,
      endRow: query.endRow,
      withTotal: query.withTotal,
    });
    return {
      total: page.total,
      rows: page.rows.map((r) => ({
        id: r.id as number,
        version: r.version as number,
        number: r.number as string,
        revision: r.revision as number,
        title: r.title as string,
        status: r.status as QuoteStatus,
        opportunityName: r.opportunity_name as string,
        accountName: (r.account_name as string | null) ?? null,
        totalMinor: Number(r.total_minor),
        currency: r.currency as string,
        validUntil: (r.valid_until as string | null) ?? null,
        ownerName: r.owner_name as string,
        updatedAt: r.updated_at as string,
      })),
    };
  }
}

/** Only the newest revision, and only while it is a draft, can change: everything after is what the customer saw. */
export function assertEditable(row: QuoteRowStored): void {
  if (row.is_latest !== 1) throw new CrmError('validation', `Version ${row.revision} of quote ${row.number} is frozen: a newer version replaced it.`);
  if (row.status !== 'draft') {
    throw new CrmError('validation', `Quote ${row.number} is ${row.status.replace('_', ' ')}: revise it to make changes.`);
  }
}

function summaryColumns(lines: StoredLine[], money: Parameters<typeof totalsOf>[1]): ColumnValues {
  const totals = totalsOf(lines, money);
  const largest = largestDiscountOf(lines, money, totals);
  return {
    subtotal_minor: totals.subtotalMinor,
    discount_minor: totals.quoteDiscountMinor,
    tax_minor: totals.taxMinor,
    total_minor: totals.totalMinor,
    max_discount_bp: largest,
  };
}

export async function writeLines(sql: Sql, quoteId: number, lines: StoredLine[]): Promise<void> {
  const cols = [
    'quote_id', 'position', 'line_key', 'kind', 'parent_key', 'product_id', 'sku', 'name', 'description', 'quantity_milli', 'unit',
    'list_price_minor', 'unit_price_minor', 'discount_kind', 'discount_value', 'tax_class_id', 'tax_rate_milli', 'net_minor',
  ];
  // Many lines per statement: a 500-line quote saves in a few round trips.
  const perStatement = Math.floor(900 / cols.length);
  for (let i = 0; i < lines.length; i += perStatement) {
    const chunk = lines.slice(i, i + perStatement);
    const values: unknown[] = [];
    chunk.forEach((l, j) =>
      values.push(
        quoteId, i + j, l.line_key, l.kind, l.parent_key, l.product_id, l.sku, l.name, l.description, l.quantity_milli, l.unit,
        l.list_price_minor, l.unit_price_minor, l.discount_kind, l.discount_value, l.tax_class_id, l.tax_rate_milli, l.net_minor,
      ),
    );
    await sql.run(`INSERT INTO quote_lines (${cols.join(', ')}) VALUES ${chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`, values);
  }
}

async function checkPriceBook(sql: Sql, priceBookId: number | null, currency: string, path: string): Promise<void> {
  if (priceBookId === null) return;
  const book = await sql.get<{ name: string; currency: string; active: number }>(`SELECT name, currency, active FROM price_books WHERE id = ?`, [priceBookId]);
  const fail = (message: string) => new CrmError('validation', message, [{ path, message }]);
  if (!book) throw fail(`There is no price book with id ${priceBookId}.`);
  if (book.currency !== currency) throw fail(`${book.name} is in ${book.currency}, but the opportunity is in ${currency}.`);
}

async function taxRateOf(sql: Sql, taxClassId: number | null, path: string): Promise<number | null> {
  if (taxClassId === null) return null;
  const row = await sql.get<{ rate_milli: number }>(`SELECT rate_milli FROM tax_classes WHERE id = ?`, [taxClassId]);
  if (!row) throw new CrmError('validation', `There is no tax class with id ${taxClassId}.`, [{ path, message: 'Unknown tax class' }]);
  return row.rate_milli;
}

/** The next quote number, from a counter kept in the same transaction as the insert, so two quotes never share one. */
async function nextNumber(sql: Sql, prefix: string, now: string): Promise<string> {
  const row = await sql.get<{ value: string }>(`SELECT value FROM app_settings WHERE key = 'quotes.sequence'`);
  const next = (row ? Number(JSON.parse(row.value)) || 0 : 0) + 1;
  await sql.run(
    `INSERT INTO app_settings (key, value, updated_at) VALUES ('quotes.sequence', ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [JSON.stringify(next), now],
  );
  return `${prefix}${String(next).padStart(6, '0')}`;
}
