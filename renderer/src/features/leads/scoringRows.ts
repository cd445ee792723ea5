import { z } from 'zod';
import { SCORING_FIELDS, SCORING_OPERATORS, ScoringRuleInput, type ScoringRule } from '../../../../shared/contract/leads';

export const RULE_KINDS = ['field', 'activities', 'calls', 'days_since_touch'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const KIND_LABELS: Record<RuleKind, string> = {
  field: 'Field test',
  activities: 'Activities logged',
  calls: 'Call outcome',
  days_since_touch: 'Days since last touch',
};

/** One editable row: every kind's inputs as text, so switching the kind keeps what was typed. */
export interface RuleRow {
  key: string;
  label: string;
  points: string;
  active: boolean;
  kind: RuleKind;
  field: (typeof SCORING_FIELDS)[number];
  operator: (typeof SCORING_OPERATORS)[number];
  /** Comma-separated values of a field rule. */
  values: string;
  count: string;
  /** Comma-separated call outcomes. */
  outcomes: string;
  days: string;
}

export type RowErrors = Partial<Record<'label' | 'points' | 'field' | 'operator' | 'values' | 'count' | 'outcomes' | 'days' | 'kind', string>>;

let nextKey = 1;
const newKey = () => `row-${nextKey++}`;

export function emptyRow(): RuleRow {
  return { key: newKey(), label: '', points: '10', active: true, kind: 'field', field: 'source', operator: 'equals', values: '', count: '3', outcomes: '', days: '30' };
}

export function rowFromRule(rule: ScoringRule): RuleRow {
  const row = { ...emptyRow(), label: rule.label, points: String(rule.points), active: rule.active, kind: rule.kind };
  switch (rule.kind) {
    case 'field':
      return { ...row, field: rule.field, operator: rule.operator, values: rule.values.join(', ') };
    case 'activities':
      return { ...row, count: String(rule.count) };
    case 'calls':
      return { ...row, outcomes: rule.outcomes.join(', ') };
    case 'days_since_touch':
      return { ...row, days: String(rule.days) };
  }
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A number typed in a row; anything else becomes NaN so the contract refuses it. */
const num = (text: string) => (text.trim() === '' || !/^-?\d+$/.test(text.trim()) ? Number.NaN : Number(text.trim()));

export function ruleFromRow(row: RuleRow): ScoringRuleInput {
  const base = { label: row.label, points: num(row.points), active: row.active };
  switch (row.kind) {
    case 'field':
      return { ...base, kind: 'field', field: row.field, operator: row.operator, values: list(row.values) };
    case 'activities':
      return { ...base, kind: 'activities', count: num(row.count) };
    case 'calls':
      return { ...base, kind: 'calls', outcomes: list(row.outcomes) };
    case 'days_since_touch':
      return { ...base, kind: 'days_since_touch', days: num(row.days) };
  }
}

const SaveRules = z.object({ rules: z.array(ScoringRuleInput).max(200) });

/** Validates every row with the contract's schema; the errors are per row and field. */
export function validateRows(rows: RuleRow[]): { rules: ScoringRuleInput[] | null; errors: RowErrors[]; general: string[] } {
  const rules = rows.map(ruleFromRow);
  const parsed = SaveRules.safeParse({ rules });
  const errors: RowErrors[] = rows.map(() => ({}));
  const general: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      addIssue(errors, general, issue.path.map(String), issue.message);
    }
  }
  return { rules: parsed.success ? rules : null, errors, general };
}

/** Puts one issue ("rules.3.values" or "rules.3.values.0") on its row, or into the general list. */
export function addIssue(errors: RowErrors[], general: string[], path: string[], message: string): void {
  const [top, index, field] = path;
  const row = top === 'rules' && index !== undefined ? errors[Number(index)] : undefined;
  const friendly = /expected number, received NaN|Invalid input: expected number/i.test(message) ? 'Enter a whole number' : message;
  if (row && field && !(field in row)) {
    (row as Record<string, string>)[field] = friendly;
  } else if (row && !field) {
    row.kind ??= friendly;
  } else if (!row) {
    general.push(path.length ? `${path.join('.')}: ${message}` : message);
  }
}
