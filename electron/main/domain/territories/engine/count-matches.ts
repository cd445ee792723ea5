import type { Database } from 'better-sqlite3';
import type { TerritoryRule } from '../../../../../shared/contract/territories';
import { CrmError } from '../../../../../shared/errors';
import { loadModel, loadRecords } from './load';
import type { RecordSource } from './plan-moves';
import { compileRule, matchTerritory, rankedModel, type CompiledTerritory } from './territory-model';

/**
 * How many live accounts and open leads draft rules (with the parent's) would
 * take, whatever else matches them: the rule editor's "matches N records".
 * Runs in the assignment worker, which keeps the records between keystrokes.
 */
export function countMatches(db: Database, parentId: number | null, rules: TerritoryRule[], records: RecordSource = (fields) => loadRecords(db, { fields })): { accounts: number; leads: number } {
  const model = loadModel(db);
  const parent = parentId !== null ? model.territories.get(parentId) : undefined;
  if (parentId !== null && !parent) throw new CrmError('not_found', `There is no territory with id ${parentId}.`);
  const draft: CompiledTerritory = {
    id: -1,
    name: 'draft',
    parentId,
    depth: 0,
    order: 0,
    method: 'round_robin',
    fixedOwnerId: null,
    fallbackOwnerId: null,
    roundRobinNext: 0,
    active: true,
    memberIds: [],
    criteria: [...(parent?.criteria ?? []), ...rules.map((rule, i) => ({ ruleId: -1 - i, field: rule.field, test: compileRule(rule) }))],
    ownRuleId: null,
  };
  const only = rankedModel(new Map([[-1, draft]]), [draft]);
  let accounts = 0;
  let leads = 0;
  for (const r of records(only.fields)) {
    if (matchTerritory(only, r)) r.entity === 'account' ? accounts++ : leads++;
  }
  return { accounts, leads };
}
