import { z } from 'zod';
import { isCountryCode } from '../countries';
import { CurrencyCode } from '../money';
import { INDUSTRIES } from '../picklists';
import { SUPPRESSION_KINDS } from '../suppression';
import { Id, Timestamp, UserRef, requiredText, optionalText } from './common';
import { method } from './define';
import { gridPage, gridQuery } from './grid';
import { LEAD_RATINGS, LEAD_SOURCES, LEAD_STATUSES } from './leads';

/*
 * Segments: a rule tree over contacts, leads or accounts, compiled to SQL in
 * the main process (domain/segments/). Fields come from a whitelist per
 * entity; nothing the renderer sends ever reaches SQL as an identifier.
 */

export const SEGMENT_ENTITIES = ['contact', 'lead', 'account'] as const;
export type SegmentEntity = (typeof SEGMENT_ENTITIES)[number];

/** Ways of reaching someone; each has its consent rules (domain/segments/consent.ts). */
export const CHANNELS = ['email', 'call', 'letter', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const FIELD_KINDS = ['text', 'picklist', 'country', 'owner', 'number', 'money', 'date', 'boolean'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const FIELD_OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'startsWith',
  'in',
  'notIn',
  'gt',
  'lt',
  'between',
  'withinLastDays',
  'olderThanDays',
  'isEmpty',
  'isNotEmpty',
  'isTrue',
  'isFalse',
] as const;
export type FieldOperator = (typeof FIELD_OPERATORS)[number];

/** Which operators each kind of field takes. */
export const OPERATORS_BY_KIND: Record<FieldKind, readonly FieldOperator[]> = {
  text: ['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'in', 'isEmpty', 'isNotEmpty'],
  picklist: ['equals', 'notEquals', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  country: ['equals', 'notEquals', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  owner: ['equals', 'notEquals', 'in', 'notIn'],
  number: ['equals', 'notEquals', 'gt', 'lt', 'between', 'isEmpty', 'isNotEmpty'],
  money: ['equals', 'gt', 'lt', 'between', 'isEmpty', 'isNotEmpty'],
  date: ['equals', 'gt', 'lt', 'between', 'withinLastDays', 'olderThanDays', 'isEmpty', 'isNotEmpty'],
  boolean: ['isTrue', 'isFalse'],
};

/** What each operator needs besides the field: a value, a list, a range, a number of days, nothing. */
export const OPERATOR_ARITY: Record<FieldOperator, 'value' | 'values' | 'range' | 'days' | 'none'> = {
  equals: 'value',
  notEquals: 'value',
  contains: 'value',
  notContains: 'value',
  startsWith: 'value',
  in: 'values',
  notIn: 'values',
  gt: 'value',
  lt: 'value',
  between: 'range',
  withinLastDays: 'days',
  olderThanDays: 'days',
  isEmpty: 'none',
  isNotEmpty: 'none',
  isTrue: 'none',
  isFalse: 'none',
};

export interface SegmentFieldDef {
  label: string;
  kind: FieldKind;
  /** The allowed values of a picklist. */
  options?: readonly string[];
}

const text = (label: string): SegmentFieldDef => ({ label, kind: 'text' });
const pick = (label: string, options: readonly string[]): SegmentFieldDef => ({ label, kind: 'picklist', options });
const ADDRESS = {
  city: text('City'),
  region: text('Region'),
  postcode: text('Postcode'),
  country: { label: 'Country', kind: 'country' },
} satisfies Record<string, SegmentFieldDef>;

/**
 * The fixed fields a rule may name, per entity. Tags and administrators' custom picklists are
 * facts ('tag', 'customPick' below), since they live in their own tables.
 */
export const SEGMENT_FIELDS = {
  contact: {
    firstName: text('First name'),
    lastName: text('Last name'),
    title: text('Title'),
    email: text('E-mail'),
    phone: text('Phone'),
    ...ADDRESS,
    birthday: { label: 'Birthday', kind: 'date' },
    emailOptOut: { label: 'E-mail opt-out', kind: 'boolean' },
    doNotCall: { label: 'Do not call', kind: 'boolean' },
    owner: { label: 'Owner', kind: 'owner' },
    accountName: text('Account name'),
    accountIndustry: pick('Account industry', INDUSTRIES),
    createdAt: { label: 'Created', kind: 'date' },
    updatedAt: { label: 'Last changed', kind: 'date' },
  },
  lead: {
    firstName: text('First name'),
    lastName: text('Last name'),
    company: text('Company'),
    title: text('Title'),
    email: text('E-mail'),
    phone: text('Phone'),
    ...ADDRESS,
    industry: pick('Industry', INDUSTRIES),
    employees: { label: 'Employees', kind: 'number' },
    source: pick('Source', LEAD_SOURCES),
    status: pick('Status', LEAD_STATUSES),
    rating: pick('Rating', LEAD_RATINGS),
    score: { label: 'Score', kind: 'number' },
    owner: { label: 'Owner', kind: 'owner' },
    createdAt: { label: 'Created', kind: 'date' },
    updatedAt: { label: 'Last changed', kind: 'date' },
  },
  account: {
    name: text('Name'),
    industry: pick('Industry', INDUSTRIES),
    employees: { label: 'Employees', kind: 'number' },
    annualRevenue: { label: 'Annual revenue', kind: 'money' },
    website: text('Website'),
    phone: text('Phone'),
    ...ADDRESS,
    owner: { label: 'Owner', kind: 'owner' },
    createdAt: { label: 'Created', kind: 'date' },
    updatedAt: { label: 'Last changed', kind: 'date' },
  },
} as const satisfies Record<SegmentEntity, Record<string, SegmentFieldDef>>;

/** Facts about related records, as EXISTS-style conditions. */
export const SEGMENT_FACTS = ['wonOpportunity', 'openPipeline', 'lastActivity', 'tag', 'customPick'] as const;
export type SegmentFact = (typeof SEGMENT_FACTS)[number];

export const FACT_LABELS: Record<SegmentFact, string> = {
  wonOpportunity: 'Won an opportunity',
  openPipeline: 'Open pipeline',
  lastActivity: 'Last activity',
  tag: 'Tags',
  customPick: 'Custom field',
};

/** Contacts' opportunities are those of their account and those they are the primary contact of. */
export const FACTS_BY_ENTITY: Record<SegmentEntity, readonly SegmentFact[]> = {
  contact: ['wonOpportunity', 'openPipeline', 'lastActivity', 'tag', 'customPick'],
  account: ['wonOpportunity', 'openPipeline', 'lastActivity', 'tag', 'customPick'],
  lead: ['lastActivity', 'tag', 'customPick'],
};

export const LAST_ACTIVITY_OPS = ['withinLastDays', 'olderThanDays', 'never'] as const;
export const PIPELINE_OPS = ['gt', 'lt'] as const;
/** Any of the tags, all of them, none of them. */
export const TAG_OPS = ['any', 'all', 'none'] as const;
/** A custom picklist: one of the values, none of them (or no value), no value, some value. */
export const PICK_OPS = ['anyOf', 'noneOf', 'empty', 'notEmpty'] as const;
export const MAX_RULE_TAGS = 50;

export const MAX_DEPTH = 4;
export const MAX_GROUP_ITEMS = 20;
export const MAX_CONDITIONS = 50;
export const MAX_VALUES = 500;
const MAX_DAYS = 36_500;

const Scalar = z.union([z.string().max(200, 'At most 200 characters'), z.number().finite()]);

export const FieldCondition = z
  .object({
    type: z.literal('field'),
    field: z.string().min(1, 'Choose a field').max(40),
    op: z.enum(FIELD_OPERATORS, { error: `Choose an operator (${FIELD_OPERATORS.join(', ')})` }),
    value: Scalar.optional(),
    values: z.array(Scalar).max(MAX_VALUES, `At most ${MAX_VALUES} values`).optional(),
    from: Scalar.optional(),
    to: Scalar.optional(),
    days: z.number().int('Whole days').min(0, 'Days cannot be negative').max(MAX_DAYS, `At most ${MAX_DAYS} days`).optional(),
    /** Money fields compare within one currency. */
    currency: CurrencyCode.optional(),
  })
  .strict();
export type FieldCondition = z.infer<typeof FieldCondition>;

export const FactCondition = z.discriminatedUnion(
  'fact',
  [
    z
      .object({
        type: z.literal('fact'),
        fact: z.literal('wonOpportunity'),
        /** Won (closed) within the last N months. */
        withinMonths: z.number().int('Whole months').min(1, 'At least 1 month').max(120, 'At most 120 months'),
      })
      .strict(),
    z
      .object({
        type: z.literal('fact'),
        fact: z.literal('openPipeline'),
        op: z.enum(PIPELINE_OPS),
        /** The sum of open opportunities in this currency, in minor units. */
        amountMinor: z.number().int('Whole minor units').min(0, 'An amount cannot be negative').max(Number.MAX_SAFE_INTEGER),
        currency: CurrencyCode,
      })
      .strict(),
    z
      .object({
        type: z.literal('fact'),
        fact: z.literal('lastActivity'),
        op: z.enum(LAST_ACTIVITY_OPS),
        days: z.number().int('Whole days').min(1, 'At least 1 day').max(MAX_DAYS, `At most ${MAX_DAYS} days`).optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal('fact'),
        fact: z.literal('tag'),
        op: z.enum(TAG_OPS, { error: `Tags are matched by ${TAG_OPS.join(', ')}` }),
        tagIds: z
          .array(Id)
          .min(1, 'Choose at least one tag')
          .max(MAX_RULE_TAGS, `At most ${MAX_RULE_TAGS} tags`)
          .refine((ids) => new Set(ids).size === ids.length, 'A tag is listed twice'),
      })
      .strict(),
    z
      .object({
        type: z.literal('fact'),
        fact: z.literal('customPick'),
        fieldId: Id,
        op: z.enum(PICK_OPS, { error: `A custom field is matched by ${PICK_OPS.join(', ')}` }),
        /** Options of the field (checked against it when counting and saving). */
        values: z
          .array(z.string().min(1).max(100, 'At most 100 characters'))
          .max(200, 'At most 200 values')
          .refine((vs) => new Set(vs).size === vs.length, 'A value is listed twice')
          .optional(),
      })
      .strict(),
  ],
  { error: `A fact is one of ${SEGMENT_FACTS.join(', ')}` },
);
export type FactCondition = z.infer<typeof FactCondition>;

export interface SegmentGroup {
  type: 'group';
  op: 'and' | 'or';
  items: SegmentItem[];
}
export type SegmentItem = FieldCondition | FactCondition | SegmentGroup;

const GroupObject = z
  .object({
    type: z.literal('group'),
    op: z.enum(['and', 'or'], { error: 'A group is "and" or "or"' }),
    get items(): z.ZodArray<z.ZodType<SegmentItem>> {
      return z.array(SegmentItem).max(MAX_GROUP_ITEMS, `At most ${MAX_GROUP_ITEMS} items in a group`);
    },
  })
  .strict();

export const SegmentItem: z.ZodType<SegmentItem> = z.discriminatedUnion('type', [FieldCondition, FactCondition, GroupObject], {
  error: 'Each item is a condition on a field (type "field"), a related fact ("fact") or a group ("group")',
});
export const SegmentGroup: z.ZodType<SegmentGroup> = GroupObject;

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

type Issue = { path: (string | number)[]; message: string };

function describeOps(kind: FieldKind): string {
  return OPERATORS_BY_KIND[kind].join(', ');
}

/** The meaning of one field condition: its field exists for the entity, its operator suits the field, its values suit both. */
function checkField(entity: SegmentEntity, c: FieldCondition, path: (string | number)[], out: Issue[]): void {
  const fields = SEGMENT_FIELDS[entity] as Record<string, SegmentFieldDef>;
  const def = Object.prototype.hasOwnProperty.call(fields, c.field) ? fields[c.field] : undefined;
  if (!def) {
    out.push({ path: [...path, 'field'], message: `${entity === 'account' ? 'Accounts' : entity === 'lead' ? 'Leads' : 'Contacts'} have no field "${c.field}" (use ${Object.keys(fields).join(', ')})` });
    return;
  }
  if (!OPERATORS_BY_KIND[def.kind].includes(c.op)) {
    out.push({ path: [...path, 'op'], message: `"${c.op}" does not apply to ${def.label} (a ${def.kind} field); use ${describeOps(def.kind)}` });
    return;
  }
  const arity = OPERATOR_ARITY[c.op];
  const extra = (['value', 'values', 'from', 'to', 'days', 'currency'] as const).filter((k) => c[k] !== undefined);
  const wanted: readonly string[] =
    arity === 'value' ? ['value'] : arity === 'values' ? ['values'] : arity === 'range' ? ['from', 'to'] : arity === 'days' ? ['days'] : [];
  const currencyOk = def.kind === 'money' && arity !== 'none';
  for (const k of extra) {
    if (!wanted.includes(k) && !(k === 'currency' && currencyOk)) out.push({ path: [...path, k], message: `"${c.op}" takes no ${k}` });
  }
  for (const k of wanted) if (c[k as keyof FieldCondition] === undefined) out.push({ path: [...path, k], message: `${def.label} ${c.op} needs ${k === 'values' ? 'a list of values' : `a ${k}`}` });
  if (currencyOk && c.currency === undefined) out.push({ path: [...path, 'currency'], message: `${def.label} compares in one currency: give its code (EUR, USD…)` });
  const check = (v: unknown, at: (string | number)[]) => {
    const bad = (message: string) => out.push({ path: at, message });
    switch (def.kind) {
      case 'text':
        if (typeof v !== 'string' || v.trim() === '') bad(`${def.label} needs a text to compare with`);
        break;
      case 'picklist':
        if (typeof v !== 'string' || !def.options!.includes(v)) bad(`${def.label} is one of ${def.options!.join(', ')}`);
        break;
      case 'country':
        if (typeof v !== 'string' || !isCountryCode(v)) bad('Use a two-letter ISO country code in capitals, such as DE or US');
        break;
      case 'owner':
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) bad('An owner is a user id');
        break;
      case 'number':
        if (typeof v !== 'number') bad(`${def.label} compares with a number`);
        break;
      case 'money':
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) bad(`${def.label} compares with whole minor units (cents)`);
        break;
      case 'date':
        if (!isDay(v)) bad(`${def.label} compares with a date written YYYY-MM-DD`);
        break;
      case 'boolean':
        break;
    }
  };
  if (arity === 'value' && c.value !== undefined) check(c.value, [...path, 'value']);
  if (arity === 'values' && c.values !== undefined) {
    if (c.values.length === 0) out.push({ path: [...path, 'values'], message: 'Give at least one value' });
    c.values.forEach((v, i) => check(v, [...path, 'values', i]));
  }
  if (arity === 'range' && c.from !== undefined && c.to !== undefined) {
    check(c.from, [...path, 'from']);
    check(c.to, [...path, 'to']);
    if (typeof c.from === typeof c.to && c.from > c.to) out.push({ path: [...path, 'to'], message: 'The end of the range is before its start' });
  }
  if (arity === 'days' && c.days === 0) out.push({ path: [...path, 'days'], message: 'At least 1 day' });
}

function checkFact(entity: SegmentEntity, c: FactCondition, path: (string | number)[], out: Issue[]): void {
  if (!FACTS_BY_ENTITY[entity].includes(c.fact)) {
    out.push({ path: [...path, 'fact'], message: `"${c.fact}" does not apply to ${entity}s (use ${FACTS_BY_ENTITY[entity].join(', ')})` });
    return;
  }
  if (c.fact === 'lastActivity') {
    if (c.op === 'never' && c.days !== undefined) out.push({ path: [...path, 'days'], message: '"never" takes no days' });
    if (c.op !== 'never' && c.days === undefined) out.push({ path: [...path, 'days'], message: 'Give a number of days' });
  }
  if (c.fact === 'customPick') {
    const needs = c.op === 'anyOf' || c.op === 'noneOf';
    if (needs && (c.values === undefined || c.values.length === 0)) out.push({ path: [...path, 'values'], message: 'Choose at least one value' });
    if (!needs && c.values !== undefined) out.push({ path: [...path, 'values'], message: `"${c.op}" takes no values` });
  }
}

/** Depth, size and meaning of a whole rule tree. */
export function checkSegmentRule(rule: { entity: SegmentEntity; root: SegmentGroup }): Issue[] {
  const out: Issue[] = [];
  let conditions = 0;
  const walk = (group: SegmentGroup, depth: number, path: (string | number)[]) => {
    if (depth > MAX_DEPTH) {
      out.push({ path, message: `Groups nest at most ${MAX_DEPTH} deep` });
      return;
    }
    if (depth > 1 && group.items.length === 0) out.push({ path: [...path, 'items'], message: 'A group needs at least one condition' });
    group.items.forEach((item, i) => {
      const at = [...path, 'items', i];
      if (item.type === 'group') walk(item, depth + 1, at);
      else {
        conditions++;
        if (item.type === 'field') checkField(rule.entity, item, at, out);
        else checkFact(rule.entity, item, at, out);
      }
    });
  };
  walk(rule.root, 1, ['root']);
  if (conditions > MAX_CONDITIONS) out.push({ path: ['root'], message: `At most ${MAX_CONDITIONS} conditions in a segment` });
  return out;
}

const ruleShape = {
  entity: z.enum(SEGMENT_ENTITIES, { error: 'A segment is of contacts, leads or accounts' }),
  /** The top group; an empty one matches every live record. */
  root: SegmentGroup,
};

function refineRule<T extends { entity: SegmentEntity; root: SegmentGroup }>(rule: T, ctx: z.RefinementCtx): void {
  for (const issue of checkSegmentRule(rule)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

export const SegmentRule = z.object(ruleShape).strict().superRefine(refineRule);
export type SegmentRule = z.infer<typeof SegmentRule>;

export const SampleRow = z.object({
  id: Id,
  name: z.string(),
  /** E-mail (contacts, leads) or website (accounts). */
  detail: z.string().nullable(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  ownerName: z.string(),
});
export type SampleRow = z.infer<typeof SampleRow>;

const ChannelCounts = z.object({ email: z.number().int(), call: z.number().int(), letter: z.number().int(), sms: z.number().int() });
export type ChannelCounts = z.infer<typeof ChannelCounts>;

export const SegmentCount = z.object({
  entity: z.enum(SEGMENT_ENTITIES),
  total: z.number().int(),
  /** Up to 20 matching records (the first the count's index gives), sorted by name; empty when not asked for. */
  sample: z.array(SampleRow),
  /** How many of them may be reached on each channel (consent, suppression list, an address to use). */
  channels: ChannelCounts.nullable(),
});
export type SegmentCount = z.infer<typeof SegmentCount>;

export const Segment = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  entity: z.enum(SEGMENT_ENTITIES),
  root: z.custom<SegmentGroup>(),
  version: z.number().int().positive(),
  createdAt: Timestamp,
  createdBy: UserRef,
  updatedAt: Timestamp,
  updatedBy: UserRef,
});
export type Segment = z.infer<typeof Segment>;

export const SegmentSummary = Segment.omit({ root: true, createdBy: true, createdAt: true });
export type SegmentSummary = z.infer<typeof SegmentSummary>;

export const SegmentInput = z
  .object({
    /** Absent for a new segment. */
    id: Id.optional(),
    /** The version the user saw; required when saving an existing segment. */
    version: z.number().int().positive().optional(),
    name: requiredText(100, 'Name'),
    description: optionalText(500),
    ...ruleShape,
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.id !== undefined && s.version === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'Saving a segment needs the version you saw' });
    refineRule(s, ctx);
  });
export type SegmentInput = z.input<typeof SegmentInput>;

export const TargetList = z.object({
  id: Id,
  name: z.string(),
  entity: z.enum(SEGMENT_ENTITIES),
  /** A list made for one channel admits only members who may be reached on it. */
  channel: z.enum(CHANNELS).nullable(),
  segment: z.object({ id: Id, name: z.string() }).nullable(),
  /** Members whose records are not in the recycle bin. */
  memberCount: z.number().int(),
  /** Of those, how many may be reached on the list's channel today (null without a channel). */
  eligibleCount: z.number().int().nullable(),
  createdAt: Timestamp,
  createdBy: UserRef,
});
export type TargetList = z.infer<typeof TargetList>;

export const TargetListSummary = TargetList.omit({ eligibleCount: true });

export const ListMemberRow = z.object({
  id: Id,
  name: z.string(),
  detail: z.string().nullable(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  ownerName: z.string(),
  addedAt: Timestamp,
  /** May be reached on the list's channel today; null for a list without a channel. */
  eligible: z.boolean().nullable(),
});
export type ListMemberRow = z.infer<typeof ListMemberRow>;

export const LIST_MEMBER_SORTABLE = ['name', 'addedAt'] as const;
export const LIST_MEMBER_FILTERABLE = ['name'] as const;

const RecordIds = z
  .array(Id)
  .min(1, 'Choose at least one record')
  .max(10_000, 'At most 10,000 records at once')
  .refine((ids) => new Set(ids).size === ids.length, 'A record is listed twice');

export const Suppression = z.object({
  id: Id,
  kind: z.enum(SUPPRESSION_KINDS),
  /** The key compared: a lower-case address, a domain, the last eight digits of a number. */
  value: z.string(),
  /** As it was entered. */
  entered: z.string(),
  reason: z.string().nullable(),
  createdAt: Timestamp,
  createdBy: UserRef,
});
export type Suppression = z.infer<typeof Suppression>;

const SuppressionValues = z
  .array(z.string().max(254, 'At most 254 characters'))
  .min(1, 'Give at least one address, domain or number')
  .max(1000, 'At most 1,000 entries at once');

export const segmentsContract = {
  'segments.count': method({
    summary: 'How many live records a rule matches, with 20 of them and, when asked, how many may be reached per channel',
    writes: false,
    input: z.object({ rule: SegmentRule, channels: z.boolean().default(false), sample: z.boolean().default(true) }).strict(),
    output: SegmentCount,
  }),
  'segments.list': method({
    summary: 'Saved (dynamic) segments, by name',
    writes: false,
    input: z.object({ entity: z.enum(SEGMENT_ENTITIES).optional() }).strict(),
    output: z.array(SegmentSummary),
  }),
  'segments.get': method({
    summary: 'One saved segment with its rule',
    writes: false,
    input: z.object({ id: Id }).strict(),
    output: Segment,
  }),
  'segments.save': method({
    summary: 'Create a segment, or save one with the version you saw (a newer version on file refuses the save)',
    writes: true,
    input: SegmentInput,
    output: Segment,
  }),
  'segments.delete': method({
    summary: 'Delete a saved segment (lists frozen from it stay)',
    writes: true,
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
  }),
  'segments.freeze': method({
    summary: "Snapshot a saved segment's current members into a new static target list (for a channel: only those who may be reached on it)",
    writes: true,
    input: z
      .object({
        segmentId: Id,
        name: requiredText(100, 'Name'),
        channel: z.enum(CHANNELS).nullable().default(null),
      })
      .strict(),
    output: z.object({ list: TargetList, added: z.number().int(), leftOut: z.number().int() }),
  }),
  'lists.list': method({
    summary: 'Static target lists, newest first',
    writes: false,
    input: z.object({ entity: z.enum(SEGMENT_ENTITIES).optional() }).strict(),
    output: z.array(TargetListSummary),
  }),
  'lists.get': method({
    summary: 'One target list with its member counts',
    writes: false,
    input: z.object({ id: Id }).strict(),
    output: TargetList,
  }),
  'lists.create': method({
    summary: 'An empty static target list, to fill by hand',
    writes: true,
    input: z.object({ name: requiredText(100, 'Name'), entity: z.enum(SEGMENT_ENTITIES), channel: z.enum(CHANNELS).nullable().default(null) }).strict(),
    output: TargetList,
  }),
  'lists.members': method({
    summary: "A page of a list's members (live records), for the grid",
    writes: false,
    input: gridQuery(LIST_MEMBER_SORTABLE, LIST_MEMBER_FILTERABLE, { listId: Id }),
    output: gridPage(ListMemberRow),
  }),
  'lists.add': method({
    summary: "Add records to a list; a channel's list refuses those who may not be reached on it",
    writes: true,
    input: z.object({ listId: Id, ids: RecordIds }).strict(),
    output: z.object({ added: z.number().int(), alreadyMembers: z.number().int(), leftOut: z.array(z.object({ id: Id, reason: z.string() })) }),
  }),
  'lists.remove': method({
    summary: 'Take records off a list',
    writes: true,
    input: z.object({ listId: Id, ids: RecordIds }).strict(),
    output: z.object({ removed: z.number().int() }),
  }),
  'lists.delete': method({
    summary: 'Delete a target list and its memberships (the records stay)',
    writes: true,
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
  }),
  'suppressions.list': method({
    summary: 'The suppression list: addresses, domains and numbers never to be contacted, newest first',
    writes: false,
    input: z
      .object({
        kind: z.enum(SUPPRESSION_KINDS).optional(),
        search: z.string().max(254).optional(),
        offset: z.number().int().min(0).max(100_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(Suppression), total: z.number().int() }),
  }),
  'suppressions.add': method({
    summary: 'Put e-mail addresses, domains or phone numbers on the suppression list (ones already there are left as they are)',
    writes: true,
    input: z.object({ kind: z.enum(SUPPRESSION_KINDS), values: SuppressionValues, reason: optionalText(300) }).strict(),
    output: z.object({ added: z.number().int(), alreadyListed: z.number().int() }),
  }),
  'suppressions.remove': method({
    summary: 'Take entries off the suppression list (administrators and marketing)',
    writes: true,
    input: z.object({ ids: RecordIds }).strict(),
    output: z.object({ removed: z.number().int() }),
  }),
};
