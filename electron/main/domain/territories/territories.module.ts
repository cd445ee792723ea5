import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AssignmentSettings, type territoriesContract } from '../../../../shared/contract/territories';
import { CrmError } from '../../../../shared/errors';
import { sqliteHandle } from '../../db/sqlite-handle';
import type { CallContext } from '../../host/call-context';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import type { AppSettingsStore } from '../settings/app-settings.store';
import { requireRole } from '../users/require-role';
import { assignmentBatches, assignmentHistory, fallbackQueue } from './assignment-history';
import { assignMany } from './engine/assign-one';
import { loadBatch } from './engine/bulk';
import { countMatches } from './engine/count-matches';
import { TerritoriesService } from './territories.service';
import type { AssignmentJob, AssignmentJobResult } from './worker/assignment-job';
import { runAssignmentJob, type WorkerConfig } from './worker/worker-client';

/*
 * Decisions:
 * - A territory matches a record when all of its rules and all of its ancestors' rules hold (a rule on a field the
 *   record does not have — revenue on a lead — does not hold). The most specific match wins: deepest in the tree,
 *   then the most rules, then tree order. No match: the fallback queue (territory none, owner the queue owner).
 * - Realignment keeps a record where it is when it stays in the same territory with an eligible owner; only what
 *   the new rules or members change moves. Locked records stay; a leaving rep's records move regardless.
 * - Bulk moves run in a worker with its own connection, holding the write queue, in one transaction; history rows
 *   are written set-based from a temp table; undo restores every owner and territory exactly.
 */

export const ASSIGNMENT_KEY = 'assignment';

export interface TerritoriesServices {
  territories: TerritoriesService;
  worker: WorkerConfig;
  /** Runs a bulk job; tests may swap it for an in-process runner. */
  runJob: (job: AssignmentJob, onProgress: (label: string, done: number, total: number | null) => void) => Promise<AssignmentJobResult>;
  db: () => ReturnType<typeof sqliteHandle>;
}

export function createTerritoriesServices(dataSource: DataSource, worker: WorkerConfig): TerritoriesServices {
  const db = () => sqliteHandle(dataSource);
  return { territories: new TerritoriesService(db), worker, runJob: (job, onProgress) => runAssignmentJob(worker, job, onProgress), db };
}

const MANAGERS = ['sales_manager', 'admin'] as const;

/** Assigns a record just created without an explicit owner, in the create's own transaction. */
export function assignCreated(services: Services, entity: 'account' | 'lead', id: number, ctx: CallContext): boolean {
  return assignMany(services.territories.db(), entity, [id], { userId: ctx.userId, now: ctx.now() }, { onCreate: true }) !== null;
}

export function territoriesHandlers(services: Services): ModuleHandlers<typeof territoriesContract> {
  const { territories, db } = services.territories;
  const settings = (): AppSettingsStore => services.settings.store;
  const runJob = (job: AssignmentJob, taskId: string | undefined, ctx: CallContext) => {
    const id = taskId ?? randomUUID();
    let last = { done: 0, total: null as number | null };
    return services.territories
      .runJob(job, (label, done, total) => {
        last = { done, total };
        ctx.progress({ taskId: id, label, done, total, finished: false });
      })
      .finally(() => ctx.progress({ taskId: id, label: 'Done', ...last, finished: true }));
  };
  // Many records changed at once: one event per kind, not one per record.
  const announce = (ctx: CallContext) => ctx.events.emit('records.reassigned', { entities: ['account', 'lead', 'contact', 'opportunity'] });
  return {
    'territories.list': () => Promise.resolve(territories.list()),
    'territories.save': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'change territories');
      return territories.save(input, ctx.now());
    },
    'territories.move': async ({ id, parentId, position }, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'change territories');
      return territories.move(id, parentId, position, ctx.now());
    },
    'territories.delete': async ({ id }, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'delete territories');
      territories.delete(id);
      return { id };
    },
    // On the main thread: a worker per keystroke costs more to start than the count (≈0.8 s at 100k records) until
    // the worker stays alive between jobs.
    'territories.countMatches': ({ parentId, rules }) => Promise.resolve(countMatches(db(), parentId, rules)),
    'assignment.getSettings': () => settings().read(ASSIGNMENT_KEY, AssignmentSettings),
    'assignment.saveSettings': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'change the assignment settings');
      await settings().write(ctx.em, ASSIGNMENT_KEY, input, ctx.userId, ctx.now());
      return input;
    },
    'assignment.preview': async (plan, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'preview a realignment');
      const result = await runJob({ op: 'preview', plan, userId: ctx.userId, now: ctx.now() }, plan.taskId, ctx);
      return 'preview' in result ? result.preview : Promise.reject(new Error('The worker answered a preview with something else.'));
    },
    'assignment.apply': async (plan, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'move records between reps');
      const result = await runJob({ op: 'apply', plan, userId: ctx.userId, now: ctx.now() }, plan.taskId, ctx);
      if (!('batchId' in result) || result.batchId === null) throw new Error('The worker did not record the batch.');
      announce(ctx);
      return { batch: loadBatch(db(), result.batchId) };
    },
    'assignment.undo': async ({ batchId, taskId }, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'undo a realignment');
      const result = await runJob({ op: 'undo', batchId, userId: ctx.userId, now: ctx.now() }, taskId, ctx);
      announce(ctx);
      return { batch: loadBatch(db(), batchId), restored: 'restored' in result ? result.restored : 0 };
    },
    'assignment.batches': ({ limit }) => Promise.resolve(assignmentBatches(db(), limit)),
    'assignment.history': (q) => Promise.resolve(assignmentHistory(db(), q)),
    'assignment.queue': ({ limit }) => Promise.resolve(fallbackQueue(db(), limit)),
    'assignment.run': async ({ entity, ids }, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'assign records');
      const table = entity === 'account' ? 'accounts' : 'leads';
      const missing = ids.find((id) => !db().prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id));
      if (missing !== undefined) throw new CrmError('not_found', `There is no ${entity} with id ${missing}.`);
      const assigned = assignMany(db(), entity, ids, { userId: ctx.userId, now: ctx.now() }, { onCreate: false });
      if (!assigned) throw new CrmError('validation', 'There are no territories and no fallback queue owner yet: set them up first.');
      const user = db().prepare(`SELECT id, name FROM users WHERE id = ?`);
      const territoryOf = db().prepare(`SELECT id, name FROM territories WHERE id = ?`);
      const out = assigned.map((a) => ({
        id: a.id,
        owner: user.get(a.ownerId) as { id: number; name: string },
        territory: a.territoryId !== null ? (territoryOf.get(a.territoryId) as { id: number; name: string }) : null,
        reason: a.reason,
      }));
      for (const { id } of out) ctx.events.emit('record.changed', { entity, id, action: 'update' });
      return out;
    },
  };
}
