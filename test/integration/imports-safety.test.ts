import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import { snapshot, tempDir, tempHost, type TestHost } from '../support/temp-host';
import { upload } from '../support/import-upload';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

/** A contacts file of `rows` rows, written as a stream. */
async function bigFile(rows: number): Promise<string> {
  const path = join(tempDir(), 'big.csv');
  const out = createWriteStream(path);
  out.write('First Name,Last Name,Email,City\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(`Person,Number ${i},person${i}@example.com,Town ${i % 100}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}

const COLUMNS = ['firstName', 'lastName', 'email', 'city'];

describe('an import never leaves half a file behind', () => {
  it('a cancel rolls the whole import back and says so in the history', async () => {
    const fileId = await upload(host, await bigFile(150_000), 'big.csv', 4 << 20);
    const taskId = crypto.randomUUID();
    let cancelled = false;
    const unsubscribe = host.events.subscribe((event, payload) => {
      const p = payload as { taskId: string; done: number };
      if (event === 'progress' && p.taskId === taskId && p.done > 0 && !cancelled) {
        cancelled = true;
        void host.call('imports.cancel', { taskId });
      }
    });
    const result = await host.call('imports.run', { fileId, target: 'contacts', encoding: 'utf-8', delimiter: ',', columns: COLUMNS, taskId });
    unsubscribe();
    expect(cancelled).toBe(true);
    expect(result).toMatchObject({ status: 'cancelled', message: 'Cancelled: nothing of this import was kept.' });
    expect(result.counts.rows).toBeGreaterThan(0);
    expect(result.counts.rows).toBeLessThan(150_000);
    expect(await new Sql(host.dataSource).all(`SELECT COUNT(*) AS n FROM contacts`)).toEqual([{ n: 0 }]);
    expect((await host.call('imports.history', {}))[0]).toMatchObject({ status: 'cancelled' });
    expect(await host.call('imports.cancel', { taskId })).toEqual({ cancelled: false });
  });

  it('a process killed in the middle of an import leaves the database as it was', async () => {
    await host.call('contacts.create', { lastName: 'Before', emails: [{ address: 'before@example.com' }] });
    const path = await bigFile(200_000);
    const before = await snapshot(host);
    await host.close();

    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../support/import-child.ts'), host.file, path, JSON.stringify(COLUMNS)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killedAt = await new Promise<string>((resolveKill, reject) => {
      let buffer = '';
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const rows = [...buffer.matchAll(/progress \d+ Importing: ([\d,]+) rows/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
        const last = rows.at(-1) ?? 0;
        if (last >= 20_000) {
          child.kill('SIGKILL');
          resolveKill(String(last));
        }
        if (buffer.includes('done')) reject(new Error('The import finished before it could be killed'));
      });
      child.on('exit', (code) => code !== null && reject(new Error(`The child exited (${code}) before it was killed: ${stderr}`)));
    });
    await new Promise((r) => child.once('exit', r));
    expect(Number(killedAt)).toBeGreaterThanOrEqual(20_000);

    host = Object.assign(await tempHostAt(host.file), {});
    expect(await host.dataSource.query(`PRAGMA integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
    expect(await snapshot(host)).toEqual(before);
  });
});

/** Reopens an existing file the way the app does (its WAL is recovered on open). */
async function tempHostAt(file: string): Promise<TestHost> {
  const { openHost } = await import('../../electron/main/host/host');
  const reopened = await openHost({ database: file, log: () => undefined });
  return Object.assign(reopened, { file, clock: host.clock, call: host.call, fail: host.fail }) as unknown as TestHost;
}
