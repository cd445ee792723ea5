import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ForecastQuery, ForecastSummary, Quota, WinLoss, WinLossQuery, WinLossStats } from '../../../../shared/contract/opportunities';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { weightedSql } from './opportunity.mapper';

type PeriodKind = 'month' | 'quarter';

/** The SQL period key of an ISO date or timestamp column: '2026-03' or '2026-Q1'. */
function periodSql(kind: PeriodKind, column: string): string {
  return kind === 'month' ? `substr(${column}, 1, 7)` : `substr(${column}, 1, 4) || '-Q' || ((CAST(substr(${column}, 6, 2) AS INTEGER) + 2) / 3)`;
}

export function periodOf(kind: PeriodKind, isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return kind === 'month' ? isoDate.slice(0, 7) : `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Every period touching [from, to], in order. */
export function periodsBetween(kind: PeriodKind, from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = periodOf(kind, to);
  for (let guard = 0; guard < 12 * 200; guard++) {
    const p = periodOf(kind, `${y}-${String(m).padStart(2, '0')}-01`);
    if (out[out.length - 1] !== p) out.push(p);
    if (p === last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const roundHalfAway = (x: number) => (x >= 0 ? Math.floor(x + 0.5) : -Math.floor(-x + 0.5));

interface Figures {
  pipelineMinor: number;
  weightedMinor: number;
  bestCaseMinor: number;
  commitMinor: number;
  closedWonMinor: number;
  quotaMinor: number | null;
}

const zero = (): Figures => ({ pipelineMinor: 0, weightedMinor: 0, bestCaseMinor: 0, commitMinor: 0, closedWonMinor: 0, quotaMinor: null });

export class ForecastService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  // ---- quotas ----------------------------------------------------------------

  async setQuota(em: EntityManager, input: { userId: number; period: string; amount: { amountMinor: number; currency: string } }, ctx: CallContext): Promise<Quota> {
    const sql = new Sql(em);
    const user = await sql.get(`SELECT 1 FROM users WHERE id = ?`, [input.userId]);
    if (!user) throw new CrmError('validation', `User ${input.userId} does not exist`, [{ path: 'userId', message: 'User does not exist' }]);
    await sql.run(
      `INSERT INTO quotas (user_id, period, amount_minor, currency, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, period) DO UPDATE SET amount_minor = excluded.amount_minor, currency = excluded.currency, updated_at = excluded.updated_at`,
      [input.userId, input.period, input.amount.amountMinor, input.amount.currency, ctx.now()],
    );
    return (await this.quotas({ userId: input.userId, period: input.period }, sql))[0]!;
  }

  async quotas(q: { userId?: number | undefined; year?: number | undefined; period?: string }, sql = this.sql): Promise<Quota[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.userId !== undefined) {
      where.push('q.user_id = ?');
      params.push(q.userId);
    }
    if (q.year !== undefined) {
      where.push('q.period LIKE ?');
      params.push(`${q.year}-%`);
    }
    if (q.period !== undefined) {
      where.push('q.period = ?');
      params.push(q.period);
    }
    const rows = await sql.all<Record<string, any>>(
      `SELECT q.*, u.name AS user_name FROM quotas q JOIN users u ON u.id = q.user_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.name, q.user_id, q.period`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      user: { id: r.user_id, name: r.user_name },
      period: r.period,
      amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
      updatedAt: r.updated_at,
    }));
  }

  /**
   * Stage ids by kind, from the small stages table: the report queries then
   * filter on the opportunities' own covering indexes (stage_id is in them)
   * instead of joining a stage row for each of tens of thousands of deals.
   */
  private async stagesByKind(): Promise<Record<'open' | 'won' | 'lost', number[]>> {
    const out: Record<'open' | 'won' | 'lost', number[]> = { open: [], won: [], lost: [] };
    for (const s of await this.sql.all<{ id: number; kind: 'open' | 'won' | 'lost' }>(`SELECT id, kind FROM pipeline_stages`)) out[s.kind]?.push(s.id);
    return out;
  }

  // ---- forecast --------------------------------------------------------------

  /**
   * Open opportunities count in the period of their expected close date (open
   * ones without one are left out); won ones in the period they were closed.
   * Open omitted opportunities count nowhere (won ones always count as closed
   * won). Only the requested currency is
   * read: there is no FX conversion yet.
   */
  async summary(q: z.output<typeof ForecastQuery>): Promise<ForecastSummary> {
    const periods = periodsBetween(q.period, q.from, q.to);
    const stages = await this.stagesByKind();
    const owner = q.ownerId === undefined ? '' : 'AND op.owner_id = ?';
    const ownerParams = q.ownerId === undefined ? [] : [q.ownerId];
    const open = await this.sql.all<{ owner_id: number; period: string; category: string; amount: number; weighted: number }>(
      `SELECT op.owner_id, ${periodSql(q.period, 'op.expected_close_date')} AS period, op.forecast_category AS category,
              SUM(op.amount_minor) AS amount, SUM(${weightedSql('op.amount_minor', 'op.probability')}) AS weighted
         FROM opportunities op
        WHERE op.deleted_at IS NULL AND op.stage_id IN (${stages.open.map(() => '?').join(', ')}) AND op.currency = ? AND op.forecast_category <> 'omitted'
          AND op.expected_close_date BETWEEN ? AND ? ${owner}
        GROUP BY 1, 2, 3`,
      [...stages.open, q.currency, q.from, q.to, ...ownerParams],
    );
    const won = await this.sql.all<{ owner_id: number; period: string; amount: number }>(
      `SELECT op.owner_id, ${periodSql(q.period, 'op.closed_at')} AS period, SUM(op.amount_minor) AS amount
         FROM opportunities op
        WHERE op.deleted_at IS NULL AND op.stage_id IN (${stages.won.map(() => '?').join(', ')}) AND +op.currency = ?
          AND op.closed_at >= ? AND op.closed_at < ? ${owner}
        GROUP BY 1, 2`,
      [...stages.won, q.currency, q.from, dayAfter(q.to), ...ownerParams],
    );
    const quotas = await this.sql.all<{ user_id: number; period: string; amount_minor: number }>(
      `SELECT user_id, period, amount_minor FROM quotas
        WHERE currency = ? AND period IN (${periods.map(() => '?').join(', ')}) ${q.ownerId === undefined ? '' : 'AND user_id = ?'}`,
      [q.currency, ...periods, ...ownerParams],
    );

    const cells = new Map<string, Figures & { ownerId: number; period: string }>();
    const cell = (ownerId: number, period: string) => {
      const key = `${ownerId}|${period}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { ...zero(), ownerId, period }));
      return c;
    };
    for (const r of open) {
      const c = cell(r.owner_id, r.period);
      const amount = Number(r.amount);
      c.pipelineMinor += amount;
      c.weightedMinor += Number(r.weighted);
      if (r.category === 'commit') {
        c.commitMinor += amount;
        c.bestCaseMinor += amount;
      } else if (r.category === 'best_case') c.bestCaseMinor += amount;
    }
    for (const r of won) {
      const c = cell(r.owner_id, r.period);
      const amount = Number(r.amount);
      c.closedWonMinor += amount;
      c.commitMinor += amount;
      c.bestCaseMinor += amount;
    }
    for (const r of quotas) cell(r.user_id, r.period).quotaMinor = Number(r.amount_minor);

    const ids = [...new Set([...cells.values()].map((c) => c.ownerId))];
    const names = new Map(
      (ids.length ? await this.sql.all<{ id: number; name: string }>(`SELECT id, name FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, ids) : []).map(
        (u) => [u.id, u.name],
      ),
    );
    const rows = [...cells.values()]
      .map(({ ownerId, ...f }) => ({ owner: { id: ownerId, name: names.get(ownerId) ?? '' }, ...f }))
      .sort((a, b) => a.owner.name.localeCompare(b.owner.name) || a.owner.id - b.owner.id || a.period.localeCompare(b.period));
    const totals = periods.map((period) => {
      const t = { period, ...zero() };
      for (const r of rows.filter((x) => x.period === period)) {
        t.pipelineMinor += r.pipelineMinor;
        t.weightedMinor += r.weightedMinor;
        t.bestCaseMinor += r.bestCaseMinor;
        t.commitMinor += r.commitMinor;
        t.closedWonMinor += r.closedWonMinor;
        if (r.quotaMinor !== null) t.quotaMinor = (t.quotaMinor ?? 0) + r.quotaMinor;
      }
      return t;
    });
    return { currency: q.currency, periods, rows, totals };
  }

  // ---- win/loss --------------------------------------------------------------

  /** Opportunities closed (won or lost) between from and to, by the date they were closed. */
  async winLoss(q: z.output<typeof WinLossQuery>): Promise<WinLoss> {
    const owner = q.ownerId === undefined ? '' : 'AND op.owner_id = ?';
    const params = [q.from, dayAfter(q.to), ...(q.ownerId === undefined ? [] : [q.ownerId])];
    const stages = await this.stagesByKind();
    const closed = [...stages.won, ...stages.lost];
    // One pass over the closings' covering index: the lost reasons come in the same groups.
    const rowsByGroup = await this.sql.all<{ owner_id: number; period: string; stage_id: number; currency: string; reason: string | null; n: number; amount: number; days: number }>(
      `SELECT op.owner_id, ${periodSql(q.period, 'op.closed_at')} AS period, op.stage_id, op.currency, op.lost_reason AS reason,
              COUNT(*) AS n, SUM(op.amount_minor) AS amount, SUM(julianday(op.closed_at) - julianday(op.created_at)) AS days
         FROM opportunities op
        WHERE op.deleted_at IS NULL AND op.stage_id IN (${closed.map(() => '?').join(', ')}) AND op.closed_at IS NOT NULL
          AND op.closed_at >= ? AND op.closed_at < ? ${owner}
        GROUP BY 1, 2, 3, 4, 5`,
      [...closed, ...params],
    );
    const won = new Set(stages.won);
    const groups = rowsByGroup.map((g) => ({ ...g, kind: won.has(g.stage_id) ? ('won' as const) : ('lost' as const) }));
    const reasons = groups.filter((g) => g.kind === 'lost' && g.reason !== null) as { owner_id: number; period: string; reason: string; n: number }[];

    type Acc = { won: number; lost: number; wonSum: Map<string, [number, number]>; days: number; reasons: Map<string, number> };
    const acc = (): Acc => ({ won: 0, lost: 0, wonSum: new Map(), days: 0, reasons: new Map() });
    const total = acc();
    const cells = new Map<string, Acc & { ownerId: number; period: string }>();
    const cell = (ownerId: number, period: string) => {
      const key = `${ownerId}|${period}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { ...acc(), ownerId, period }));
      return c;
    };
    for (const g of groups) {
      for (const a of [cell(g.owner_id, g.period), total]) {
        a[g.kind] += g.n;
        a.days += g.days;
        if (g.kind === 'won') {
          const [sum, n] = a.wonSum.get(g.currency) ?? [0, 0];
          a.wonSum.set(g.currency, [sum + Number(g.amount), n + g.n]);
        }
      }
    }
    for (const r of reasons) {
      for (const a of [cell(r.owner_id, r.period), total]) a.reasons.set(r.reason, (a.reasons.get(r.reason) ?? 0) + r.n);
    }
    const stats = (a: Acc): WinLossStats => {
      const closed = a.won + a.lost;
      return {
        won: a.won,
        lost: a.lost,
        winRatePercent: closed ? roundHalfAway((a.won * 100) / closed) : null,
        averageDealSize: [...a.wonSum.entries()]
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([currency, [sum, n]]) => ({ currency, amountMinor: roundHalfAway(sum / n) })),
        averageCycleDays: closed ? Math.round((a.days / closed) * 10) / 10 : null,
        lostReasons: [...a.reasons.entries()].map(([reason, count]) => ({ reason, count })).sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason)),
      };
    };
    const ids = [...new Set([...cells.values()].map((c) => c.ownerId))];
    const names = new Map(
      (ids.length ? await this.sql.all<{ id: number; name: string }>(`SELECT id, name FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, ids) : []).map(
        (u) => [u.id, u.name],
      ),
    );
    const rows = [...cells.values()]
      .map((c) => ({ owner: { id: c.ownerId, name: names.get(c.ownerId) ?? '' }, period: c.period, ...stats(c) }))
      .sort((a, b) => a.owner.name.localeCompare(b.owner.name) || a.owner.id - b.owner.id || a.period.localeCompare(b.period));
    return { totals: stats(total), rows };
  }
}

/**
 * The exclusive upper bound of a closing-date range: closed_at holds full ISO
 * times, so "up to 2026-12-31" is "before 2027-01-01" — a range an index serves,
 * where substr(closed_at, 1, 10) would read every row.
 */
function dayAfter(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}
