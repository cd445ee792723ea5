import type { Database } from 'better-sqlite3';
import type { AssignmentReason } from '../../../../../shared/contract/territories';
import { loadModel, loadPickerState, loadRecord, loadSettings } from './load';
import { ENTITY, REASON } from './log-codes';
import { OwnerPicker } from './owner-picker';
import { matchTerritory } from './territory-model';

export interface Assigned {
  id: number;
  ownerId: number;
  territoryId: number | null;
  reason: AssignmentReason;
}

/**
 * Assigns accounts or leads by the rules inside the caller's transaction (a
 * create, an import, "assign now"): owners, territories, the round-robin
 * positions and a line of history each are written together. The rules and
 * loads are read once for the whole list, so an import pays per row only for
 * matching and three small writes. Returns null when the office has no
 * territories and no queue owner (records keep the owner they were created with).
 */
export function assignMany(
  db: Database,
  entity: 'account' | 'lead',
  ids: readonly number[],
  by: { userId: number; now: string },
  options: { onCreate: boolean },
): Assigned[] | null {
  const settings = loadSettings(db);
  if (options.onCreate && !settings.assignOnCreate) return null;
  const model = loadModel(db);
  if (model.ranked.length === 0 && settings.queueOwnerId === null) return null;
  // One new record reads only its candidates' loads; a list reads everyone's at once.
  const records = ids.map((id) => loadRecord(db, entity, id));
  const first = records.length === 1 && records[0] ? matchTerritory(model, records[0]) : null;
  const only = records.length === 1 ? (first?.method === 'least_loaded' ? first.memberIds : []) : undefined;
  const picker = new OwnerPicker(model, loadPickerState(db, [], settings.queueOwnerId, only));
  const table = entity === 'account' ? 'accounts' : 'leads';
  const update = db.prepare(`UPDATE ${table} SET owner_id = ?, territory_id = ?${options.onCreate ? '' : ', version = version + 1'}, updated_at = ?, updated_by_id = ? WHERE id = ?`);
  const history = db.prepare(
    `INSERT INTO assignment_log (batch_id, entity, record_id, from_owner_id, to_owner_id, from_territory_id, to_territory_id, reason, rule_id, at, by_id)
     VALUES (NULL, ${ENTITY[entity]}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const out: Assigned[] = [];
  for (const record of records) {
    if (!record) continue;
    const territory = matchTerritory(model, record);
    // Each record counts as load within the list, so least-loaded spreads an import instead of handing it all to one rep.
    const pick = picker.pick(territory, 1);
    const ownerId = pick.ownerId ?? record.ownerId;
    const territoryId = territory?.id ?? null;
    update.run(ownerId, territoryId, by.now, by.userId, record.id);
    history.run(record.id, record.ownerId, ownerId, record.territoryId, territoryId, REASON[pick.reason], territory?.ownRuleId ?? null, by.now, by.userId);
    out.push({ id: record.id, ownerId, territoryId, reason: pick.reason });
  }
  const rr = db.prepare(`UPDATE territories SET round_robin_next = ? WHERE id = ? AND round_robin_next <> ?`);
  for (const [id, next] of picker.roundRobinNext) rr.run(next, id, next);
  return out;
}
