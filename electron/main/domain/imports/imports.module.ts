import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { importsContract } from '../../../../shared/contract/imports';
import type { EventPayload } from '../../../../shared/contract/events';
import type { ImportTarget } from '../../../../shared/imports/fields';
import { suggestMapping } from '../../../../shared/imports/presets';
import { CrmError } from '../../../../shared/errors';
import { sqliteHandle } from '../../db/sqlite-handle';
import type { CallContext } from '../../host/call-context';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { sniffImportFile } from './engine/import-file';
import { previewRows } from './engine/preview-rows';
import { importBatch, importBatches, importErrorsCsv } from './import-history';
import { allPresets, deletePreset, savePreset } from './import-presets';
import { SearchBacklog } from './search-backlog';
import { UploadStaging } from './staging';
import type { ImportJob, ImportJobResult } from './worker/import-job';
import { startImportJob, type ImportWorkerConfig, type RunningImport } from './worker/import-worker-client';

/*
 * Decisions:
 * - The file is uploaded in chunks to a private temp folder (a sandboxed window cannot hand over a path) and read
 *   from there as a stream by a worker with its own connection: one transaction for the whole file, so a cancel,
 *   a crash or an all-or-nothing failure leaves the database exactly as before.
 * - An empty cell means "no value": a create leaves the field empty, an update leaves it as it was.
 * - Creating a record whose e-mail (contacts, leads), name (accounts; opportunities within their account), SKU
 *   (products) or external id is already on file is a row error: duplicates are refused at the door; "update or
 *   create" updates the existing record instead.
 * - Each target validates with its contract's own schemas and follows its service's rules (a lead's score and
 *   disqualified reason, an opportunity's stage, a product's unique SKU), so an import refuses what a form refuses.
 * - Undo sends created records to the recycle bin and restores the columns an update changed; newest import first.
 */

/** The grids an import of each target changes: refreshed once, not per row. */
const CHANGED: Record<ImportTarget, EventPayload<'records.reassigned'>['entities']> = {
  contacts: ['account', 'contact'],
  accounts: ['account', 'contact'],
  leads: ['lead'],
  opportunities: ['opportunity'],
  products: ['product'],
};

export interface ImportsServices {
  staging: UploadStaging;
  /** Starts a worker job; tests may swap in an in-process runner. */
  startJob: (job: ImportJob, onProgress: (label: string, done: number, total: number | null) => void) => RunningImport;
  running: Map<string, RunningImport>;
  db: () => ReturnType<typeof sqliteHandle>;
  /** Indexes a big import's records for search once it has committed. */
  searchBacklog: SearchBacklog;
}

export function createImportsServices(dataSource: DataSource, worker: ImportWorkerConfig): ImportsServices {
  const services: ImportsServices = {
    staging: new UploadStaging(),
    startJob: (job, onProgress) => startImportJob(worker, job, onProgress),
    running: new Map(),
    db: () => sqliteHandle(dataSource),
    searchBacklog: new SearchBacklog(
      (job) => services.startJob(job, () => undefined),
      () => sqliteHandle(dataSource),
      (message, error) => console.error(message, error),
    ),
  };
  return services;
}

export function importsHandlers(services: Services): ModuleHandlers<typeof importsContract> {
  const { staging, db } = services.imports;
  const store = () => services.settings.store;

  const runJob = async (job: ImportJob, taskId: string | undefined, ctx: CallContext): Promise<ImportJobResult> => {
    const id = taskId ?? randomUUID();
    if (services.imports.running.has(id)) throw new CrmError('conflict', 'A task with this id is already running.');
    let last = { done: 0, total: null as number | null };
    const running = services.imports.startJob(job, (label, done, total) => {
      last = { done, total };
      ctx.progress({ taskId: id, label, done, total, finished: false });
    });
    services.imports.running.set(id, running);
    try {
      return await running.result;
    } finally {
      services.imports.running.delete(id);
      ctx.progress({ taskId: id, label: 'Done', ...last, finished: true });
    }
  };
  // Many records at once: the grids' bulk-change event (one per kind) rather than one event per imported row.
  const announce = (ctx: CallContext, target: ImportTarget) => ctx.events.emit('records.reassigned', { entities: CHANGED[target] });

  return {
    'imports.upload': (chunk) => Promise.resolve(staging.append(chunk)),
    'imports.inspect': async ({ fileId, encoding, delimiter, target }) => {
      const file = staging.get(fileId);
      const sniff = await sniffImportFile(file.path, { encoding, delimiter, sampleRows: 20 });
      const presets = await allPresets(store());
      const suggestion = suggestMapping(presets, target, sniff.headers);
      return {
        fileName: file.name,
        sizeBytes: file.size,
        format: sniff.format,
        encoding: sniff.encoding,
        delimiter: sniff.delimiter,
        headers: sniff.headers,
        sample: sniff.sample,
        columns: suggestion.columns,
        presetId: suggestion.presetId,
        presets,
      };
    },
    'imports.preview': async ({ limit, ...spec }, ctx) => ({ rows: await previewRows(db(), spec, staging.get(spec.fileId).path, { userId: ctx.userId, now: ctx.now() }, limit) }),
    'imports.run': async ({ dryRun, taskId, ...spec }, ctx) => {
      const file = staging.get(spec.fileId);
      const result = await runJob({ op: 'run', spec, file: { path: file.path, name: file.name }, dryRun, userId: ctx.userId, now: ctx.now() }, taskId, ctx);
      if (!('counts' in result)) throw new Error('The import worker answered with something else.');
      if (!dryRun && result.status === 'applied') announce(ctx, spec.target);
      if (result.searchPending) void services.imports.searchBacklog.request();
      return result;
    },
    'imports.cancel': ({ taskId }) => {
      const running = services.imports.running.get(taskId);
      running?.cancel();
      return Promise.resolve({ cancelled: running !== undefined });
    },
    'imports.history': ({ limit }) => Promise.resolve(importBatches(db(), limit)),
    'imports.undo': async ({ importId, taskId }, ctx) => {
      const result = await runJob({ op: 'undo', importId, userId: ctx.userId, now: ctx.now() }, taskId, ctx);
      if (!('deleted' in result)) throw new Error('The import worker answered with something else.');
      const batch = importBatch(db(), importId);
      announce(ctx, batch.target);
      return { batch, ...result };
    },
    'imports.errors': ({ importId }) => Promise.resolve(importErrorsCsv(db(), importId)),
    'imports.savePreset': (input, ctx) => savePreset(store(), ctx.em, input, { userId: ctx.userId, now: ctx.now() }),
    'imports.deletePreset': async ({ id }, ctx) => {
      await deletePreset(store(), ctx.em, id, { userId: ctx.userId, now: ctx.now() });
      return { id };
    },
  };
}
