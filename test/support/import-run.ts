import { Sql } from '../../electron/main/db/sql';
import type { Input } from '../../shared/contract';
import type { ImportTarget } from '../../shared/imports/fields';
import { upload } from './import-upload';
import type { TestHost } from './temp-host';

type RunInput = Input<'imports.run'>;

/** Drives imports of one target through dispatch as the wizard does: upload, inspect (the suggested mapping), then preview or run. */
export function importer(host: () => TestHost, target: ImportTarget) {
  const inspect = async (bytes: Buffer, name = `${target}.csv`) => {
    const fileId = await upload(host(), bytes, name);
    const info = await host().call('imports.inspect', { fileId, target });
    return { fileId, info, spec: { fileId, target, encoding: info.encoding, delimiter: info.delimiter, columns: info.columns } };
  };
  return {
    inspect,
    run: async (bytes: Buffer, extra: Partial<RunInput> = {}) => host().call('imports.run', { ...(await inspect(bytes)).spec, ...extra }),
    fail: async (bytes: Buffer, extra: Partial<RunInput> = {}) => host().fail('imports.run', { ...(await inspect(bytes)).spec, ...extra }),
    preview: async (bytes: Buffer, extra: Partial<RunInput> = {}) => (await host().call('imports.preview', { ...(await inspect(bytes)).spec, ...extra })).rows,
  };
}

export const rowsOf = (host: TestHost, sql: string, params: unknown[] = []) => new Sql(host.dataSource).all<Record<string, unknown>>(sql, params);

export async function addUser(host: TestHost, name: string, email: string | null = null, role = 'sales_rep'): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  const { lastId } = await new Sql(host.dataSource).run(`INSERT INTO users (name, email, role, active, capacity, created_at, updated_at) VALUES (?, ?, ?, 1, 100, ?, ?)`, [
    name,
    email,
    role,
    now,
    now,
  ]);
  return lastId;
}

/** A row without what any write changes (version, update stamps, recycle-bin stamps): for "restored exactly" checks. */
export function contentOf(row: Record<string, unknown>): Record<string, unknown> {
  const { version: _v, updated_at: _u, updated_by_id: _b, deleted_at: _d, deleted_by_id: _db, ...rest } = row;
  return rest;
}
