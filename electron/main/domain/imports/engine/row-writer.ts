import type { Database, Statement } from 'better-sqlite3';
import { AccountInput } from '../../../../../shared/contract/accounts';
import { accountColumns } from '../../accounts/account.mapper';
import type { ColumnValues } from '../../records/record-store';
import type { RelatedRow, RowPlan, TargetHandler } from '../targets/target';
import { BatchedInserts, ColumnList, setColumn } from './batched-inserts';
import { ChangeLog } from './change-log';
import type { Lookups } from './lookups';
import { assertRowsReferToExisting, ReferenceCheck } from './reference-check';
import type { UndoRow } from './undo-import';

export interface WriteContext {
  importId: number;
  userId: number;
  now: string;
  /**
   * New records written this many to an INSERT. Only a create-only,
   * all-or-nothing import of a target without related rows batches: there no
   * row reads a record the file created, and a row that cannot be written ends
   * the import anyway; skip-and-report needs each row written at once.
   */
  batch: number;
  /** The connection checks no foreign keys row by row: the writer notes what its rows refer to, for `checkReferences`. */
  referencesOnce: boolean;
}

/**
 * Carries out row plans with prepared statements (an import writes at
 * better-sqlite3 speed, not through the ORM) and logs each change for undo.
 */
export class RowWriter {
  private readonly inserts = new Map<string, Statement>();
  private readonly statements = new Map<string, Statement>();
  private readonly created: BatchedInserts;
  private readonly changes: ChangeLog;
  private readonly addKey: Statement;
  private readonly hasKey: Statement;
  /** Accounts or leads created without an owner in the file: the territory rules assign them before commit. */
  readonly toAssign: number[] = [];
  /** What `toAssign` holds, for the territory rules. */
  readonly assignAs: 'account' | 'lead';
  /** Batched rows' references, checked once per value before the commit (the import runs without row-by-row checks). */
  private readonly references: ReferenceCheck | null;
  /** Accounts a contacts file named and the import created, one at a time. */
  private readonly createdAccounts: number[] = [];

  constructor(
    private readonly db: Database,
    private readonly target: TargetHandler,
    private readonly lookups: Lookups,
    private readonly ctx: WriteContext,
  ) {
    this.created = new BatchedInserts(db, target.table, ctx.batch, this.stamp());
    this.changes = new ChangeLog(db, ctx.importId, ctx.batch);
    this.addKey = db.prepare(`INSERT INTO record_keys (entity, kind, key, record_id) VALUES (?, 'external', ?, ?)`);
    this.hasKey = db.prepare(`SELECT 1 FROM record_keys WHERE entity = ? AND kind = 'external' AND key = ? AND record_id = ?`).pluck();
    this.assignAs = target.entity === 'lead' ? 'lead' : 'account';
    this.references = ctx.referencesOnce ? new ReferenceCheck(db, target.table) : null;
    this.references?.note(this.stamp());
  }

  /** Returns whether the row changed anything ('unchanged' plans and updates to equal values do not). */
  write(plan: RowPlan, line: number | null = null): { id: number; changed: boolean } {
    if (plan.action === 'unchanged') return { id: plan.id, changed: false };
    if (plan.action === 'create') {
      const { columns } = plan;
      if (plan.newAccount !== null) {
        const account = this.createAccount(plan.newAccount);
        setColumn(columns, 'account_id', account.id);
        if (plan.ownerFromRules) setColumn(columns, 'owner_id', account.ownerId);
      }
      this.references?.note(columns);
      const id = this.created.add(columns, line);
      if (plan.externalId !== null) {
        this.addKey.run(this.target.entity, plan.externalId, id);
        this.lookups.rememberExternal(this.target.entity, plan.externalId, id);
      }
      if (plan.emails) this.lookups.rememberEmails(plan.emails, id);
      if (this.target.entity === 'account' && !(columns instanceof ColumnList)) this.lookups.rememberAccount(String(columns.name), id);
      if (plan.ownerFromRules && this.target.entity === this.assignAs) this.toAssign.push(id);
      // A created record goes to the recycle bin on undo: its related rows stay with it, as they do when a person deletes it.
      this.writeRelated(plan.related, id);
      // Last: only a row written in full joins the run (a failing one is rolled back to its savepoint).
      this.changes.createdInRun(this.target.entity, id);
      return { id, changed: true };
    }
    const before: ColumnValues & { __key?: string; __rows?: UndoRow[] } = { ...plan.before };
    const keyAdded = plan.externalId !== null && !this.hasKey.get(this.target.entity, plan.externalId, plan.id);
    if (keyAdded) {
      this.addKey.run(this.target.entity, plan.externalId, plan.id);
      before.__key = plan.externalId!;
    }
    const related = this.writeRelated(plan.related, plan.id);
    if (related.length) before.__rows = related;
    const cols = Object.keys(plan.columns);
    if (cols.length === 0 && !keyAdded && related.length === 0) return { id: plan.id, changed: false };
    if (cols.length) {
      this.db
        .prepare(`UPDATE ${this.target.table} SET ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`)
        .run(...cols.map((c) => plan.columns[c]), this.ctx.now, this.ctx.userId, plan.id);
      if (plan.columns.name !== undefined && this.target.entity === 'account') this.lookups.rememberAccount(String(plan.columns.name), plan.id);
    }
    this.changes.updated(this.target.entity, plan.id, JSON.stringify(before));
    return { id: plan.id, changed: true };
  }

  /** Writes what is still queued: before the import reads back what it wrote, and before it commits. */
  flush(): void {
    this.created.flush();
    this.changes.flush();
  }

  /**
   * With `referencesOnce`, throws when anything the import wrote refers to a
   * row that does not exist: its new records (by the values noted), the
   * accounts it created on the way (after the rules gave them an owner) and
   * its own history row. After the last write, before the commit.
   */
  checkReferences(importId: number): void {
    if (!this.references) return;
    this.references.assertAllExist();
    assertRowsReferToExisting(this.db, 'accounts', this.createdAccounts);
    assertRowsReferToExisting(this.db, 'imports', [importId]);
  }

  /** What every new record gets besides its own columns: its version, and who created it when. */
  private stamp(): ColumnValues {
    return { version: 1, created_at: this.ctx.now, created_by_id: this.ctx.userId, updated_at: this.ctx.now, updated_by_id: this.ctx.userId };
  }

  /** Adds or changes the rows that go with a record; returns how to take each back. */
  private writeRelated(rows: RelatedRow[] | undefined, recordId: number): UndoRow[] {
    const undo: UndoRow[] = [];
    for (const r of rows ?? []) {
      if (r.id === null) {
        const cols = [...Object.keys(r.values), r.recordColumn];
        const id = this.statement(`INSERT INTO ${r.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(r.values), recordId).lastInsertRowid;
        undo.push({ table: r.table, id: Number(id), before: null });
      } else {
        const cols = Object.keys(r.values);
        this.statement(`UPDATE ${r.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(r.values), r.id);
        undo.push({ table: r.table, id: r.id, before: r.before });
      }
    }
    return undo;
  }

  /** A contact's account the file names but the office does not have yet; assigned by the rules at once, so the contact can take its owner. */
  private createAccount(name: string): { id: number; ownerId: number } {
    const known = this.lookups.accountByName(name);
    if (known.kind === 'one') return { id: known.id, ownerId: this.db.prepare(`SELECT owner_id FROM accounts WHERE id = ?`).pluck().get(known.id) as number };
    const id = this.insert('accounts', accountColumns({ ...AccountInput.parse({ name }), ownerId: this.ctx.userId }));
    this.changes.created('account', id);
    this.createdAccounts.push(id);
    this.lookups.rememberAccount(name, id);
    this.onAccountCreated(id);
    return { id, ownerId: this.db.prepare(`SELECT owner_id FROM accounts WHERE id = ?`).pluck().get(id) as number };
  }

  /** Set by the run: assigns an account created on the fly (the rules are read per call; such accounts are few). */
  onAccountCreated: (id: number) => void = () => undefined;

  /** A record of another table than the import's (a contact's new account), written at once. */
  private insert(table: string, values: ColumnValues): number {
    const row = { ...values, ...this.stamp() };
    const cols = Object.keys(row);
    const signature = `${table}:${cols.join(',')}`;
    let statement = this.inserts.get(signature);
    if (!statement) {
      statement = this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      this.inserts.set(signature, statement);
    }
    return Number(statement.run(...cols.map((c) => row[c])).lastInsertRowid);
  }

  /** Related rows' statements, prepared once per distinct SQL. */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
