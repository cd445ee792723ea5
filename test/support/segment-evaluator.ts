/**
 * A plain, row-by-row evaluation of segment rules and channel consent over rows
 * read from the database: the reference the differential test holds the SQL
 * compiler to. Written from the rules in shared/contract/segments.ts and the
 * comments of compile-segment.ts / consent.ts, without their code.
 */
import type { Channel, FactCondition, FieldCondition, SegmentEntity, SegmentGroup, SegmentItem, SegmentRule } from '../../shared/contract/segments';
import { SEGMENT_FIELDS } from '../../shared/contract/segments';

export type Row = Record<string, any>;

export interface World {
  now: string;
  contacts: Row[];
  leads: Row[];
  accounts: Row[];
  /** Each with `stage_kind` ('open' | 'won' | 'lost'). */
  opportunities: Row[];
  activities: Row[];
  suppressions: { kind: string; value: string }[];
  /** Which records carry which tags. */
  recordTags: { tag_id: number; entity: string; record_id: number }[];
  /** The chosen values of custom picklists. */
  customValues: { field_id: number; record_id: number; value: string }[];
}

const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const empty = (v: unknown) => v === null || v === undefined || v === '';

function day(iso: string, plusDays: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

function monthsBack(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 - months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The value a field has on a record (null when it has none). */
function valueOf(entity: SegmentEntity, field: string, r: Row, w: World): unknown {
  if (entity === 'contact') {
    const account = r.account_id === null ? undefined : w.accounts.find((a) => a.id === r.account_id);
    const live = account && account.deleted_at === null ? account : undefined;
    const map: Record<string, unknown> = {
      firstName: r.first_name,
      lastName: r.last_name,
      title: r.title,
      email: r.email,
      phone: r.phone,
      city: r.address_city,
      region: r.address_region,
      postcode: r.address_postcode,
      country: r.address_country,
      birthday: r.birthday,
      emailOptOut: r.email_opt_out,
      doNotCall: r.do_not_call,
      owner: r.owner_id,
      accountName: live ? live.name : null,
      accountIndustry: live ? live.industry : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
    return map[field];
  }
  if (entity === 'lead') {
    const map: Record<string, unknown> = {
      firstName: r.first_name,
      lastName: r.last_name,
      company: r.company,
      title: r.title,
      email: r.email,
      phone: r.phone,
      city: r.city,
      region: r.region,
      postcode: r.postcode,
      country: r.country,
      industry: r.industry,
      employees: r.employees,
      source: r.source,
      status: r.status,
      rating: r.rating,
      score: r.score,
      owner: r.owner_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
    return map[field];
  }
  const map: Record<string, unknown> = {
    name: r.name,
    industry: r.industry,
    employees: r.employees,
    annualRevenue: r.annual_revenue_minor === null ? null : { amount: r.annual_revenue_minor, currency: r.annual_revenue_currency },
    website: r.website,
    phone: r.phone,
    city: r.billing_city,
    region: r.billing_region,
    postcode: r.billing_postcode,
    country: r.billing_country,
    owner: r.owner_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  return map[field];
}

function fieldHolds(entity: SegmentEntity, c: FieldCondition, r: Row, w: World): boolean {
  const kind = (SEGMENT_FIELDS[entity] as Record<string, { kind: string }>)[c.field]!.kind;
  const v = valueOf(entity, c.field, r, w);
  if (c.op === 'isEmpty') return empty(v);
  if (c.op === 'isNotEmpty') return !empty(v);
  if (kind === 'text') {
    const s = v === null || v === undefined ? null : String(v);
    const q = String(c.value ?? '');
    switch (c.op) {
      case 'equals':
        return s !== null && lower(s) === lower(q);
      case 'notEquals':
        return s === null || lower(s) !== lower(q);
      case 'contains':
        return s !== null && lower(s).includes(lower(q));
      case 'notContains':
        return s === null || !lower(s).includes(lower(q));
      case 'startsWith':
        return s !== null && lower(s).startsWith(lower(q));
      case 'in':
        return s !== null && c.values!.some((x) => lower(String(x)) === lower(s));
    }
  }
  if (kind === 'boolean') return c.op === 'isTrue' ? v === 1 : v === 0;
  if (kind === 'money') {
    const m = v as { amount: number; currency: string } | null;
    if (!m || m.currency !== c.currency) return false;
    if (c.op === 'equals') return m.amount === c.value;
    if (c.op === 'gt') return m.amount > (c.value as number);
    if (c.op === 'lt') return m.amount < (c.value as number);
    return m.amount >= (c.from as number) && m.amount <= (c.to as number);
  }
  if (kind === 'date') {
    const s = v as string | null;
    const d = String(c.value);
    if (s === null) return false;
    switch (c.op) {
      case 'equals':
        return s >= d && s < day(d, 1);
      case 'gt':
        return s >= day(d, 1);
      case 'lt':
        return s < d;
      case 'between':
        return s >= String(c.from) && s < day(String(c.to), 1);
      case 'withinLastDays':
        return s >= day(w.now, -c.days!) && s < day(w.now, 1);
      case 'olderThanDays':
        return s < day(w.now, -c.days!);
    }
  }
  // picklist, country, owner, number
  switch (c.op) {
    case 'equals':
      return v === c.value;
    case 'notEquals':
      return v === null || v !== c.value;
    case 'in':
      return c.values!.includes(v as never);
    case 'notIn':
      return v === null || !c.values!.includes(v as never);
    case 'gt':
      return v !== null && (v as number) > (c.value as number);
    case 'lt':
      return v !== null && (v as number) < (c.value as number);
    case 'between':
      return v !== null && (v as number) >= (c.from as number) && (v as number) <= (c.to as number);
  }
  throw new Error(`The evaluator does not know ${kind} ${c.op}`);
}

/** A contact's opportunities: its account's and those it is the primary contact of. */
function opportunitiesOf(entity: SegmentEntity, r: Row, w: World): Row[] {
  return w.opportunities.filter(
    (o) =>
      o.deleted_at === null &&
      (entity === 'account' ? o.account_id === r.id : o.primary_contact_id === r.id || (r.account_id !== null && o.account_id === r.account_id)),
  );
}

function factHolds(entity: SegmentEntity, c: FactCondition, r: Row, w: World): boolean {
  switch (c.fact) {
    case 'wonOpportunity': {
      const since = monthsBack(w.now, c.withinMonths);
      return opportunitiesOf(entity, r, w).some((o) => o.stage_kind === 'won' && o.closed_at !== null && o.closed_at >= since);
    }
    case 'openPipeline': {
      const sum = opportunitiesOf(entity, r, w)
        .filter((o) => o.stage_kind === 'open' && o.currency === c.currency)
        .reduce((s, o) => s + o.amount_minor, 0);
      return c.op === 'gt' ? sum > c.amountMinor : sum < c.amountMinor;
    }
    case 'lastActivity': {
      const link = entity === 'contact' ? 'contact_id' : entity === 'lead' ? 'lead_id' : 'account_id';
      const touches = w.activities
        .filter((a) => a[link] === r.id && a.deleted_at === null)
        .map((a) => a.completed_at ?? a.ends_at ?? a.starts_at ?? a.created_at)
        .filter((t: string) => t <= w.now);
      if (c.op === 'never') return touches.length === 0;
      const recent = touches.some((t: string) => t >= day(w.now, -c.days!));
      return c.op === 'withinLastDays' ? recent : !recent;
    }
    case 'tag': {
      const mine = new Set(w.recordTags.filter((t) => t.entity === entity && t.record_id === r.id).map((t) => t.tag_id));
      if (c.op === 'any') return c.tagIds.some((id) => mine.has(id));
      if (c.op === 'all') return c.tagIds.every((id) => mine.has(id));
      return !c.tagIds.some((id) => mine.has(id));
    }
    case 'customPick': {
      const mine = w.customValues.filter((v) => v.field_id === c.fieldId && v.record_id === r.id).map((v) => v.value);
      if (c.op === 'empty') return mine.length === 0;
      if (c.op === 'notEmpty') return mine.length > 0;
      const hit = mine.some((v) => c.values!.includes(v));
      return c.op === 'anyOf' ? hit : !hit;
    }
  }
}

function holds(entity: SegmentEntity, item: SegmentItem, r: Row, w: World): boolean {
  if (item.type === 'group') return groupHolds(entity, item, r, w);
  return item.type === 'field' ? fieldHolds(entity, item, r, w) : factHolds(entity, item, r, w);
}

function groupHolds(entity: SegmentEntity, g: SegmentGroup, r: Row, w: World): boolean {
  if (g.items.length === 0) return true;
  return g.op === 'and' ? g.items.every((i) => holds(entity, i, r, w)) : g.items.some((i) => holds(entity, i, r, w));
}

export function recordsOf(entity: SegmentEntity, w: World): Row[] {
  return entity === 'contact' ? w.contacts : entity === 'lead' ? w.leads : w.accounts;
}

/** The ids of the live records a rule matches, ascending. */
export function evaluate(rule: SegmentRule, w: World): number[] {
  return recordsOf(rule.entity, w)
    .filter((r) => r.deleted_at === null && groupHolds(rule.entity, rule.root, r, w))
    .map((r) => r.id as number)
    .sort((a, b) => a - b);
}

/** The last eight digits of a number, its extension (from an x) left off. */
function phoneDigits(p: string): string {
  return lower(p).split('x')[0]!.replace(/[^0-9]/g, '').slice(-8);
}

function suppressed(w: World, kind: string, value: string): boolean {
  return w.suppressions.some((s) => s.kind === kind && s.value === value);
}

/** May this record be reached on the channel? */
export function eligible(entity: SegmentEntity, channel: Channel, r: Row, w: World): boolean {
  const emailOk = (address: unknown) => {
    if (empty(address)) return false;
    const a = lower(String(address));
    return !suppressed(w, 'email', a) && !suppressed(w, 'domain', a.slice(a.indexOf('@') + 1));
  };
  const phoneOk = (phone: unknown) => !empty(phone) && !suppressed(w, 'phone', phoneDigits(String(phone)));
  const postal = (...parts: unknown[]) => parts.every((p) => !empty(p));
  if (entity === 'contact') {
    if (channel === 'email') return r.email_opt_out === 0 && emailOk(r.email);
    if (channel === 'letter') return postal(r.address_street, r.address_city, r.address_country);
    return r.do_not_call === 0 && phoneOk(r.phone);
  }
  if (entity === 'lead') {
    if (channel === 'email') return emailOk(r.email);
    if (channel === 'letter') return postal(r.street, r.city, r.country);
    return phoneOk(r.phone);
  }
  if (channel === 'email') return false;
  if (channel === 'letter') return postal(r.billing_street, r.billing_city, r.billing_country);
  return phoneOk(r.phone);
}
