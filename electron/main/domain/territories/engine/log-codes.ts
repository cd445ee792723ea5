import type { AssignmentReason } from '../../../../../shared/contract/territories';

export type MovedEntity = 'account' | 'lead' | 'contact' | 'opportunity';

/*
 * assignment_log stores entity and reason as small integers: a bulk move
 * writes one row per record, and a byte instead of a word per column keeps
 * the log and its index small. A code is the position in its list, frozen
 * with the rows already written: only ever append.
 */
export const ENTITY_CODES = ['account', 'lead', 'contact', 'opportunity'] as const satisfies readonly MovedEntity[];
export const REASON_CODES = ['rule', 'round_robin', 'least_loaded', 'fixed', 'fallback', 'manual', 'follows_account', 'rep_leaves', 'undo'] as const satisfies readonly AssignmentReason[];

// A reason added to the contract must get a code here before it can be stored.
const everyReasonHasACode: Exclude<AssignmentReason, (typeof REASON_CODES)[number]> extends never ? true : never = true;
void everyReasonHasACode;

const codes = <T extends string>(list: readonly T[]) => Object.fromEntries(list.map((value, i) => [value, i])) as Record<T, number>;
export const ENTITY = codes(ENTITY_CODES);
export const REASON = codes(REASON_CODES);

export const entityOf = (code: number): MovedEntity => ENTITY_CODES[code] ?? 'account';
export const reasonOf = (code: number): AssignmentReason => REASON_CODES[code] ?? 'manual';

/** The four tables a bulk move writes, in the order it writes them; accounts and leads carry a territory. */
export const MOVED_TABLES = [
  { entity: 'account', code: ENTITY.account, table: 'accounts', territory: true },
  { entity: 'lead', code: ENTITY.lead, table: 'leads', territory: true },
  { entity: 'contact', code: ENTITY.contact, table: 'contacts', territory: false },
  { entity: 'opportunity', code: ENTITY.opportunity, table: 'opportunities', territory: false },
] as const;
