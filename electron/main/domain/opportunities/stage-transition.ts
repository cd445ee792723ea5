import { CrmError } from '../../../../shared/errors';

export interface StageRow {
  id: number;
  pipeline_id: number;
  name: string;
  kind: 'open' | 'won' | 'lost';
  probability: number;
  active: number;
}

/** Where an opportunity stands before the change. */
export interface StageState {
  stage_id: number;
  stage_kind: 'open' | 'won' | 'lost';
  probability: number;
  closed_at: string | null;
  lost_reason: string | null;
}

/** Fields the caller may pass with a stage change. */
export interface StageOptions {
  probability?: number | undefined;
  lostReason?: string | null | undefined;
}

/**
 * What entering (or staying in) a stage means for probability, closed_at and
 * lost_reason. Won: 100 %, closed now (kept when it already was won). Lost:
 * 0 %, a reason is required, closed now (kept when it already was lost).
 * Open: closed_at and the lost reason are cleared; the probability is the
 * given one, else the stage's default on a stage change, else unchanged.
 */
export function transition(
  current: StageState | null,
  target: StageRow,
  opts: StageOptions,
  now: string,
  lostReasonPath = 'lostReason',
): { probability: number; closed_at: string | null; lost_reason: string | null } {
  const sameStage = current !== null && current.stage_id === target.id;
  if (target.kind === 'won') {
    return { probability: 100, closed_at: sameStage && current.closed_at ? current.closed_at : now, lost_reason: null };
  }
  if (target.kind === 'lost') {
    const reason = opts.lostReason !== undefined ? opts.lostReason : current?.stage_kind === 'lost' ? current.lost_reason : null;
    if (!reason) {
      throw new CrmError('validation', 'Say why the opportunity was lost', [{ path: lostReasonPath, message: 'A lost reason is required' }]);
    }
    return { probability: 0, closed_at: sameStage && current.closed_at ? current.closed_at : now, lost_reason: reason };
  }
  const probability = opts.probability ?? (sameStage ? current.probability : target.probability);
  return { probability, closed_at: null, lost_reason: null };
}

