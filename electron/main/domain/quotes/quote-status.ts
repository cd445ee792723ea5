import type { QuoteStatus, StatusChange } from '../../../../shared/contract/quotes';
import type { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';

export async function recordStatusChange(sql: Sql, quoteId: number, from: QuoteStatus | null, to: QuoteStatus, comment: string | null, ctx: Pick<CallContext, 'userId' | 'now'>): Promise<void> {
  await sql.run(`INSERT INTO quote_status_history (quote_id, from_status, to_status, comment, changed_at, changed_by_id) VALUES (?, ?, ?, ?, ?, ?)`, [
    quoteId,
    from,
    to,
    comment,
    ctx.now(),
    ctx.userId,
  ]);
}

export async function statusHistory(sql: Sql, quoteId: number): Promise<StatusChange[]> {
  const rows = await sql.all<{ id: number; from_status: QuoteStatus | null; to_status: QuoteStatus; comment: string | null; changed_at: string; changed_by_id: number; name: string }>(
    `SELECT h.id, h.from_status, h.to_status, h.comment, h.changed_at, h.changed_by_id, u.name
       FROM quote_status_history h JOIN users u ON u.id = h.changed_by_id WHERE h.quote_id = ? ORDER BY h.changed_at, h.id`,
    [quoteId],
  );
  return rows.map((r) => ({ id: r.id, from: r.from_status, to: r.to_status, comment: r.comment, at: r.changed_at, by: { id: r.changed_by_id, name: r.name } }));
}
