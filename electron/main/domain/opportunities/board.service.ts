import type { DataSource } from 'typeorm';
import type { Board, CurrencyTotal } from '../../../../shared/contract/opportunities';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import { weightedSql } from './opportunity.mapper';

/**
 * The kanban. Totals come from one GROUP BY over the pipeline (the
 * (pipeline_id, stage_id) index), cards from one bounded query per column:
 * never a query per card, so 50k open opportunities stay cheap.
 */
export class BoardService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async board(pipelineId: number, ownerId: number | undefined, limit: number): Promise<Board> {
    const pipeline = await this.sql.get<{ id: number; name: string }>(`SELECT id, name FROM pipelines WHERE id = ?`, [pipelineId]);
    if (!pipeline) throw new CrmError('not_found', `There is no pipeline with id ${pipelineId}.`);
    const stages = await this.sql.all<{ id: number; name: string; kind: 'open' | 'won' | 'lost'; probability: number }>(
      `SELECT id, name, kind, probability FROM pipeline_stages WHERE pipeline_id = ? AND active = 1 ORDER BY position, id`,
      [pipelineId],
    );
    const ownerClause = ownerId === undefined ? '' : 'AND op.owner_id = ?';
    const ownerParams = ownerId === undefined ? [] : [ownerId];
    const sums = await this.sql.all<{ stage_id: number; currency: string; n: number; amount: number; weighted: number }>(
      `SELECT op.stage_id, op.currency, COUNT(*) AS n, SUM(op.amount_minor) AS amount, SUM(${weightedSql('op.amount_minor', 'op.probability')}) AS weighted
         FROM opportunities op
        WHERE op.pipeline_id = ? AND op.deleted_at IS NULL ${ownerClause}
        GROUP BY op.stage_id, op.currency
        ORDER BY op.stage_id, op.currency`,
      [pipelineId, ...ownerParams],
    );
    const columns = [];
    for (const stage of stages) {
      const totals: CurrencyTotal[] = sums
        .filter((s) => s.stage_id === stage.id)
        .map((s) => ({ currency: s.currency, count: s.n, amountMinor: Number(s.amount), weightedMinor: Number(s.weighted) }));
      // Dated cards first, in the (pipeline, stage, expected close, id) index's own order, then undated
      // ones: two index walks that stop at the limit instead of sorting a whole column.
      const page = (dated: boolean, max: number) =>
        this.sql.all<Record<string, any>>(
          `SELECT op.id, op.version, op.name, op.amount_minor, op.currency, op.probability, op.owner_id, o.name AS owner_name, op.expected_close_date,
                  (SELECT a.name FROM accounts a WHERE a.id = op.account_id AND a.deleted_at IS NULL) AS account_name
             FROM opportunities op JOIN users o ON o.id = op.owner_id
            WHERE op.pipeline_id = ? AND op.stage_id = ? AND op.deleted_at IS NULL
              AND op.expected_close_date IS ${dated ? 'NOT NULL' : 'NULL'} ${ownerClause}
            ORDER BY op.expected_close_date, op.id
            LIMIT ?`,
          [pipelineId, stage.id, ...ownerParams, max],
        );
      const cards = await page(true, limit);
      if (cards.length < limit) cards.push(...(await page(false, limit - cards.length)));
      columns.push({
        stage,
        count: totals.reduce((n, t) => n + t.count, 0),
        totals,
        cards: cards.map((r) => ({
          id: r.id,
          version: r.version,
          name: r.name,
          accountName: r.account_name ?? null,
          amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
          probability: r.probability,
          owner: { id: r.owner_id, name: r.owner_name },
          expectedCloseDate: r.expected_close_date,
        })),
      });
    }
    return { pipeline, columns };
  }
}
