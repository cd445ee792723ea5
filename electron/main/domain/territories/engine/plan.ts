import type { AssignmentReason } from '../../../../../shared/contract/territories';
import type { OwnerPicker } from './owner-picker';
import { matchTerritory, type AssignableRecord, type TerritoryModel } from './territory-model';

export interface Move {
  entity: 'account' | 'lead' | 'contact' | 'opportunity';
  id: number;
  fromOwnerId: number;
  toOwnerId: number;
  fromTerritoryId: number | null;
  toTerritoryId: number | null;
  reason: AssignmentReason;
  ruleId: number | null;
}

export interface Plan {
  moves: Move[];
  unmatched: number;
}

/** The load a record brings its new owner within a run: itself, and an account's open opportunities that follow it. */
const weightOf = (r: AssignableRecord, openOpps: Map<number, number>) => (r.entity === 'lead' ? 1 : 1 + (openOpps.get(r.id) ?? 0));

/**
 * Realignment: every unlocked record goes to its most specific territory. A
 * record already in that territory with an eligible owner stays put, so a
 * realignment moves only what the new rules or members really change and
 * round-robin does not reshuffle everyone.
 */
export function planRealignment(records: AssignableRecord[], model: TerritoryModel, picker: OwnerPicker, openOpps: Map<number, number>): Plan {
  const moves: Move[] = [];
  let unmatched = 0;
  for (const r of records) {
    if (r.ownerLocked) continue;
    const t = matchTerritory(model, r);
    if (!t) unmatched++;
    if (t && r.territoryId === t.id && picker.candidates(t).includes(r.ownerId)) continue;
    const weight = weightOf(r, openOpps);
    const pick = picker.pick(t, weight);
    const toOwnerId = pick.ownerId ?? r.ownerId;
    const toTerritoryId = t?.id ?? null;
    if (toOwnerId === r.ownerId && toTerritoryId === r.territoryId) continue;
    if (toOwnerId !== r.ownerId) picker.addLoad(r.ownerId, -weight);
    moves.push({ entity: r.entity, id: r.id, fromOwnerId: r.ownerId, toOwnerId, fromTerritoryId: r.territoryId, toTerritoryId, reason: pick.reason, ruleId: t?.ownRuleId ?? null });
  }
  return { moves, unmatched };
}

/**
 * A rep leaves: each of their accounts and open leads goes to the named
 * successor, or by the rules with the leaving rep left out (locks do not
 * keep a record with someone who is gone).
 */
export function planRepLeaves(
  records: AssignableRecord[],
  model: TerritoryModel,
  picker: OwnerPicker,
  openOpps: Map<number, number>,
  successorId: number | null,
): Plan & { homeless: AssignableRecord[] } {
  const moves: Move[] = [];
  const homeless: AssignableRecord[] = [];
  let unmatched = 0;
  for (const r of records) {
    if (successorId !== null) {
      moves.push({ entity: r.entity, id: r.id, fromOwnerId: r.ownerId, toOwnerId: successorId, fromTerritoryId: r.territoryId, toTerritoryId: r.territoryId, reason: 'rep_leaves', ruleId: null });
      continue;
    }
    const t = matchTerritory(model, r);
    if (!t) unmatched++;
    const pick = picker.pick(t, weightOf(r, openOpps));
    if (pick.ownerId === null) {
      homeless.push(r);
      continue;
    }
    moves.push({ entity: r.entity, id: r.id, fromOwnerId: r.ownerId, toOwnerId: pick.ownerId, fromTerritoryId: r.territoryId, toTerritoryId: t?.id ?? null, reason: pick.reason, ruleId: t?.ownRuleId ?? null });
  }
  return { moves, unmatched, homeless };
}
