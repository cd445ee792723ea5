import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { MovePreview, TerritoryRule } from '../../../../../shared/contract/territories';
import { countMatches } from './count-matches';
import { loadRecords } from './load';
import { dropMovesTable } from './move-table';
import { planMoves, type MovePlan, type Planned, type Progress, type RecordSource } from './plan-moves';
import type { AssignableRecord, RuleField } from './territory-model';
import { pauseGridGeneration } from '../../../db/migrations/grid-generation-triggers';
import { withoutRowByRowForeignKeys } from './reference-checks';
import { undoBatch } from './undo-batch';
import { writeMoves } from './write-moves';

interface KeptPlan extends Planned {
  token: string;
  key: string;
  at: string;
}

const planKey = (plan: MovePlan) => (plan.kind === 'realignment' ? 'realignment' : JSON.stringify([plan.kind, plan.userId, plan.toUserId, plan.deactivate]));

/**
 * Bulk moves on one long-lived connection (the assignment worker's). It keeps
 * the last preview's plan, moves table included, so an apply that brings the
 * preview's token writes exactly what was shown without planning again, as
 * long as nothing was committed since: SQLite's data_version tells of other
 * connections' commits, a counter of this one's. Otherwise apply plans anew,
 * as it would without a token. The records a plan or a rule count reads are
 * kept on the same terms.
 */
export class MoveSession {
  private kept: KeptPlan | null = null;
  private cache: { at: string; fields: ReadonlySet<RuleField>; records: AssignableRecord[] } | null = null;
  private ownWrites = 0;

  constructor(private readonly db: Database) {}

  /** Inside a transaction: the snapshot it reads. Equal values mean equal data. */
  private snapshot(): string {
    return `${this.db.pragma('data_version', { simple: true }) as number}:${this.ownWrites}`;
  }

  private readonly records: RecordSource = (fields) => {
    const at = this.snapshot();
    const kept = this.cache;
    if (kept?.at === at && [...fields].every((f) => kept.fields.has(f))) return kept.records;
    // A rule editor adds fields one by one: read what was kept plus what is asked, so the next keystroke finds it.
    const wanted = new Set([...fields, ...(kept?.at === at ? kept.fields : [])]);
    this.cache = { at, fields: wanted, records: loadRecords(this.db, { fields: wanted }) };
    return this.cache.records;
  };

  preview(plan: MovePlan, progress?: Progress): MovePreview {
    this.kept = null;
    this.db.exec('BEGIN');
    try {
      const at = this.snapshot();
      const planned = planMoves(this.db, plan, progress, this.records);
      // Only the temp moves table was written: committing keeps it for the apply and leaves the database as it was.
      this.db.exec('COMMIT');
      this.kept = { ...planned, token: randomUUID(), key: planKey(plan), at };
      progress?.('Planned', planned.summary.total, planned.summary.total);
      return { ...planned.summary, previewToken: this.kept.token };
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  /**
   * Moves the records in one write transaction, taken first so what it reads
   * is what it changes: the previewed plan when the token is still good, else
   * a new one. All of it or nothing.
   */
  apply(plan: MovePlan, previewToken: string | undefined, by: { userId: number; now: string }, progress?: Progress): { batchId: number; total: number; reused: boolean } {
    const kept = this.kept;
    this.kept = null;
    return withoutRowByRowForeignKeys(this.db, () => this.applyInTransaction(plan, kept, previewToken, by, progress));
  }

  private applyInTransaction(plan: MovePlan, kept: KeptPlan | null, previewToken: string | undefined, by: { userId: number; now: string }, progress?: Progress) {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const reused = kept !== null && previewToken === kept.token && kept.key === planKey(plan) && kept.at === this.snapshot();
      const planned = reused ? kept : planMoves(this.db, plan, progress, this.records);
      const total = planned.summary.total;
      const resumeGridGeneration = pauseGridGeneration(this.db);
      const batchId = writeMoves(this.db, planned.batch, by, (label) => progress?.(label, 0, total));
      resumeGridGeneration();
      dropMovesTable(this.db);
      this.db.exec('COMMIT');
      this.ownWrites++;
      progress?.('Moved', total, total);
      return { batchId, total, reused };
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  undo(batchId: number, by: { userId: number; now: string }, progress?: Progress): { restored: number } {
    this.kept = null;
    const result = withoutRowByRowForeignKeys(this.db, () => undoBatch(this.db, batchId, by, progress));
    this.ownWrites++;
    return result;
  }

  countMatches(parentId: number | null, rules: TerritoryRule[]): { accounts: number; leads: number } {
    this.db.exec('BEGIN');
    try {
      return countMatches(this.db, parentId, rules, this.records);
    } finally {
      this.db.exec('COMMIT');
    }
  }

  private rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}
