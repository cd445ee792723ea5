import type { AssignmentReason } from '../../../../../shared/contract/territories';
import type { CompiledTerritory, TerritoryModel } from './territory-model';

export interface PickerState {
  /** Active users, with their capacity (relative weight). */
  capacities: Map<number, number>;
  /** Open leads + open opportunities per user now; the picker adds what it hands out. */
  loads: Map<number, number>;
  /** Users who must not receive records (a rep who is leaving). */
  excluded: Set<number>;
  /** Owner of the fallback queue, or null to keep a record's current owner. */
  queueOwnerId: number | null;
}

export interface Pick {
  ownerId: number | null;
  reason: AssignmentReason;
}

/**
 * Chooses a rep inside a territory. Round-robin advances a per-territory
 * position that the caller stores with the assignment; least-loaded compares
 * load ÷ capacity (earlier members win ties); fixed takes the named owner.
 * No eligible rep: the territory's fallback owner, then its ancestors', then
 * the queue owner.
 */
export class OwnerPicker {
  readonly roundRobinNext = new Map<number, number>();
  private readonly candidatesOf = new Map<number, readonly number[]>();

  constructor(
    private readonly model: TerritoryModel,
    private readonly state: PickerState,
  ) {
    for (const t of model.territories.values()) this.roundRobinNext.set(t.id, t.roundRobinNext);
  }

  eligible(userId: number | null): userId is number {
    return userId !== null && this.state.capacities.has(userId) && !this.state.excluded.has(userId);
  }

  /** Members who can receive records now, in round-robin order (who is eligible does not change during a run). */
  candidates(t: CompiledTerritory): readonly number[] {
    let list = this.candidatesOf.get(t.id);
    if (!list) {
      list = t.method === 'fixed' ? (this.eligible(t.fixedOwnerId) ? [t.fixedOwnerId] : []) : t.memberIds.filter((id) => this.eligible(id));
      this.candidatesOf.set(t.id, list);
    }
    return list;
  }

  /** `weight` is the load the record brings (1 for a lead; an account's open opportunities). */
  pick(t: CompiledTerritory | null, weight: number): Pick {
    if (!t) return this.fallback(null);
    const candidates = this.candidates(t);
    if (!candidates.length) return this.fallback(t);
    let ownerId: number;
    if (t.method === 'fixed') ownerId = candidates[0]!;
    else if (t.method === 'round_robin') {
      const next = this.roundRobinNext.get(t.id) ?? 0;
      ownerId = candidates[next % candidates.length]!;
      this.roundRobinNext.set(t.id, (next % candidates.length) + 1);
    } else {
      ownerId = candidates.reduce((best, id) => (this.ratio(id) < this.ratio(best) ? id : best), candidates[0]!);
    }
    this.addLoad(ownerId, weight);
    return { ownerId, reason: t.method };
  }

  addLoad(userId: number, weight: number): void {
    if (weight) this.state.loads.set(userId, (this.state.loads.get(userId) ?? 0) + weight);
  }

  private ratio(userId: number): number {
    return (this.state.loads.get(userId) ?? 0) / Math.max(1, this.state.capacities.get(userId) ?? 100);
  }

  private fallback(t: CompiledTerritory | null): Pick {
    for (let at = t; at; at = at.parentId !== null ? (this.model.territories.get(at.parentId) ?? null) : null) {
      if (this.eligible(at.fallbackOwnerId)) return { ownerId: at.fallbackOwnerId, reason: 'fallback' };
    }
    return { ownerId: this.eligible(this.state.queueOwnerId) ? this.state.queueOwnerId : null, reason: 'fallback' };
  }
}
