/**
 * Random small CRMs and random segment rules for the segment tests: values come
 * from small pools so rules and records meet often (case, accents, LIKE's own
 * characters, empty strings, day boundaries around "now").
 */
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import {
  FACTS_BY_ENTITY,
  OPERATORS_BY_KIND,
  OPERATOR_ARITY,
  SEGMENT_FIELDS,
  SegmentRule,
  type FieldOperator,
  type SegmentEntity,
  type SegmentGroup,
  type SegmentItem,
} from '../../shared/contract/segments';
import { LEAD_RATINGS, LEAD_SOURCES, LEAD_STATUSES } from '../../shared/contract/leads';
import { domainKey, emailKey, phoneKey } from '../../shared/suppression';
import type { Row, World } from './segment-evaluator';

export const NOW = '2026-03-01T09:00:00.000Z';

const DAY = 86_400_000;
const at = (days: number, ms = 0) => new Date(Date.parse(NOW) + days * DAY + ms).toISOString();

/** Times around the boundaries rules use: today, 90 days, a year back, the future. */
const timeArb = fc
  .tuple(fc.constantFrom(-800, -400, -366, -365, -364, -200, -91, -90, -89, -30, -7, -1, 0, 1, 30), fc.integer({ min: -12 * 3600_000, max: 12 * 3600_000 }))
  .map(([d, ms]) => at(d, ms));
const dayArb = timeArb.map((t) => t.slice(0, 10));
const maybe = <T>(arb: fc.Arbitrary<T>, nullWeight = 1) => fc.oneof({ arbitrary: fc.constant(null), weight: nullWeight }, { arbitrary: arb, weight: 3 });

const NAMES = ['Ann', 'ann', 'Anna', 'Bob', 'Émile', 'émile', 'O_Neil', '50% off', 'Zoë'];
const TITLES = ['Manager', 'sales manager', 'CEO', ''];
const EMAILS = ['ann@acme.example', 'ANN@Acme.Example', 'bob@other.example', 'x@sub.acme.example', 'zoe@acme.example', ''];
const PHONES = ['+49 89 1234567', '089 1234567', '+1 (555) 010-2000 x 12', '555-0100', '+33 1 23 45 67 89', ''];
const COUNTRIES = ['DE', 'FR', 'US'];
const CITIES = ['Berlin', 'berlin', 'Paris', ''];
const INDUSTRIES = ['Retail', 'Software', 'Banking'];
const STREETS = ['Main 1', ''];

export const TEXT_VALUES = ['ann', 'Ann', 'an', 'émile', 'Émile', 'o_n', 'O_N', '50%', 'bob', 'x', 'acme', 'Manager', 'berlin', '089', '+49'];

const deletedArb = fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: timeArb, weight: 1 });

export interface Plan {
  accounts: Row[];
  contacts: Row[];
  leads: Row[];
  opportunities: Row[];
  activities: Row[];
  suppressions: { kind: 'email' | 'domain' | 'phone'; entered: string }[];
  recordTags: { entity: SegmentEntity; record: number; tag: number }[];
  customValues: { field: number; record: number; value: number }[];
}

/** Tags 1–4 and these custom picklists exist in every world (loadPlan writes them with these ids). */
export const WORLD_TAGS = [1, 2, 3, 4];
export const WORLD_FIELDS: { id: number; entity: SegmentEntity; options: string[]; multiple: boolean }[] = [
  { id: 1, entity: 'contact', options: ['Gold', 'Silver', 'gold', 'Bronze'], multiple: false },
  { id: 2, entity: 'contact', options: ['Golf', 'Sailing', 'Chess'], multiple: true },
  { id: 3, entity: 'lead', options: ['Web', 'Fair', 'Call'], multiple: true },
  { id: 4, entity: 'account', options: ['A', 'B', 'C'], multiple: false },
  { id: 5, entity: 'account', options: ['North', 'South'], multiple: true },
];

const ownerArb = fc.constantFrom(1, 2, 3);

const accountArb = fc.record({
  name: fc.constantFrom(...NAMES, 'Acme', 'ACME Corp'),
  industry: maybe(fc.constantFrom(...INDUSTRIES)),
  employees: maybe(fc.constantFrom(0, 10, 50, 51, 1000)),
  revenue: maybe(fc.record({ amount: fc.constantFrom(0, 100, 5000, 5001), currency: fc.constantFrom('EUR', 'USD') })),
  website: maybe(fc.constantFrom('acme.example', 'https://Other.example', '')),
  phone: maybe(fc.constantFrom(...PHONES)),
  street: maybe(fc.constantFrom(...STREETS)),
  city: maybe(fc.constantFrom(...CITIES)),
  country: maybe(fc.constantFrom(...COUNTRIES)),
  owner: ownerArb,
  created: timeArb,
  deleted: deletedArb,
});

const contactArb = fc.record({
  first: maybe(fc.constantFrom(...NAMES)),
  last: fc.constantFrom(...NAMES),
  title: maybe(fc.constantFrom(...TITLES)),
  email: maybe(fc.constantFrom(...EMAILS)),
  phone: maybe(fc.constantFrom(...PHONES)),
  account: maybe(fc.nat(40)),
  street: maybe(fc.constantFrom(...STREETS)),
  city: maybe(fc.constantFrom(...CITIES)),
  country: maybe(fc.constantFrom(...COUNTRIES)),
  birthday: maybe(dayArb),
  optOut: fc.boolean(),
  dnc: fc.boolean(),
  owner: ownerArb,
  created: timeArb,
  updated: timeArb,
  deleted: deletedArb,
});

const leadArb = fc.record({
  first: maybe(fc.constantFrom(...NAMES)),
  last: fc.constantFrom(...NAMES),
  company: maybe(fc.constantFrom('Acme', 'acme gmbh', '')),
  title: maybe(fc.constantFrom(...TITLES)),
  email: maybe(fc.constantFrom(...EMAILS)),
  phone: maybe(fc.constantFrom(...PHONES)),
  street: maybe(fc.constantFrom(...STREETS)),
  city: maybe(fc.constantFrom(...CITIES)),
  country: maybe(fc.constantFrom(...COUNTRIES)),
  industry: maybe(fc.constantFrom(...INDUSTRIES)),
  employees: maybe(fc.constantFrom(0, 10, 50, 51)),
  source: fc.constantFrom(...LEAD_SOURCES),
  status: fc.constantFrom(...LEAD_STATUSES),
  rating: maybe(fc.constantFrom(...LEAD_RATINGS)),
  score: fc.constantFrom(-5, 0, 49, 50, 51, 100),
  owner: ownerArb,
  created: timeArb,
  deleted: deletedArb,
});

const opportunityArb = fc.record({
  account: maybe(fc.nat(40)),
  contact: maybe(fc.nat(60)),
  /** The primary contact works at the opportunity's account (when one does): counted once in its pipeline. */
  contactAtAccount: fc.boolean(),
  kind: fc.constantFrom('open', 'won', 'lost'),
  amount: fc.constantFrom(0, 100, 4900, 5000, 5001),
  currency: fc.constantFrom('EUR', 'USD'),
  closed: timeArb,
  deleted: deletedArb,
});

const activityArb = fc.record({
  contact: maybe(fc.nat(60), 2),
  lead: maybe(fc.nat(40), 2),
  account: maybe(fc.nat(40), 2),
  created: timeArb,
  completed: maybe(timeArb, 3),
  starts: maybe(timeArb, 3),
  ends: maybe(timeArb, 3),
  deleted: deletedArb,
});

const suppressionArb = fc.oneof(
  fc.record({ kind: fc.constant('email' as const), entered: fc.constantFrom('ann@acme.example', 'BOB@other.example', 'zoe@acme.example') }),
  fc.record({ kind: fc.constant('domain' as const), entered: fc.constantFrom('acme.example', '@Other.example', 'sub.acme.example') }),
  fc.record({ kind: fc.constant('phone' as const), entered: fc.constantFrom('+49 (89) 123-4567', '555 0100', '+1 555 010 2000', '01 23 45 67 89') }),
);

export const planArb: fc.Arbitrary<Plan> = fc
  .record({
    accounts: fc.array(accountArb, { minLength: 3, maxLength: 12 }),
    contacts: fc.array(contactArb, { minLength: 5, maxLength: 25 }),
    leads: fc.array(leadArb, { minLength: 3, maxLength: 15 }),
    opportunities: fc.array(opportunityArb, { minLength: 2, maxLength: 20 }),
    activities: fc.array(activityArb, { minLength: 3, maxLength: 30 }),
    suppressions: fc.uniqueArray(suppressionArb, { maxLength: 5, selector: (s) => `${s.kind}:${s.entered}` }),
    recordTags: fc.array(fc.record({ entity: fc.constantFrom<SegmentEntity>('contact', 'lead', 'account'), record: fc.nat(30), tag: fc.constantFrom(...WORLD_TAGS) }), { maxLength: 40 }),
    customValues: fc.array(fc.record({ field: fc.nat(WORLD_FIELDS.length - 1), record: fc.nat(30), value: fc.nat(3) }), { maxLength: 40 }),
  })
  .map((p) => p as unknown as Plan);

/** Replaces the CRM's records with the plan's, straight through SQL (users 1–3 must exist). */
export function loadPlan(db: Database, plan: Plan): World {
  db.exec(`DELETE FROM record_tags; DELETE FROM tags; DELETE FROM custom_field_values; DELETE FROM custom_fields; DELETE FROM target_list_members; DELETE FROM target_lists; DELETE FROM activities; DELETE FROM opportunity_stage_history;
    DELETE FROM opportunities; DELETE FROM leads; DELETE FROM contacts; DELETE FROM accounts; DELETE FROM suppressions;`);
  const stages = db.prepare(`SELECT id, pipeline_id, kind FROM pipeline_stages ORDER BY position`).all() as { id: number; pipeline_id: number; kind: string }[];
  const meta = (created: string, owner: number, deleted: string | null) => [created, 1, created, 1, deleted, deleted ? 1 : null, owner];
  const accountIds: number[] = [];
  const insAccount = db.prepare(
    `INSERT INTO accounts (created_at, created_by_id, updated_at, updated_by_id, deleted_at, deleted_by_id, owner_id, name, sort_name, industry, employees,
       annual_revenue_minor, annual_revenue_currency, website, phone, billing_street, billing_city, billing_country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of plan.accounts as any[]) {
    const r = insAccount.run(...meta(a.created, a.owner, a.deleted), a.name, a.name.toLowerCase(), a.industry, a.employees, a.revenue?.amount ?? null, a.revenue?.currency ?? null, a.website, a.phone, a.street, a.city, a.country);
    accountIds.push(Number(r.lastInsertRowid));
  }
  const pick = (ids: number[], n: number | null) => (n === null || ids.length === 0 ? null : ids[n % ids.length]!);
  const contactIds: number[] = [];
  const insContact = db.prepare(
    `INSERT INTO contacts (created_at, created_by_id, updated_at, updated_by_id, deleted_at, deleted_by_id, owner_id, first_name, last_name, sort_name, title, emails, phones, email, phone,
       account_id, address_street, address_city, address_country, birthday, email_opt_out, do_not_call) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of plan.contacts as any[]) {
    const m = meta(c.created, c.owner, c.deleted);
    m[2] = c.updated;
    const emails = c.email ? JSON.stringify([{ label: 'work', address: c.email }]) : '[]';
    const phones = c.phone ? JSON.stringify([{ label: 'work', number: c.phone }]) : '[]';
    const r = insContact.run(...m, c.first, c.last, `${c.last.toLowerCase()}\u0001${(c.first ?? '').toLowerCase()}`, c.title, emails, phones, c.email, c.phone,
      pick(accountIds, c.account), c.street, c.city, c.country, c.birthday, c.optOut ? 1 : 0, c.dnc ? 1 : 0);
    contactIds.push(Number(r.lastInsertRowid));
  }
  const leadIds: number[] = [];
  const insLead = db.prepare(
    `INSERT INTO leads (created_at, created_by_id, updated_at, updated_by_id, deleted_at, deleted_by_id, owner_id, first_name, last_name, sort_name, company, title, email, phone,
       street, city, country, industry, employees, source, status, rating, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of plan.leads as any[]) {
    const r = insLead.run(...meta(l.created, l.owner, l.deleted), l.first, l.last, `${l.last.toLowerCase()}\u0001${(l.first ?? '').toLowerCase()}`, l.company, l.title, l.email, l.phone,
      l.street, l.city, l.country, l.industry, l.employees, l.source, l.status, l.rating, l.score);
    leadIds.push(Number(r.lastInsertRowid));
  }
  const insOpp = db.prepare(
    `INSERT INTO opportunities (created_at, created_by_id, updated_at, updated_by_id, deleted_at, deleted_by_id, owner_id, name, sort_name, account_id, primary_contact_id,
       pipeline_id, stage_id, amount_minor, currency, probability, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Deal', 'deal', ?, ?, ?, ?, ?, ?, 50, ?)`,
  );
  const contactAccount = db.prepare(`SELECT id FROM contacts WHERE account_id = ? ORDER BY id`).pluck();
  for (const o of plan.opportunities as any[]) {
    const stage = stages.find((s) => s.kind === o.kind)!;
    const account = pick(accountIds, o.account);
    const colleagues = account === null || !o.contactAtAccount ? [] : (contactAccount.all(account) as number[]);
    const contact = colleagues.length ? pick(colleagues, o.contact) : pick(contactIds, o.contact);
    insOpp.run(...meta(NOW, 1, o.deleted), account, contact, stage.pipeline_id, stage.id, o.amount, o.currency, o.kind === 'open' ? null : o.closed);
  }
  const insActivity = db.prepare(
    `INSERT INTO activities (created_at, created_by_id, updated_at, updated_by_id, deleted_at, deleted_by_id, owner_id, type, subject, completed_at, starts_at, ends_at,
       contact_id, lead_id, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'note', 'Note', ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of plan.activities as any[]) {
    insActivity.run(...meta(a.created, 1, a.deleted), a.completed, a.starts, a.ends, pick(contactIds, a.contact), pick(leadIds, a.lead), pick(accountIds, a.account));
  }
  const keyOf = (s: Plan['suppressions'][number]) => (s.kind === 'email' ? emailKey(s.entered) : s.kind === 'domain' ? domainKey(s.entered) : phoneKey(s.entered));
  const insSuppression = db.prepare(`INSERT OR IGNORE INTO suppressions (kind, value, entered, created_at, created_by_id) VALUES (?, ?, ?, ?, 1)`);
  for (const s of plan.suppressions) insSuppression.run(s.kind, keyOf(s), s.entered, NOW);
  const insTag = db.prepare(`INSERT INTO tags (id, name, created_at, created_by_id) VALUES (?, ?, ?, 1)`);
  for (const id of WORLD_TAGS) insTag.run(id, `Tag ${id}`, NOW);
  const idsOf: Record<SegmentEntity, number[]> = { contact: contactIds, lead: leadIds, account: accountIds };
  const insRecordTag = db.prepare(`INSERT OR IGNORE INTO record_tags (tag_id, entity, record_id) VALUES (?, ?, ?)`);
  for (const t of plan.recordTags) {
    const id = pick(idsOf[t.entity], t.record);
    if (id !== null) insRecordTag.run(t.tag, t.entity, id);
  }
  const insField = db.prepare(`INSERT INTO custom_fields (id, entity, label, options, multiple, position, created_at, created_by_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`);
  WORLD_FIELDS.forEach((f, i) => insField.run(f.id, f.entity, `Field ${f.id}`, JSON.stringify(f.options), f.multiple ? 1 : 0, i, NOW));
  const insValue = db.prepare(`INSERT OR IGNORE INTO custom_field_values (field_id, record_id, value) VALUES (?, ?, ?)`);
  for (const v of plan.customValues) {
    const f = WORLD_FIELDS[v.field]!;
    const id = pick(idsOf[f.entity], v.record);
    if (id !== null) insValue.run(f.id, id, f.options[v.value % f.options.length]);
  }
  return readWorld(db);
}

export function readWorld(db: Database): World {
  return {
    now: NOW,
    contacts: db.prepare(`SELECT * FROM contacts ORDER BY id`).all() as Row[],
    leads: db.prepare(`SELECT * FROM leads ORDER BY id`).all() as Row[],
    accounts: db.prepare(`SELECT * FROM accounts ORDER BY id`).all() as Row[],
    opportunities: db.prepare(`SELECT o.*, s.kind AS stage_kind FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id ORDER BY o.id`).all() as Row[],
    activities: db.prepare(`SELECT * FROM activities ORDER BY id`).all() as Row[],
    suppressions: db.prepare(`SELECT kind, value FROM suppressions`).all() as { kind: string; value: string }[],
    recordTags: db.prepare(`SELECT tag_id, entity, record_id FROM record_tags`).all() as World['recordTags'],
    customValues: db.prepare(`SELECT field_id, record_id, value FROM custom_field_values`).all() as World['customValues'],
  };
}

// ---------------------------------------------------------------- rules

function valueArb(entity: SegmentEntity, field: string): fc.Arbitrary<string | number> {
  const def = (SEGMENT_FIELDS[entity] as Record<string, { kind: string; options?: readonly string[] }>)[field]!;
  switch (def.kind) {
    case 'text':
      return fc.constantFrom(...TEXT_VALUES, ...NAMES, ...EMAILS.filter(Boolean), ...CITIES.filter(Boolean));
    case 'picklist':
      return fc.constantFrom(...(def.options!.length > 8 ? [...INDUSTRIES, 'Energy'] : def.options!));
    case 'country':
      return fc.constantFrom(...COUNTRIES, 'GB');
    case 'owner':
      return fc.constantFrom(1, 2, 3);
    case 'number':
      return fc.constantFrom(-5, 0, 10, 49, 50, 51, 1000);
    case 'money':
      return fc.constantFrom(0, 100, 5000, 5001);
    case 'date':
      return dayArb;
    default:
      return fc.constant(0);
  }
}

function fieldConditionArb(entity: SegmentEntity): fc.Arbitrary<SegmentItem> {
  const fields = Object.keys(SEGMENT_FIELDS[entity]);
  return fc.constantFrom(...fields).chain((field) => {
    const kind = (SEGMENT_FIELDS[entity] as Record<string, { kind: keyof typeof OPERATORS_BY_KIND }>)[field]!.kind;
    return fc.constantFrom(...OPERATORS_BY_KIND[kind]).chain((op: FieldOperator) => {
      const base = { type: 'field' as const, field, op };
      const currency = kind === 'money' ? { currency: 'EUR' } : {};
      switch (OPERATOR_ARITY[op]) {
        case 'value':
          return valueArb(entity, field).map((value) => ({ ...base, value, ...currency }));
        case 'values':
          return fc.uniqueArray(valueArb(entity, field), { minLength: 1, maxLength: 3 }).map((values) => ({ ...base, values }));
        case 'range':
          return fc.tuple(valueArb(entity, field), valueArb(entity, field)).map(([a, b]) => ({ ...base, from: a < b ? a : b, to: a < b ? b : a, ...currency }));
        case 'days':
          return fc.constantFrom(1, 7, 30, 89, 90, 91, 365).map((days) => ({ ...base, days }));
        default:
          return fc.constant(base);
      }
    });
  }) as fc.Arbitrary<SegmentItem>;
}

function factArb(entity: SegmentEntity): fc.Arbitrary<SegmentItem> {
  const options: fc.Arbitrary<SegmentItem>[] = [];
  const facts = FACTS_BY_ENTITY[entity];
  if (facts.includes('wonOpportunity')) options.push(fc.constantFrom(1, 3, 12, 24).map((withinMonths) => ({ type: 'fact' as const, fact: 'wonOpportunity' as const, withinMonths })));
  if (facts.includes('openPipeline')) {
    options.push(
      fc.record({ op: fc.constantFrom('gt' as const, 'lt' as const), amountMinor: fc.constantFrom(0, 100, 4999, 5000, 5100), currency: fc.constantFrom('EUR', 'USD') }).map((f) => ({ type: 'fact' as const, fact: 'openPipeline' as const, ...f })),
    );
  }
  options.push(
    fc.oneof(
      fc.constant({ type: 'fact' as const, fact: 'lastActivity' as const, op: 'never' as const }),
      fc.record({ op: fc.constantFrom('withinLastDays' as const, 'olderThanDays' as const), days: fc.constantFrom(1, 7, 30, 90, 365) }).map((f) => ({ type: 'fact' as const, fact: 'lastActivity' as const, ...f })),
    ),
  );
  if (facts.includes('tag')) {
    options.push(
      fc
        .record({ op: fc.constantFrom('any' as const, 'all' as const, 'none' as const), tagIds: fc.uniqueArray(fc.constantFrom(...WORLD_TAGS), { minLength: 1, maxLength: 3 }) })
        .map((f) => ({ type: 'fact' as const, fact: 'tag' as const, ...f })),
    );
  }
  const fields = WORLD_FIELDS.filter((f) => f.entity === entity);
  if (facts.includes('customPick') && fields.length) {
    options.push(
      fc.constantFrom(...fields).chain((f) =>
        fc.oneof(
          fc.constantFrom('empty' as const, 'notEmpty' as const).map((op) => ({ type: 'fact' as const, fact: 'customPick' as const, fieldId: f.id, op })),
          fc
            .record({ op: fc.constantFrom('anyOf' as const, 'noneOf' as const), values: fc.uniqueArray(fc.constantFrom(...f.options), { minLength: 1, maxLength: 2 }) })
            .map((x) => ({ type: 'fact' as const, fact: 'customPick' as const, fieldId: f.id, ...x })),
        ),
      ),
    );
  }
  return fc.oneof(...options);
}

function groupArb(entity: SegmentEntity, depth: number): fc.Arbitrary<SegmentGroup> {
  const leaf = fc.oneof({ arbitrary: fieldConditionArb(entity), weight: 3 }, { arbitrary: factArb(entity), weight: 1 });
  const item: fc.Arbitrary<SegmentItem> = depth >= 3 ? leaf : fc.oneof({ arbitrary: leaf, weight: 4 }, { arbitrary: groupArb(entity, depth + 1), weight: 1 });
  return fc.record({ op: fc.constantFrom('and' as const, 'or' as const), items: fc.array(item, { minLength: depth === 1 ? 0 : 1, maxLength: 4 }) }).map((g) => ({ type: 'group' as const, ...g }));
}

/** A valid rule (checked against the contract) over one entity. */
export const ruleFor = (entity: SegmentEntity): fc.Arbitrary<SegmentRule> => groupArb(entity, 1).map((root) => SegmentRule.parse({ entity, root }));

/** A valid rule over a random entity. */
export const ruleArb: fc.Arbitrary<SegmentRule> = fc.constantFrom<SegmentEntity>('contact', 'lead', 'account').chain(ruleFor);
