import type { EntityManager } from 'typeorm';
import type { AuditedEntity } from '../../../../shared/contract/audit';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { writeAudit } from '../audit/audit.service';

/** Column values as stored: snake_case keys, booleans as 0/1, JSON as text. */
export type ColumnValues = Record<string, string | number | null>;

export interface RecordTable {
  table: 'accounts' | 'contacts' | 'leads' | 'opportunities' | 'activities' | 'products' | 'quotes';
  entity: AuditedEntity;
  /** For messages: "account", "contact". */
  noun: string;
  /** Columns computed from others (sort keys, mirrors): stored, but not history a person reads. */
  derived: readonly string[];
}

function audited(t: RecordTable, changes: [string, unknown[]][]): Record<string, unknown[]> {
  return Object.fromEntries(changes.filter(([column]) => !t.derived.includes(column)));
}

interface StoredMeta {
  id: number;
  version: number;
  deleted_at: string | null;
  updated_by_name: string;
}

async function loadMeta(sql: Sql, t: RecordTable, id: number): Promise<StoredMeta | undefined> {
  return sql.get<StoredMeta>(
    `SELECT r.id, r.version, r.deleted_at, u.name AS updated_by_name FROM ${t.table} r JOIN users u ON u.id = r.updated_by_id WHERE r.id = ?`,
    [id],
  );
}

export async function insertRecord(em: EntityManager, t: RecordTable, values: ColumnValues, ctx: CallContext): Promise<number> {
  const now = ctx.now();
  const row: ColumnValues = {
    ...values,
    version: 1,
    created_at: now,
    created_by_id: ctx.userId,
    updated_at: now,
    updated_by_id: ctx.userId,
  };
  const cols = Object.keys(row);
  const sql = new Sql(em);
  const { lastId } = await sql.run(
    `INSERT INTO ${t.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    cols.map((c) => row[c]),
  );
  const changes = audited(t, Object.entries(values).filter(([, v]) => v !== null).map(([k, v]) => [k, [null, v]]));
  await writeAudit(em, { entity: t.entity, recordId: lastId, action: 'create', changes, userId: ctx.userId, at: now });
  return lastId;
}

/**
 * Writes only the columns whose value differs, bumps the version and audits
 * old → new. A save based on an older version is refused, never merged.
 */
export async function updateRecord(
  em: EntityManager,
  t: RecordTable,
  id: number,
  expectedVersion: number,
  values: ColumnValues,
  ctx: CallContext,
): Promise<{ changed: string[] }> {
  const sql = new Sql(em);
  const cols = Object.keys(values);
  const current = await sql.get<Record<string, unknown> & StoredMeta>(
    `SELECT r.id, r.version, r.deleted_at, u.name AS updated_by_name${cols.map((c) => `, r.${c}`).join('')}
       FROM ${t.table} r JOIN users u ON u.id = r.updated_by_id WHERE r.id = ?`,
    [id],
  );
  if (!current || current.deleted_at) throw new CrmError('not_found', `This ${t.noun} no longer exists (it may have been deleted).`);
  if (current.version !== expectedVersion) throw staleVersion(t, current);
  const changed = cols.filter((c) => current[c] !== values[c]);
  if (!changed.length) return { changed };
  const now = ctx.now();
  const { changes } = await sql.run(
    `UPDATE ${t.table} SET ${changed.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by_id = ?
      WHERE id = ? AND version = ?`,
    [...changed.map((c) => values[c]), now, ctx.userId, id, expectedVersion],
  );
  if (changes !== 1) throw staleVersion(t, (await loadMeta(sql, t, id)) ?? current);
  await writeAudit(em, {
    entity: t.entity,
    recordId: id,
    action: 'update',
    changes: audited(t, changed.map((c) => [c, [current[c] ?? null, values[c]]])),
    userId: ctx.userId,
    at: now,
  });
  return { changed };
}

function staleVersion(t: RecordTable, current: StoredMeta): CrmError {
  return new CrmError(
    'conflict',
    `${current.updated_by_name} saved this ${t.noun} after you opened it (it is now at version ${current.version}). ` +
      'Reload to see their changes, then make yours again.',
  );
}

export async function softDelete(em: EntityManager, t: RecordTable, id: number, ctx: CallContext) {
  const sql = new Sql(em);
  const now = ctx.now();
  const { changes } = await sql.run(
    `UPDATE ${t.table} SET deleted_at = ?, deleted_by_id = ?, version = version + 1, updated_at = ?, updated_by_id = ?
      WHERE id = ? AND deleted_at IS NULL`,
    [now, ctx.userId, now, ctx.userId, id],
  );
  if (changes !== 1) throw new CrmError('not_found', `There is no ${t.noun} with id ${id} to delete.`);
  await writeAudit(em, { entity: t.entity, recordId: id, action: 'delete', changes: { deleted_at: [null, now] }, userId: ctx.userId, at: now });
  const { version } = (await sql.get<{ version: number }>(`SELECT version FROM ${t.table} WHERE id = ?`, [id]))!;
  return { id, version, deletedAt: now };
}

export async function restoreRecord(em: EntityManager, t: RecordTable, id: number, ctx: CallContext): Promise<void> {
  const sql = new Sql(em);
  const row = await sql.get<{ deleted_at: string | null }>(`SELECT deleted_at FROM ${t.table} WHERE id = ?`, [id]);
  if (!row) throw new CrmError('not_found', `There is no ${t.noun} with id ${id}.`);
  if (!row.deleted_at) throw new CrmError('conflict', `This ${t.noun} is not in the recycle bin.`);
  const now = ctx.now();
  await sql.run(
    `UPDATE ${t.table} SET deleted_at = NULL, deleted_by_id = NULL, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`,
    [now, ctx.userId, id],
  );
  await writeAudit(em, { entity: t.entity, recordId: id, action: 'restore', changes: { deleted_at: [row.deleted_at, null] }, userId: ctx.userId, at: now });
}

/** A referenced record must exist and not be in the recycle bin. */
export async function assertLive(em: EntityManager, table: 'accounts' | 'contacts' | 'leads' | 'opportunities' | 'users', id: number, path: string, label: string): Promise<void> {
  const sql = new Sql(em);
  const row =
    table === 'users'
      ? await sql.get(`SELECT 1 FROM users WHERE id = ? AND active = 1`, [id])
      : await sql.get(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) throw new CrmError('validation', `${label} ${id} does not exist`, [{ path, message: `${label} does not exist` }]);
}
