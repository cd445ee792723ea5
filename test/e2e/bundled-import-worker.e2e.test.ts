import { randomUUID } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { openHost } from '../../electron/main/host/host';
import type { ImportWorkerData, ImportWorkerMessage } from '../../electron/main/domain/imports/worker/import-job';
import { READER_THREAD_FROM_BYTES } from '../../electron/main/domain/imports/engine/run-import';
import { tempDir } from '../support/temp-host';

const bundle = resolve(__dirname, '../../out/main/import-worker.js');

it('the built import worker starts its reader thread from the bundle and imports a big file', async () => {
  expect(existsSync(bundle), 'run `npm run build` first').toBe(true);
  const dir = tempDir();
  const database = join(dir, 'office.sqlite');
  const host = await openHost({ database, defaultUserName: 'Ada Admin' });
  const userId = host.session.userId;
  await host.close();
  const rows = 80_000;
  const file = join(dir, 'contacts.csv');
  writeFileSync(file, ['First Name,Last Name,Email,Mailing Country', ...Array.from({ length: rows }, (_, i) => `Bo,Nguyen-${i},bo${i}@example.com,${i % 2 ? 'DE' : 'FR'}`)].join('\n'));
  // Big enough for the reader thread, so the bundle must hold its script too.
  expect(statSync(file).size).toBeGreaterThan(READER_THREAD_FROM_BYTES);
  const data: ImportWorkerData = {
    database,
    nativeBinding: null,
    job: {
      op: 'run',
      spec: { fileId: randomUUID(), format: 'csv', target: 'contacts', encoding: 'utf-8', delimiter: ',', columns: ['firstName', 'lastName', 'email', 'country'], mode: 'create', locale: 'en-US', currency: 'EUR', policy: 'all_or_nothing', createAccounts: false },
      file: { path: file, name: 'contacts.csv' },
      dryRun: false,
      userId,
      now: '2026-03-01T09:00:00.000Z',
    },
  };
  // Open through the import, so the worker's close is not the last one (which would copy the WAL in anyway).
  const watcher = new Database(database, { readonly: true });
  watcher.prepare(`SELECT count(*) FROM contacts`).get();
  const sizeBefore = statSync(database).size;
  const worker = new Worker(bundle, { workerData: data });
  const message = await new Promise<ImportWorkerMessage>((done, fail) => {
    worker.on('message', (m: ImportWorkerMessage) => m.type !== 'progress' && done(m));
    worker.on('error', fail);
  });
  await new Promise((ended) => worker.once('exit', ended));
  expect(message).toMatchObject({ type: 'done', result: { status: 'applied', counts: { rows, created: rows } } });
  // The worker copied the WAL into the database after answering: nothing else here checkpoints.
  expect(statSync(database).size).toBeGreaterThan(sizeBefore + 5 * 2 ** 20);
  expect(watcher.prepare(`SELECT count(*) FROM contacts WHERE last_name LIKE 'Nguyen-%'`).pluck().get()).toBe(rows);
  watcher.close();
});
