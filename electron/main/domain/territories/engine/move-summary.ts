import type { Database } from 'better-sqlite3';
import type { MovePreview } from '../../../../../shared/contract/territories';
import { ENTITY_CODES, type MovedEntity } from './log-codes';
import type { Move } from './plan';

/** What a preview shows; the token is added by whoever keeps the plan. */
export type MoveSummary = Omit<MovePreview, 'previewToken'>;

const SAMPLE = 5;

const NAME_OF: Record<MovedEntity, string> = {
  account: `SELECT name FROM accounts WHERE id = ?`,
  lead: `SELECT TRIM(COALESCE(company || ' – ', '') || COALESCE(first_name || ' ', '') || last_name) FROM leads WHERE id = ?`,
  contact: `SELECT TRIM(COALESCE(first_name || ' ', '') || last_name) FROM contacts WHERE id = ?`,
  opportunity: `SELECT name FROM opportunities WHERE id = ?`,
};

interface Pair {
  from: number;
  to: number;
  count: number;
  /** Per entity, the smallest ids seen, ascending. */
  lowest: Record<MovedEntity, number[]>;
}

function keepLowest(list: number[], id: number): void {
  if (list.length === SAMPLE && id >= list[SAMPLE - 1]!) return;
  let i = list.length;
  while (i > 0 && list[i - 1]! > id) i--;
  list.splice(i, 0, id);
  if (list.length > SAMPLE) list.pop();
}

function userRefs(db: Database, ids: number[]): Map<number, { id: number; name: string }> {
  if (!ids.length) return new Map();
  const rows = db.prepare(`SELECT id, name FROM users WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Counts from whom to whom, most first, each with a few samples: accounts first, then leads, contacts and opportunities, each by id. */
export function summariseMoves(db: Database, moves: readonly Move[], unmatched: number): MoveSummary {
  const byEntity = { account: 0, lead: 0, contact: 0, opportunity: 0 };
  const pairs = new Map<string, Pair>();
  for (const m of moves) {
    byEntity[m.entity]++;
    const key = `${m.fromOwnerId}:${m.toOwnerId}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { from: m.fromOwnerId, to: m.toOwnerId, count: 0, lowest: { account: [], lead: [], contact: [], opportunity: [] } }));
    pair.count++;
    keepLowest(pair.lowest[m.entity], m.id);
  }
  const ordered = [...pairs.values()].sort((a, b) => b.count - a.count || a.from - b.from || a.to - b.to);
  const users = userRefs(db, [...new Set(ordered.flatMap((p) => [p.from, p.to]))]);
  const names = Object.fromEntries(ENTITY_CODES.map((e) => [e, db.prepare(NAME_OF[e]).pluck()])) as Record<MovedEntity, ReturnType<Database['prepare']>>;
  return {
    total: moves.length,
    byEntity,
    unmatched,
    moves: ordered.map((p) => ({
      from: users.get(p.from) ?? null,
      to: users.get(p.to) ?? { id: p.to, name: `User ${p.to}` },
      count: p.count,
      sample: ENTITY_CODES.flatMap((entity) => p.lowest[entity].map((id) => ({ entity, id })))
        .slice(0, SAMPLE)
        .map((s) => ({ ...s, name: String(names[s.entity].get(s.id) ?? `#${s.id}`) })),
    })),
  };
}
