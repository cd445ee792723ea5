import type { EntityManager } from 'typeorm';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';

export interface RecordQuery<R> {
  /** The record's full SELECT, without a WHERE. */
  select: string;
  /** The id column in that SELECT, e.g. `a.id`. */
  idColumn: string;
  /** For the not-found message: "account", "contact". */
  noun: string;
  fromRow: (row: Record<string, any>) => R;
}

/** One record by id, read inside the caller's transaction when there is one (a write returns what it wrote). */
export async function loadRecord<R>(fallback: Sql, em: EntityManager | undefined, q: RecordQuery<R>, id: number): Promise<R> {
  const row = await (em ? new Sql(em) : fallback).get<Record<string, unknown>>(`${q.select} WHERE ${q.idColumn} = ?`, [id]);
  if (!row) throw new CrmError('not_found', `There is no ${q.noun} with id ${id}.`);
  return q.fromRow(row);
}
