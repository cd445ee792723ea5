import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { CrmErrorShape } from '../../shared/errors';
import { openHost, type Host } from '../../electron/main/host/host';

export function tempDir(prefix = 'crm-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-01T09:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export interface TestHost extends Host {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  fail(method: MethodName, input: unknown): Promise<CrmErrorShape>;
  file: string;
  clock: ReturnType<typeof manualClock>;
}

/**
 * A real SQLite file in a temp folder, migrated, with a manual clock (from `start`). `background: false` opens it
 * without the job runner and the other background work, as the admin CLI does.
 */
export async function tempHost(options: { start?: string; background?: boolean } = {}): Promise<TestHost> {
  const file = join(tempDir(), 'crm.sqlite');
  const clock = manualClock(options.start);
  const host = await openHost({
    database: file,
    now: clock.now,
    defaultUserName: 'Test Admin',
    log: () => undefined,
    ...(options.background === false ? { background: false } : {}),
  });
  return Object.assign(host, {
    file,
    clock,
    async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      const result = await host.dispatch(method, input, host.session);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.data as Output<M>;
    },
    async fail(method: MethodName, input: unknown): Promise<CrmErrorShape> {
      const result = await host.dispatch(method, input, host.session);
      if (result.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(result.data)}`);
      return result.error;
    },
  });
}

/** Every row of every table, for "nothing was written" checks. */
export async function snapshot(host: Host): Promise<Record<string, unknown[]>> {
  const tables: { name: string }[] = await host.dataSource.query(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    // FTS5's shadow tables are WITHOUT ROWID; their natural order is their key.
    out[name] = await host.dataSource.query(`SELECT * FROM "${name}" ORDER BY rowid`).catch(() => host.dataSource.query(`SELECT * FROM "${name}"`));
  }
  return out;
}
