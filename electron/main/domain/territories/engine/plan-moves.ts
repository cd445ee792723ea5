import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { MovePlanInput } from '../../../../../shared/contract/territories';
import { CrmError } from '../../../../../shared/errors';
import { loadModel, loadPickerState, loadRecords, loadSettings, openOpportunitiesByAccount } from './load';
import { createMovesTable, followersOf, insertMoves, leftoversOf } from './move-table';
import { summariseMoves, type MoveSummary } from './move-summary';
import { OwnerPicker } from './owner-picker';
import { planRealignment, planRepLeaves, type Move } from './plan';
import type { AssignableRecord, RuleField } from './territory-model';
import type { BatchToWrite } from './write-moves';

export type MovePlan = z.output<typeof MovePlanInput>;

export interface Planned {
  summary: MoveSummary;
  batch: BatchToWrite;
}

export type Progress = (label: string, done: number, total: number | null) => void;

/** Live accounts and open leads with at least these rule fields, as of the caller's transaction. */
export type RecordSource = (fields: ReadonlySet<RuleField>) => AssignableRecord[];

/**
 * Plans a realignment or a rep leaving inside the caller's transaction and
 * leaves the moves in the moves table. `records` may answer from records the
 * caller already holds for this snapshot.
 */
export function planMoves(db: Database, plan: MovePlan, progress?: Progress, records: RecordSource = (fields) => loadRecords(db, { fields })): Planned {
  const settings = loadSettings(db);
  const model = loadModel(db);
  const leaving = plan.kind === 'rep_leaves' ? checkRepLeaves(db, plan) : null;
  const picker = new OwnerPicker(model, loadPickerState(db, leaving ? [leaving.id] : [], settings.queueOwnerId));
  const openOpps = openOpportunitiesByAccount(db);
  progress?.('Matching records', 0, null);
  let moves: Move[];
  let unmatched: number;
  if (plan.kind === 'rep_leaves') {
    // A leaving rep's few records carry names for the message about any nobody can take.
    const planned = planRepLeaves(loadRecords(db, { ownerId: leaving!.id, withNames: true }), model, picker, openOpps, plan.toUserId);
    if (planned.homeless.length) {
      const first = planned.homeless[0]!;
      throw new CrmError(
        'validation',
        `No one can take ${planned.homeless.length} of ${leaving!.name}'s records (such as ${first.entity} "${first.name}"): name a successor, add members to their territories, or set the fallback queue owner.`,
      );
    }
    ({ moves, unmatched } = planned);
  } else ({ moves, unmatched } = planRealignment(records(model.fields), model, picker, openOpps));

  createMovesTable(db);
  insertMoves(db, moves, (done, total) => progress?.('Planning moves', done, total));
  // Followers look up the accounts' moves in the table, and leftovers the followers'.
  const followers = followersOf(db);
  insertMoves(db, followers);
  const leftovers = plan.kind === 'rep_leaves' ? leftoversOf(db, plan.userId, plan.toUserId, settings.queueOwnerId) : [];
  insertMoves(db, leftovers);
  const summary = summariseMoves(db, [...moves, ...followers, ...leftovers], unmatched);
  return {
    summary,
    batch: {
      kind: plan.kind,
      label: leaving?.label ?? 'Realignment by the territory rules',
      total: summary.total,
      deactivate: plan.kind === 'rep_leaves' && plan.deactivate ? plan.userId : null,
      roundRobinNext: [...picker.roundRobinNext],
    },
  };
}

function checkRepLeaves(db: Database, plan: Extract<MovePlan, { kind: 'rep_leaves' }>): { id: number; name: string; label: string } {
  const leaving = db.prepare(`SELECT id, name FROM users WHERE id = ?`).get(plan.userId) as { id: number; name: string } | undefined;
  if (!leaving) throw new CrmError('not_found', `There is no user with id ${plan.userId}.`);
  if (plan.toUserId === null) return { ...leaving, label: `${leaving.name} leaves: records by the territory rules` };
  const successor = db.prepare(`SELECT name, active FROM users WHERE id = ?`).get(plan.toUserId) as { name: string; active: number } | undefined;
  if (!successor || successor.active !== 1 || plan.toUserId === plan.userId) {
    throw new CrmError('validation', 'The successor must be another active user.', [{ path: 'toUserId', message: 'Choose another active user' }]);
  }
  return { ...leaving, label: `${leaving.name} leaves: records to ${successor.name}` };
}
