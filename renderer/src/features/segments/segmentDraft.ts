import {
  FACTS_BY_ENTITY,
  OPERATORS_BY_KIND,
  OPERATOR_ARITY,
  PICK_OPS,
  SEGMENT_FIELDS,
  TAG_OPS,
  type FieldKind,
  type FieldOperator,
  type SegmentEntity,
  type SegmentFact,
  type SegmentFieldDef,
  type SegmentGroup,
  type SegmentItem,
} from '../../../../shared/contract/segments';
import { minorToDecimalText, parseMoney } from '../../../../shared/money';

/**
 * The builder edits a draft: every input as the text typed, so a half-typed
 * number is not lost. A draft becomes a rule for counting (incomplete
 * conditions left out) or for saving (every condition complete).
 */
export interface DraftCondition {
  key: string;
  kind: 'condition';
  /** "field:country", "fact:wonOpportunity", "fact:tag" or "pick:<custom field id>". */
  what: string;
  op: string;
  value: string;
  values: string[];
  from: string;
  to: string;
  days: string;
  currency: string;
}

export interface DraftGroup {
  key: string;
  kind: 'group';
  op: 'and' | 'or';
  items: DraftNode[];
}

export type DraftNode = DraftCondition | DraftGroup;

let counter = 0;
export const newKey = () => `n${++counter}`;

export function fieldDef(entity: SegmentEntity, field: string): SegmentFieldDef | undefined {
  const fields = SEGMENT_FIELDS[entity] as Record<string, SegmentFieldDef>;
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** The operators a "what" offers: a field's by its kind, a fact's own. */
export function operatorsFor(entity: SegmentEntity, what: string): string[] {
  const [type, name] = what.split(':') as [string, string];
  if (type === 'field') {
    const def = fieldDef(entity, name);
    return def ? [...OPERATORS_BY_KIND[def.kind]] : [];
  }
  if (type === 'pick') return [...PICK_OPS];
  if (name === 'tag') return [...TAG_OPS];
  if (name === 'openPipeline') return ['gt', 'lt'];
  if (name === 'lastActivity') return ['withinLastDays', 'olderThanDays', 'never'];
  return ['withinMonths'];
}

export function emptyCondition(entity: SegmentEntity, what = `field:${Object.keys(SEGMENT_FIELDS[entity])[0]}`): DraftCondition {
  const op = operatorsFor(entity, what)[0] ?? 'equals';
  return { key: newKey(), kind: 'condition', what, op, value: '', values: [], from: '', to: '', days: what === 'fact:wonOpportunity' ? '12' : '', currency: 'EUR' };
}

export const emptyGroup = (op: 'and' | 'or' = 'and', items: DraftNode[] = []): DraftGroup => ({ key: newKey(), kind: 'group', op, items });

export type ChoiceGroup = 'Fields' | 'Tags and custom fields' | 'Related records';

/** Every "what" an entity offers, fields first; `customFields` are the entity's custom picklists. */
export function choicesFor(entity: SegmentEntity, customFields: { id: number; label: string }[] = []): { value: string; label: string; group: ChoiceGroup }[] {
  const fields = Object.entries(SEGMENT_FIELDS[entity] as Record<string, SegmentFieldDef>).map(([name, def]) => ({ value: `field:${name}`, label: def.label, group: 'Fields' as const }));
  const facts = FACTS_BY_ENTITY[entity]
    .filter((f) => f !== 'customPick')
    .map((f) => ({ value: `fact:${f}`, label: FACT_CHOICE_LABELS[f], group: f === 'tag' ? ('Tags and custom fields' as const) : ('Related records' as const) }));
  const picks = customFields.map((f) => ({ value: `pick:${f.id}`, label: f.label, group: 'Tags and custom fields' as const }));
  return [...fields, ...facts, ...picks];
}

export const FACT_CHOICE_LABELS: Record<SegmentFact, string> = {
  wonOpportunity: 'Won an opportunity',
  openPipeline: 'Open pipeline',
  lastActivity: 'Last activity',
  tag: 'Tags',
  customPick: 'Custom field',
};

const trimmed = (s: string) => s.trim();
const wholeNumber = (s: string): number | null => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : null);
const decimalNumber = (s: string): number | null => (s.trim() !== '' && Number.isFinite(Number(s.trim())) ? Number(s.trim()) : null);
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

function scalar(kind: FieldKind, text: string, currency: string): string | number | null {
  switch (kind) {
    case 'number':
      return decimalNumber(text);
    case 'owner':
      return wholeNumber(text);
    case 'money': {
      const m = parseMoney(text, currency);
      return m.ok ? m.amountMinor : null;
    }
    case 'date':
      return isDay(text) ? text : null;
    default:
      return trimmed(text) === '' ? null : trimmed(text);
  }
}

/** The condition as the contract has it, or a message saying what is missing. */
export function toItem(entity: SegmentEntity, d: DraftCondition): { item: SegmentItem } | { missing: string } {
  const [type, name] = d.what.split(':') as [string, string];
  if (type === 'pick') {
    const op = d.op as (typeof PICK_OPS)[number];
    if (op === 'empty' || op === 'notEmpty') return { item: { type: 'fact', fact: 'customPick', fieldId: Number(name), op } };
    return d.values.length ? { item: { type: 'fact', fact: 'customPick', fieldId: Number(name), op, values: [...new Set(d.values)] } } : { missing: 'Choose at least one value' };
  }
  if (type === 'fact' && name === 'tag') {
    const tagIds = [...new Set(d.values.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))];
    return tagIds.length ? { item: { type: 'fact', fact: 'tag', op: d.op as (typeof TAG_OPS)[number], tagIds } } : { missing: 'Choose at least one tag' };
  }
  if (type === 'fact') {
    const days = wholeNumber(d.days);
    if (name === 'wonOpportunity') return days !== null && days > 0 ? { item: { type: 'fact', fact: 'wonOpportunity', withinMonths: days } } : { missing: 'Give a number of months' };
    if (name === 'lastActivity') {
      if (d.op === 'never') return { item: { type: 'fact', fact: 'lastActivity', op: 'never' } };
      return days !== null && days > 0 ? { item: { type: 'fact', fact: 'lastActivity', op: d.op as 'withinLastDays' | 'olderThanDays', days } } : { missing: 'Give a number of days' };
    }
    const amount = parseMoney(d.value, d.currency);
    return amount.ok ? { item: { type: 'fact', fact: 'openPipeline', op: d.op as 'gt' | 'lt', amountMinor: amount.amountMinor, currency: d.currency } } : { missing: 'Give an amount' };
  }
  const def = fieldDef(entity, name);
  if (!def) return { missing: 'Choose a field' };
  const op = d.op as FieldOperator;
  const money = def.kind === 'money' ? { currency: d.currency } : {};
  switch (OPERATOR_ARITY[op]) {
    case 'none':
      return { item: { type: 'field', field: name, op } };
    case 'value': {
      const value = scalar(def.kind, d.value, d.currency);
      return value === null ? { missing: def.kind === 'date' ? 'Give a date' : 'Give a value' } : { item: { type: 'field', field: name, op, value, ...money } };
    }
    case 'values': {
      const values = d.values.map((v) => scalar(def.kind, v, d.currency)).filter((v): v is string | number => v !== null);
      return values.length ? { item: { type: 'field', field: name, op, values: [...new Set(values)] } } : { missing: 'Choose at least one value' };
    }
    case 'range': {
      const from = scalar(def.kind, d.from, d.currency);
      const to = scalar(def.kind, d.to, d.currency);
      if (from === null || to === null) return { missing: 'Give both ends of the range' };
      return from > to ? { missing: 'The range ends before it starts' } : { item: { type: 'field', field: name, op, from, to, ...money } };
    }
    case 'days': {
      const days = wholeNumber(d.days);
      return days !== null && days > 0 ? { item: { type: 'field', field: name, op, days } } : { missing: 'Give a number of days' };
    }
  }
}

/** What each incomplete condition lacks, by key. */
export function missingParts(entity: SegmentEntity, group: DraftGroup): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (g: DraftGroup) => {
    if (g !== group && g.items.length === 0) out.set(g.key, 'An empty group: add a condition or remove it');
    for (const n of g.items) {
      if (n.kind === 'group') walk(n);
      else {
        const r = toItem(entity, n);
        if ('missing' in r) out.set(n.key, r.missing);
      }
    }
  };
  walk(group);
  return out;
}

/** The rule with incomplete conditions (and groups left empty by them) left out, for the live count. */
export function countableGroup(entity: SegmentEntity, group: DraftGroup): { root: SegmentGroup; leftOut: number } {
  let leftOut = 0;
  const walk = (g: DraftGroup): SegmentGroup => ({
    type: 'group',
    op: g.op,
    items: g.items.flatMap((n): SegmentItem[] => {
      if (n.kind === 'group') {
        const inner = walk(n);
        return inner.items.length ? [inner] : [];
      }
      const r = toItem(entity, n);
      if ('missing' in r) {
        leftOut++;
        return [];
      }
      return [r.item];
    }),
  });
  return { root: walk(group), leftOut };
}

/** A saved rule back into a draft. */
export function toDraft(entity: SegmentEntity, g: SegmentGroup): DraftGroup {
  return {
    key: newKey(),
    kind: 'group',
    op: g.op,
    items: g.items.map((item): DraftNode => {
      if (item.type === 'group') return toDraft(entity, item);
      if (item.type === 'fact' && item.fact === 'customPick') return { ...emptyCondition(entity, `pick:${item.fieldId}`), op: item.op, values: item.values ?? [] };
      if (item.type === 'fact' && item.fact === 'tag') return { ...emptyCondition(entity, 'fact:tag'), op: item.op, values: item.tagIds.map(String) };
      if (item.type === 'fact') {
        const base = emptyCondition(entity, `fact:${item.fact}`);
        if (item.fact === 'wonOpportunity') return { ...base, days: String(item.withinMonths) };
        if (item.fact === 'lastActivity') return { ...base, op: item.op, days: item.days === undefined ? '' : String(item.days) };
        return { ...base, op: item.op, value: minorToDecimalText(item.amountMinor, item.currency), currency: item.currency };
      }
      const def = fieldDef(entity, item.field);
      const currency = item.currency ?? 'EUR';
      const text = (v: string | number | undefined) => (v === undefined ? '' : def?.kind === 'money' ? minorToDecimalText(Number(v), currency) : String(v));
      return {
        ...emptyCondition(entity, `field:${item.field}`),
        op: item.op,
        value: text(item.value),
        values: (item.values ?? []).map((v) => text(v)),
        from: text(item.from),
        to: text(item.to),
        days: item.days === undefined ? '' : String(item.days),
        currency,
      };
    }),
  };
}

/** Replaces the node with `key` anywhere in the tree (or removes it when `next` is null). */
export function replaceNode(group: DraftGroup, key: string, next: DraftNode | null): DraftGroup {
  return {
    ...group,
    items: group.items.flatMap((n) => {
      if (n.key === key) return next ? [next] : [];
      return n.kind === 'group' ? [replaceNode(n, key, next)] : [n];
    }),
  };
}

/** How deep a group sits (the top group is 1). */
export function depthOf(root: DraftGroup, key: string, depth = 1): number | null {
  if (root.key === key) return depth;
  for (const n of root.items) {
    if (n.kind === 'group') {
      const d = depthOf(n, key, depth + 1);
      if (d !== null) return d;
    }
  }
  return null;
}
