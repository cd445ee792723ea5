import type { Database } from 'better-sqlite3';
import { foldForSort, personSortKey } from '../../../shared/text';
import { asciiSlug } from './ascii-slug';
import { IsoClock } from './iso-time';
import { Rng } from './prng';
import type { Row } from './sample-columns';

export const OPPORTUNITY_COLUMNS = [
  'id', 'version', 'created_at', 'created_by_id', 'updated_at', 'updated_by_id',
  'name', 'sort_name', 'account_id', 'primary_contact_id', 'pipeline_id', 'stage_id', 'amount_minor', 'currency',
  'probability', 'expected_close_date', 'forecast_category', 'owner_id', 'next_step', 'lost_reason', 'closed_at',
] as const;

export const STAGE_HISTORY_COLUMNS = [
  'opportunity_id', 'from_stage_id', 'to_stage_id', 'amount_minor', 'currency', 'probability', 'changed_at', 'changed_by_id',
] as const;

export const LEAD_COLUMNS = [
  'id', 'version', 'created_at', 'created_by_id', 'updated_at', 'updated_by_id',
  'first_name', 'last_name', 'sort_name', 'company', 'title', 'email', 'email_normalized', 'phone', 'city', 'country',
  'industry', 'employees', 'source', 'status', 'disqualified_reason', 'rating', 'owner_id',
] as const;

export const ACTIVITY_COLUMNS = [
  'id', 'version', 'created_at', 'created_by_id', 'updated_at', 'updated_by_id',
  'type', 'subject', 'due_at', 'priority', 'status', 'completed_at', 'direction', 'outcome', 'duration_minutes',
  'starts_at', 'ends_at', 'location', 'owner_id', 'lead_id', 'contact_id', 'account_id', 'opportunity_id',
] as const;

export interface Stage {
  id: number;
  probability: number;
  kind: 'open' | 'won' | 'lost';
}

/** What the sales generator draws from: the people and companies already in the database. */
export interface SalesWorld {
  userIds: number[];
  pipelineId: number;
  /** In pipeline order. */
  stages: Stage[];
  accounts: { id: number; name: string; ownerId: number; currency: string; city: string | null; country: string | null; industry: string | null }[];
  contacts: { id: number; accountId: number | null; firstName: string | null; lastName: string; phone: string | null; title: string | null }[];
}

const DAY = 86_400_000;
const DEALS = ['Rollout', 'Renewal', 'Expansion', 'Pilot', 'Framework agreement', 'Service contract', 'Upgrade', 'Licences', 'Consulting', 'Hardware refresh'];
const LOST_REASONS = ['Price', 'Lost to competitor', 'No budget', 'No decision', 'Timing', 'Missing feature'];
const SOURCES = ['web', 'referral', 'trade_show', 'cold_call', 'campaign', 'partner', 'other'] as const;
const SUBJECTS = {
  task: ['Send proposal', 'Prepare offer', 'Follow up on quote', 'Check contract draft', 'Update account plan'],
  call: ['Intro call', 'Discovery call', 'Follow-up call', 'Pricing call', 'Check-in'],
  meeting: ['Kick-off meeting', 'Product demo', 'Quarterly review', 'Workshop', 'Site visit'],
  note: ['Notes from the call', 'Budget confirmed', 'Decision maker identified', 'Competitor in play', 'Next steps agreed'],
} as const;
const CALL_OUTCOMES = ['connected', 'left_voicemail', 'no_answer', 'busy', 'callback_requested'] as const;

/**
 * Opportunities (with their stage history), leads and activities over the
 * accounts and contacts a database already has: deterministic per seed and clock.
 */
export class SalesSampleData {
  private readonly rng: Rng;
  private readonly clock = new IsoClock();
  private readonly open: Stage[];
  private readonly won: Stage;
  private readonly lost: Stage;
  private readonly opportunityIds: number[] = [];
  private readonly leadIds: number[] = [];

  constructor(
    private readonly world: SalesWorld,
    private readonly now: number,
    seed: number,
    private nextOpportunityId: number,
    private nextLeadId: number,
    private nextActivityId: number,
  ) {
    if (!world.accounts.length || !world.contacts.length) throw new Error('Seed accounts and contacts before opportunities, leads and activities.');
    this.rng = new Rng(seed ^ 0x5a1e5);
    this.open = world.stages.filter((s) => s.kind === 'open');
    this.won = world.stages.find((s) => s.kind === 'won')!;
    this.lost = world.stages.find((s) => s.kind === 'lost')!;
  }

  private time(ms: number): string {
    return this.clock.format(ms);
  }

  private meta(id: number, ownerId: number, created: number): Row {
    const updated = created + Math.floor(this.rng.next() * Math.max(0, this.now - created));
    return [id, 1, this.time(created), ownerId, this.time(updated), this.rng.chance(0.8) ? ownerId : this.rng.pick(this.world.userIds)];
  }

  /** One opportunity row and the stage-history rows that led to its stage. */
  opportunity(): { row: Row; history: Row[] } {
    const rng = this.rng;
    const account = rng.pick(this.world.accounts);
    const id = this.nextOpportunityId++;
    this.opportunityIds.push(id);
    const created = this.now - Math.floor(rng.next() * 720 * DAY);
    const r = rng.next();
    // Half still open (early stages more common), a quarter won, a quarter lost.
    const depth = r < 0.5 ? Math.min(this.open.length - 1, Math.floor(rng.next() ** 1.6 * this.open.length)) : rng.int(this.open.length);
    const final = r < 0.5 ? this.open[depth]! : r < 0.75 ? this.won : this.lost;
    const digits = account.currency === 'JPY' ? 1 : 100;
    const amount = Math.round((5_000 + rng.next() ** 2 * 250_000) / 10) * 10 * digits;
    const path = [...this.open.slice(0, depth + 1), ...(final.kind === 'open' ? [] : [final])];
    const history: Row[] = [];
    let at = created;
    let from: number | null = null;
    for (const stage of path) {
      history.push([id, from, stage.id, amount, account.currency, stage.probability, this.time(at), account.ownerId]);
      from = stage.id;
      at += DAY + Math.floor(rng.next() * 30 * DAY);
    }
    const closedAt = final.kind === 'open' ? null : Math.min(at - DAY, this.now);
    const expected = closedAt ?? this.now + Math.floor((rng.next() * 300 - 60) * DAY);
    const category = final.kind === 'open' ? (depth >= this.open.length - 2 ? 'commit' : rng.chance(0.3) ? 'best_case' : 'pipeline') : 'pipeline';
    const name = `${account.name} – ${rng.pick(DEALS)}`;
    const row: Row = [
      ...this.meta(id, account.ownerId, created),
      name, foldForSort(name), account.id, null, this.world.pipelineId, final.id, amount, account.currency,
      final.probability, new Date(expected).toISOString().slice(0, 10), category, account.ownerId,
      final.kind === 'open' && rng.chance(0.5) ? rng.pick(SUBJECTS.task) : null,
      final.kind === 'lost' ? rng.pick(LOST_REASONS) : null,
      closedAt === null ? null : this.time(closedAt),
    ];
    return { row, history };
  }

  lead(): Row {
    const rng = this.rng;
    const person = rng.pick(this.world.contacts);
    const firstName = rng.pick(this.world.contacts).firstName;
    const company = rng.pick(this.world.accounts);
    const id = this.nextLeadId++;
    this.leadIds.push(id);
    const ownerId = rng.pick(this.world.userIds);
    const email = `${asciiSlug(firstName ?? 'info')}.${asciiSlug(person.lastName)}@${asciiSlug(company.name).slice(0, 24) || 'example'}.example`;
    const r = rng.next();
    const status = r < 0.35 ? 'new' : r < 0.65 ? 'working' : r < 0.85 ? 'qualified' : 'disqualified';
    return [
      ...this.meta(id, ownerId, this.now - Math.floor(rng.next() * 365 * DAY)),
      firstName, person.lastName, personSortKey(person.lastName, firstName), company.name, person.title, email, email.toLowerCase(),
      person.phone, company.city, company.country, company.industry, rng.chance(0.7) ? rng.between(1, 5000) : null,
      rng.pick(SOURCES), status, status === 'disqualified' ? rng.pick(['No budget', 'Not a fit', 'Unreachable']) : null,
      rng.pick(['hot', 'warm', 'cold', null]), ownerId,
    ];
  }

  activity(): Row {
    const rng = this.rng;
    const id = this.nextActivityId++;
    const r = rng.next();
    const type = r < 0.3 ? 'task' : r < 0.65 ? 'call' : r < 0.8 ? 'meeting' : 'note';
    const at = this.now + Math.floor((rng.next() * 400 - 365) * DAY);
    const ownerId = rng.pick(this.world.userIds);
    // Most activities belong to a contact (and its account); some to a lead or an opportunity.
    const link = rng.next();
    let leadId: number | null = null;
    let contactId: number | null = null;
    let accountId: number | null = null;
    let opportunityId: number | null = null;
    if (link < 0.15 && this.leadIds.length) leadId = rng.pick(this.leadIds);
    else if (link < 0.3 && this.opportunityIds.length) opportunityId = rng.pick(this.opportunityIds);
    else {
      const contact = rng.pick(this.world.contacts);
      contactId = contact.id;
      accountId = contact.accountId;
    }
    const past = at < this.now;
    const done = type === 'task' && past && rng.chance(0.8);
    const startsAt = type === 'meeting' || type === 'call' ? this.time(at) : null;
    const duration = type === 'call' ? rng.between(2, 45) : type === 'meeting' ? 30 * rng.between(1, 4) : null;
    return [
      ...this.meta(id, ownerId, Math.min(at, this.now) - DAY),
      type, rng.pick(SUBJECTS[type]),
      type === 'task' ? this.time(at) : null,
      type === 'task' ? rng.pick(['low', 'normal', 'normal', 'high']) : null,
      type === 'task' ? (done ? 'done' : 'open') : null,
      done ? this.time(at) : null,
      type === 'call' ? (rng.chance(0.6) ? 'outbound' : 'inbound') : null,
      type === 'call' ? rng.pick(CALL_OUTCOMES) : null,
      type === 'call' ? duration : null,
      startsAt,
      type === 'meeting' ? this.time(at + duration! * 60_000) : null,
      type === 'meeting' ? rng.pick(['Office', 'Video call', 'Customer site']) : null,
      ownerId, leadId, contactId, accountId, opportunityId,
    ];
  }
}

/** Reads what the generator draws from; samples about 100k contacts so a 1M table is not loaded whole. */
export function readSalesWorld(db: Database, userIds: number[]): SalesWorld {
  const maxContact = (db.prepare(`SELECT COALESCE(MAX(id), 0) FROM contacts`).pluck().get() as number) || 1;
  const step = Math.max(1, Math.ceil(maxContact / 100_000));
  const pipeline = db.prepare(`SELECT id FROM pipelines WHERE is_default = 1 AND active = 1 ORDER BY id LIMIT 1`).get() as { id: number } | undefined;
  if (!pipeline) throw new Error('The database has no default pipeline.');
  const stages = db
    .prepare(`SELECT id, probability, kind FROM pipeline_stages WHERE pipeline_id = ? AND active = 1 ORDER BY position`)
    .all(pipeline.id) as Stage[];
  const accounts = (
    db
      .prepare(
        `SELECT id, name, owner_id, COALESCE(annual_revenue_currency, 'EUR') AS currency, billing_city, billing_country, industry
           FROM accounts WHERE deleted_at IS NULL ORDER BY id LIMIT 200000`,
      )
      .all() as { id: number; name: string; owner_id: number; currency: string; billing_city: string | null; billing_country: string | null; industry: string | null }[]
  ).map((a) => ({ id: a.id, name: a.name, ownerId: a.owner_id, currency: a.currency, city: a.billing_city, country: a.billing_country, industry: a.industry }));
  const contacts = (
    db
      .prepare(`SELECT id, account_id, first_name, last_name, phone, title FROM contacts WHERE deleted_at IS NULL AND (id - 1) % ? = 0 ORDER BY id`)
      .all(step) as { id: number; account_id: number | null; first_name: string | null; last_name: string; phone: string | null; title: string | null }[]
  ).map((c) => ({ id: c.id, accountId: c.account_id, firstName: c.first_name, lastName: c.last_name, phone: c.phone, title: c.title }));
  return { userIds, pipelineId: pipeline.id, stages, accounts, contacts };
}
