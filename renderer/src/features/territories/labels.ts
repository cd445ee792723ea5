import type { AssignmentMethod, AssignmentReason, TerritoryRule } from '../../../../shared/contract/territories';

export type RuleField = TerritoryRule['field'];

export const RULE_FIELDS: readonly RuleField[] = ['country', 'region', 'city', 'postcode', 'industry', 'employees', 'revenue', 'leadSource'];

export const FIELD_LABELS: Record<RuleField, string> = {
  country: 'Country',
  region: 'Region',
  city: 'City',
  postcode: 'Postcode',
  industry: 'Industry',
  employees: 'Employees',
  revenue: 'Annual revenue',
  leadSource: 'Lead source',
};

export const METHOD_LABELS: Record<AssignmentMethod, string> = {
  round_robin: 'Round-robin',
  least_loaded: 'Least-loaded',
  fixed: 'Fixed owner',
};

export const METHOD_HINTS: Record<AssignmentMethod, string> = {
  round_robin: 'Members take new records in turn, in the order listed.',
  least_loaded: 'The member with the fewest open leads and opportunities for their capacity takes the record.',
  fixed: 'Every record goes to one owner.',
};

export const REASON_LABELS: Record<AssignmentReason, string> = {
  rule: 'Territory rule',
  round_robin: 'Round-robin',
  least_loaded: 'Least-loaded',
  fixed: 'Fixed owner',
  fallback: 'Fallback owner',
  manual: 'Assigned by hand',
  follows_account: 'Follows its account',
  rep_leaves: 'Rep left',
  undo: 'Undone',
};

export const ENTITY_LABELS = { account: 'Account', lead: 'Lead', contact: 'Contact', opportunity: 'Opportunity' } as const;
export const ENTITY_PLURALS = { account: 'accounts', lead: 'leads', contact: 'contacts', opportunity: 'opportunities' } as const;
export type RecordEntity = keyof typeof ENTITY_LABELS;

export function recordPath(entity: RecordEntity, id: number): string {
  return `/${ENTITY_PLURALS[entity]}/${id}`;
}

/** "trade_show" → "Trade show". */
export function optionLabel(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
