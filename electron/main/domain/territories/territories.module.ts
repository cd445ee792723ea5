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
import { loadBatch } from './engine/batches';
import type { Progress } from './engine/plan-moves';
import { TerritoriesService } from './territories.service';
import type { AssignmentJob, AssignmentJobs, AssignmentOp } from './worker/assignment-job';
import { AssignmentWorker, type WorkerConfig } from './worker/worker-client';

/*
 * Decisions:
 * - A territory matches a record when all of its rules and all of its ancestors' rules hold (a rule on a field the
 *   record does not have — revenue on a lead — does not hold). The most specific match wins: deepest in the tree,
 *   then the most rules, then tree order. No match: the fallback queue (territory none, owner the queue owner).
 * - Realignment keeps a record where it is when it stays in the same territory with an eligible owner; only what
 *   the new rules or members change moves. Locked records stay; a leaving rep's records move regardless.
 * - Bulk moves run in a long-lived worker with its own connection, holding the write queue, in one transaction;
 *   history rows are written set-based from a temp table into a lean log; undo restores every owner and territory
 *   exactly. An apply that brings its preview's token writes the previewed plan when nothing changed since.
 */

export const ASSIGNMENT_KEY = 'assignment';

export type JobRunner = <K extends AssignmentOp>(job: Extract<AssignmentJob, { op: K }>, progress: Progress) => Promise<AssignmentJobs[K]['result']>;

export interface TerritoriesServices {
  territories: TerritoriesService;
  worker: AssignmentWorker;
  /** Runs a job in the assignment worker; tests may swap it for another runner. */
  runJob: JobRunner;
  db: () => ReturnType<typeof sqliteHandle>;
}

export function createTerritoriesServices(dataSource: DataSource, config: WorkerConfig): TerritoriesServices {
  const db = () => sqliteHandle(dataSource);
  // The worker lives as long as the host's connection: it stops on its own once the DataSource is destroyed.
  const worker = new AssignmentWorker(config, () => dataSource.isInitialized);
  return { territories: new TerritoriesService(db), worker, runJob: (job, progress) => worker.run(job, progress), db };
}

const MANAGERS = ['sales_manager', 'admin'] as const;

/** Assigns a record just created without an explicit owner, in the create's own transaction. */
export function assignCreated(services: Services, entity: 'account' | 'lead', id: number, ctx: CallContext): boolean {
  return assignMany(services.territories.db(), entity, [id], { userId: ctx.userId, now: ctx.now() }, { onCreate: true }) !== null;
}

export function territoriesHandlers(services: Services): ModuleHandlers<typeof territoriesContract> {
  const { territories, db } = services.territories;
  const settings = (): AppSettingsStore => services.settings.store;
  const runJob = <K extends AssignmentOp>(job: Extract<AssignmentJob, { op: K }>, taskId: string | undefined, ctx: CallContext) => {
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
    // In the worker: it reads every record (≈0.5 s at 100k), then keeps them while nothing changes, so the next keystroke only matches.
    'territories.countMatches': ({ parentId, rules }) => services.territories.runJob({ op: 'countMatches', parentId, rules }, () => undefined),
    'assignment.getSettings': () => settings().read(ASSIGNMENT_KEY, AssignmentSettings),
    'assignment.saveSettings': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'change the assignment settings');
      await settings().write(ctx.em, ASSIGNMENT_KEY, input, ctx.userId, ctx.now());
      return input;
    },
    'assignment.preview': async (plan, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'preview a realignment');
      return runJob({ op: 'preview', plan, userId: ctx.userId, now: ctx.now() }, plan.taskId, ctx);
    },
    'assignment.apply': async ({ previewToken, ...plan }, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'move records between reps');
      const { batchId } = await runJob({ op: 'apply', plan, previewToken, userId: ctx.userId, now: ctx.now() }, plan.taskId, ctx);
      announce(ctx);
      return { batch: loadBatch(db(), batchId) };
    },
    'assignment.undo': async ({ batchId, taskId }, ctx) => {
      await requireRole(ctx.em, ctx.userId, MANAGERS, 'undo a realignment');
      const { restored } = await runJob({ op: 'undo', batchId, userId: ctx.userId, now: ctx.now() }, taskId, ctx);
      announce(ctx);
      return { batch: loadBatch(db(), batchId), restored };
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
