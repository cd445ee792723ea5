import { minorToDecimalText, parseMoney } from '../../../../shared/money';
import { TerritoryInput, TerritoryRuleInput, type AssignmentMethod, type Territory, type TerritoryRule } from '../../../../shared/contract/territories';
import type { RuleField } from './labels';

let nextKey = 1;
const key = () => `k${nextKey++}`;

export interface RangeDraft {
  key: string;
  from: string;
  to: string;
}

/** One rule as the editor holds it: text as typed, split and checked on save. */
export interface RuleDraft {
  key: string;
  field: RuleField;
  /** country: "DE, AT"; region and city: one per line; postcode: prefixes "80, 81". */
  text: string;
  /** industry and lead source: the ticked values. */
  picked: string[];
  /** postcode ranges. */
  ranges: RangeDraft[];
  /** employees: head count; revenue: an amount in `currency`. */
  min: string;
  max: string;
  currency: string;
}

export interface TerritoryDraft {
  id?: number;
  name: string;
  parentId: number | null;
  method: AssignmentMethod;
  fixedOwnerId: number | null;
  fallbackOwnerId: number | null;
  active: boolean;
  memberIds: number[];
  rules: RuleDraft[];
}

export interface RuleErrors {
  rule?: string;
  values?: string;
  ranges?: Record<number, string>;
  band?: string;
  min?: string;
  max?: string;
  currency?: string;
}

export interface DraftErrors {
  fields: Partial<Record<'name' | 'parentId' | 'method' | 'fixedOwnerId' | 'fallbackOwnerId' | 'memberIds' | 'active', string>>;
  rules: RuleErrors[];
  general: string[];
}

export const noErrors = (): DraftErrors => ({ fields: {}, rules: [], general: [] });
export const hasErrors = (e: DraftErrors) => Object.keys(e.fields).length > 0 || e.general.length > 0 || e.rules.some((r) => r && Object.keys(r).length > 0);

export function emptyRule(field: RuleField): RuleDraft {
  return { key: key(), field, text: '', picked: [], ranges: field === 'postcode' ? [] : [], min: '', max: '', currency: 'EUR' };
}

export function emptyRange(): RangeDraft {
  return { key: key(), from: '', to: '' };
}

export function newDraft(parentId: number | null): TerritoryDraft {
  return { name: '', parentId, method: 'round_robin', fixedOwnerId: null, fallbackOwnerId: null, active: true, memberIds: [], rules: [] };
}

function ruleDraftOf(rule: TerritoryRule): RuleDraft {
  const draft = emptyRule(rule.field);
  switch (rule.field) {
    case 'country':
      return { ...draft, text: rule.values.join(', ') };
    case 'region':
    case 'city':
      return { ...draft, text: rule.values.join('\n') };
    case 'postcode':
      return { ...draft, text: rule.prefixes.join(', '), ranges: rule.ranges.map((r) => ({ key: key(), from: r.from, to: r.to })) };
    case 'industry':
    case 'leadSource':
      return { ...draft, picked: [...rule.values] };
    case 'employees':
      return { ...draft, min: rule.band.min === null ? '' : String(rule.band.min), max: rule.band.max === null ? '' : String(rule.band.max) };
    case 'revenue': {
      const money = (v: number | null) => (v === null ? '' : minorToDecimalText(v, rule.currency));
      return { ...draft, currency: rule.currency, min: money(rule.band.min), max: money(rule.band.max) };
    }
  }
}

export function draftOf(t: Territory): TerritoryDraft {
  return {
    id: t.id,
    name: t.name,
    parentId: t.parentId,
    method: t.method,
    fixedOwnerId: t.fixedOwner?.id ?? null,
    fallbackOwnerId: t.fallbackOwner?.id ?? null,
    active: t.active,
    memberIds: t.members.map((m) => m.id),
    rules: t.rules.map((r) => ruleDraftOf(r.rule)),
  };
}

/** "DE, AT;FR" → ["DE", "AT", "FR"]. */
export const splitList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
/** One value per line; commas belong to the value ("Provence-Alpes-Côte d'Azur"). */
export const splitLines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The list items a rule's `values` come from, so an issue at values.3 can name the value. */
export function ruleItems(rule: RuleDraft): string[] {
  if (rule.field === 'country' || rule.field === 'postcode') return splitList(rule.text);
  if (rule.field === 'region' || rule.field === 'city') return splitLines(rule.text);
  return rule.picked;
}

type Band = { min: number | null; max: number | null };

/** Reads the band inputs; a value that is not a number is an error of that input. */
function bandOf(rule: RuleDraft, errors: RuleErrors): Band {
  const read = (text: string, which: 'min' | 'max'): number | null => {
    const t = text.trim();
    if (!t) return null;
    if (rule.field === 'employees') {
      if (/^\d+$/.test(t.replace(/[,\s]/g, ''))) return Number(t.replace(/[,\s]/g, ''));
      errors[which] = 'A whole number';
      return null;
    }
    const parsed = parseMoney(t, rule.currency);
    if (parsed.ok) return parsed.amountMinor;
    errors[which] = parsed.message;
    return null;
  };
  return { min: read(rule.min, 'min'), max: read(rule.max, 'max') };
}

/** The contract's input for one rule, plus what could not even be read (a band that is not a number). */
export function ruleInputOf(rule: RuleDraft): { input: TerritoryRuleInput; errors: RuleErrors } {
  const errors: RuleErrors = {};
  switch (rule.field) {
    case 'country':
    case 'region':
    case 'city':
      return { input: { field: rule.field, values: ruleItems(rule) }, errors };
    case 'industry':
    case 'leadSource':
      return { input: { field: rule.field, values: rule.picked } as TerritoryRuleInput, errors };
    case 'postcode':
      return {
        input: {
          field: 'postcode',
          prefixes: splitList(rule.text),
          ranges: rule.ranges.filter((r) => r.from.trim() || r.to.trim()).map((r) => ({ from: r.from, to: r.to })),
        },
        errors,
      };
    case 'employees':
      return { input: { field: 'employees', band: bandOf(rule, errors) }, errors };
    case 'revenue':
      return { input: { field: 'revenue', currency: rule.currency, band: bandOf(rule, errors) }, errors };
  }
}

const TOP_FIELDS = ['name', 'parentId', 'method', 'fixedOwnerId', 'fallbackOwnerId', 'memberIds', 'active'] as const;

/**
 * Puts one issue (from the contract's schema here, or from the server) next to
 * its field: "rules.0.values.1" → rule 1's values, naming the second value.
 */
export function addIssue(errors: DraftErrors, path: readonly (string | number)[], message: string, rules: RuleDraft[]): void {
  const [head, index, field, item] = path;
  if (head === 'rules' && index !== undefined && rules[Number(index)]) {
    const n = Number(index);
    const rule = rules[n]!;
    const target = (errors.rules[n] ??= {});
    // The postcode ranges' rows are kept apart from its prefixes, which sit in the shared text input.
    const itemIndex = item === undefined ? undefined : Number(item);
    if (field === 'values' || field === 'prefixes') {
      const items = field === 'prefixes' ? splitList(rule.text) : ruleItems(rule);
      const named = itemIndex !== undefined && items[itemIndex] !== undefined ? `${items[itemIndex]}: ${message}` : message;
      target.values ??= named;
    } else if (field === 'ranges' && itemIndex !== undefined) {
      // Empty rows were left out before sending: map the index back to the row on screen.
      const shown = rule.ranges.map((r, i) => ({ r, i })).filter(({ r }) => r.from.trim() || r.to.trim());
      const row = shown[itemIndex]?.i ?? itemIndex;
      (target.ranges ??= {})[row] ??= message;
    } else if (field === 'band') {
      if (item === 'min') target.min ??= message;
      else if (item === 'max') target.max ??= message;
      else target.band ??= message;
    } else if (field === 'currency') {
      target.currency ??= message;
    } else {
      target.rule ??= message;
    }
    return;
  }
  if (typeof head === 'string' && (TOP_FIELDS as readonly string[]).includes(head)) {
    const name = head as (typeof TOP_FIELDS)[number];
    errors.fields[name] ??= message;
    return;
  }
  errors.general.push(path.length ? `${path.join('.')}: ${message}` : message);
}

/** The draft as the contract's input, or the errors to show; checked with the same schema the main process uses. */
export function validateDraft(draft: TerritoryDraft): { input: TerritoryInput | null; errors: DraftErrors } {
  const errors = noErrors();
  const rules = draft.rules.map((r, i) => {
    const { input, errors: read } = ruleInputOf(r);
    if (Object.keys(read).length) errors.rules[i] = read;
    return input;
  });
  const input: TerritoryInput = {
    ...(draft.id !== undefined ? { id: draft.id } : {}),
    name: draft.name,
    parentId: draft.parentId,
    method: draft.method,
    fixedOwnerId: draft.method === 'fixed' ? draft.fixedOwnerId : null,
    fallbackOwnerId: draft.fallbackOwnerId,
    active: draft.active,
    memberIds: draft.memberIds,
    rules,
  };
  const parsed = TerritoryInput.safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) addIssue(errors, issue.path as (string | number)[], issue.message, draft.rules);
  return { input: hasErrors(errors) ? null : input, errors };
}

/** The rules that are complete enough to count with, and how many were left out. */
export function countableRules(rules: RuleDraft[]): { rules: TerritoryRuleInput[]; leftOut: number } {
  const ok: TerritoryRuleInput[] = [];
  for (const r of rules) {
    const { input, errors } = ruleInputOf(r);
    if (Object.keys(errors).length === 0 && TerritoryRuleInput.safeParse(input).success) ok.push(input);
  }
  return { rules: ok, leftOut: rules.length - ok.length };
}

/** One line about a saved rule, for the tree's tooltip and the summaries. */
export function describeRule(rule: TerritoryRule): string {
  switch (rule.field) {
    case 'country':
    case 'region':
    case 'city':
    case 'industry':
      return rule.values.join(', ');
    case 'leadSource':
      return rule.values.map((v) => v.replace(/_/g, ' ')).join(', ');
    case 'postcode':
      return [...rule.prefixes.map((p) => `${p}…`), ...rule.ranges.map((r) => `${r.from}–${r.to}`)].join(', ');
    case 'employees':
      return bandText(rule.band.min, rule.band.max, String);
    case 'revenue':
      return `${bandText(rule.band.min, rule.band.max, (v) => minorToDecimalText(v, rule.currency))} ${rule.currency}`;
  }
}

function bandText(min: number | null, max: number | null, show: (v: number) => string): string {
  if (min !== null && max !== null) return `${show(min)}–${show(max)}`;
  if (min !== null) return `${show(min)} or more`;
  return `up to ${show(max ?? 0)}`;
}
