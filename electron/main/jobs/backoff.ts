/** How long a failed job waits before its next attempt: base × factor^(attempt − 1), capped. */
export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, factor: 2, maxMs: 3_600_000 };

/**
 * The delay after failed attempt `attempt` (1-based): 30 s, 1 min, 2 min, 4 min … up to an hour.
 * Deliberately without jitter: tests and the README can state the exact schedule, and one
 * office's handful of runners does not need spreading out.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(policy.maxMs, Math.round(policy.baseMs * policy.factor ** (n - 1)));
}
