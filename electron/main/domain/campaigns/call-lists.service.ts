import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import { ActivityInput } from '../../../../shared/contract/activities';
import type { CallOutcome, ResponseKind } from '../../../../shared/contract/campaigns';
import type { CallItem } from '../../../../shared/contract/campaign-results';
import { OpportunityInput } from '../../../../shared/contract/opportunities';
import type { SegmentEntity } from '../../../../shared/contract/segments';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import type { ActivitiesService } from '../activities/activities.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { LeadsService } from '../leads/leads.service';
import type { ScoringService } from '../leads/scoring.service';
import type { OpportunitiesService } from '../opportunities/opportunities.service';
import { ineligibleReason } from '../segments/consent';
import { suppressionKey, type SuppressionsService } from '../segments/suppressions.service';
import { requireRole } from '../users/require-role';
import type { ResponsesService } from './responses.service';

/** Who may see everyone's calls and record a call assigned to someone else. */
const CALL_MANAGERS = ['admin', 'sales_manager'] as const;

/** The response each outcome records; an outcome without one reached nobody (no answer) or changed nothing (not interested). */
const RESPONSE_OF: Partial<Record<CallOutcome, ResponseKind>> = { interested: 'replied', call_back: 'called_back', do_not_call: 'unsubscribed' };

const OUTCOME_LABEL: Record<CallOutcome, string> = {
  interested: 'interested',
  call_back: 'call back',
  not_interested: 'not interested',
  do_not_call: 'do not call',
  no_answer: 'no answer',
};

const PERSON = (a: string) => `trim(COALESCE(${a}.first_name || ' ', '') || ${a}.last_name)`;

/** Why a member's record may not be called now (consent.ts, as when the call was queued), or NULL. */
const BLOCKED = `COALESCE(CASE m.entity
    WHEN 'contact' THEN (SELECT CASE WHEN r.deleted_at IS NOT NULL THEN 'In the recycle bin' ELSE ${ineligibleReason('contact', 'call').sql} END FROM contacts r WHERE r.id = m.record_id)
    WHEN 'lead' THEN (SELECT CASE WHEN r.deleted_at IS NOT NULL THEN 'In the recycle bin' ELSE ${ineligibleReason('lead', 'call').sql} END FROM leads r WHERE r.id = m.record_id)
    ELSE (SELECT CASE WHEN r.deleted_at IS NOT NULL THEN 'In the recycle bin' ELSE ${ineligibleReason('account', 'call').sql} END FROM accounts r WHERE r.id = m.record_id) END,
  CASE WHEN ct.id IS NULL AND ld.id IS NULL AND ac.id IS NULL THEN 'The record no longer exists' END)`;

const FROM_ITEMS = `call_list_items i
  JOIN campaign_members m ON m.id = i.member_id
  LEFT JOIN contacts ct ON m.entity = 'contact' AND ct.id = m.record_id
  LEFT JOIN accounts cta ON cta.id = ct.account_id AND cta.deleted_at IS NULL
  LEFT JOIN leads ld ON m.entity = 'lead' AND ld.id = m.record_id
  LEFT JOIN accounts ac ON m.entity = 'account' AND ac.id = m.record_id`;

const SELECT_ITEM = `SELECT i.*, c.name AS campaign_name, c.currency, s.content AS step_content, m.entity, m.record_id, u.name AS assigned_to_name,
    COALESCE(${PERSON('ct')}, ${PERSON('ld')}, ac.name) AS name,
    COALESCE(cta.name, ld.company) AS company,
    COALESCE(ct.phone, ld.phone, ac.phone) AS phone,
    ${BLOCKED} AS blocked_reason
  FROM ${FROM_ITEMS}
  JOIN campaigns c ON c.id = i.campaign_id
  JOIN campaign_steps s ON s.id = i.step_id
  JOIN users u ON u.id = i.assigned_to_id`;

interface ItemRow {
  id: number;
  campaign_id: number;
  campaign_name: string;
  currency: string;
  step_id: number;
  step_content: string;
  member_id: number;
  entity: SegmentEntity;
  record_id: number;
  assigned_to_id: number;
  assigned_to_name: string;
  status: 'open' | 'done';
  outcome: CallOutcome | null;
  note: string | null;
  callback_at: string | null;
  outcome_at: string | null;
  created_lead_id: number | null;
  created_opportunity_id: number | null;
  created_activity_id: number | null;
  name: string | null;
  company: string | null;
  phone: string | null;
  blocked_reason: string | null;
}

function scriptOf(content: string): string {
  try {
    const script = (JSON.parse(content) as { script?: unknown }).script;
    return typeof script === 'string' ? script : '';
  } catch {
    return '';
  }
}

function toItem(r: ItemRow): CallItem {
  return {
    id: r.id,
    campaign: { id: r.campaign_id, name: r.campaign_name },
    stepId: r.step_id,
    script: scriptOf(r.step_content),
    entity: r.entity,
    recordId: r.record_id,
    name: r.name ?? `(deleted ${r.entity} ${r.record_id})`,
    company: r.company,
    phone: r.phone,
    assignedTo: { id: r.assigned_to_id, name: r.assigned_to_name },
    blockedReason: r.blocked_reason,
    status: r.status,
    outcome: r.outcome,
    note: r.note,
    callbackAt: r.callback_at,
    outcomeAt: r.outcome_at,
    created: { leadId: r.created_lead_id, opportunityId: r.created_opportunity_id, activityId: r.created_activity_id },
  };
}

export interface CallListsDeps {
  responses: ResponsesService;
  opportunities: OpportunitiesService;
  leads: LeadsService;
  scoring: ScoringService;
  contacts: ContactsService;
  activities: ActivitiesService;
  suppressions: SuppressionsService;
  /** Re-arms the reminder timer after a call-back task is created. */
  reminders: { changed(): void };
}

interface Created {
  opportunityId: number | null;
  activityId: number | null;
}

/*
 * Decisions:
 * - A rep sees and records the calls assigned to them; sales managers and administrators see everyone's and may
 *   record any (on the rep's behalf: what the call creates belongs to the rep).
 * - An item is recorded once. "No answer" keeps it open for another try (its note and time are kept); every other
 *   outcome closes it, sends its touch (queued → sent: the member was reached) and, but for "not interested",
 *   records a response: interested → replied, call back → called back, do not call → unsubscribed. The journey
 *   does not wait for it: the next step was scheduled when the call was queued (campaigns.module.ts).
 * - Consent is checked again when a call is recorded: a record marked "do not call" (or whose number went on the
 *   suppression list) since the call was queued is shown with the reason and cannot be recorded as called.
 * - "Do not call" sets the contact's flag, or puts a lead's or account's number on the suppression list; it does
 *   not opt anyone out of e-mail. The member leaves the campaign (its unsubscribe response does that).
 * - "Interested" on a contact or an account creates an opportunity through the opportunities service (default
 *   pipeline's first stage, its probability and stage history; amount 0 in the campaign's currency; last touch
 *   this campaign); on a lead, the lead moves to 'working' when it was new or disqualified (a qualified lead stays
 *   qualified) and is attributed to the campaign through its response.
 */
export class CallListsService {
  constructor(private readonly deps: CallListsDeps) {}

  async get(em: EntityManager, id: number): Promise<CallItem> {
    return toItem(await this.row(em, id));
  }

  private async row(em: EntityManager, id: number): Promise<ItemRow> {
    const row = await new Sql(em).get<ItemRow>(`${SELECT_ITEM} WHERE i.id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no call with id ${id}.`);
    return row;
  }

  async list(em: EntityManager, input: ParsedInput<'calls.list'>, ctx: CallContext): Promise<{ total: number; rows: CallItem[] }> {
    if (!input.mine) await requireRole(em, ctx.userId, CALL_MANAGERS, "see everyone's calls");
    const where = ['i.status = ?'];
    const params: unknown[] = [input.status];
    if (input.mine) {
      where.push('i.assigned_to_id = ?');
      params.push(ctx.userId);
    }
    if (input.campaignId !== undefined) {
      where.push('i.campaign_id = ?');
      params.push(input.campaignId);
    }
    const clause = where.join(' AND ');
    // Open calls: the ones that may be made first, never tried before tried ("no answer"), oldest first. Done: latest first.
    const order = input.status === 'open' ? 'blocked_reason IS NOT NULL, i.outcome IS NOT NULL, i.created_at, i.id' : 'i.outcome_at DESC, i.id DESC';
    const sql = new Sql(em);
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM call_list_items i WHERE ${clause}`, params))!.n;
    const rows = await sql.all<ItemRow>(`${SELECT_ITEM} WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, input.limit, input.offset]);
    return { total, rows: rows.map(toItem) };
  }

  /** Records a call's outcome and everything it sets off, in the call's one transaction. */
  async record(em: EntityManager, input: ParsedInput<'calls.record'>, ctx: CallContext): Promise<CallItem> {
    const item = await this.row(em, input.id);
    if (item.assigned_to_id !== ctx.userId) await requireRole(em, ctx.userId, CALL_MANAGERS, 'record a call assigned to someone else');
    if (item.status === 'done') {
      throw new CrmError('conflict', `This call was already recorded (${OUTCOME_LABEL[item.outcome!]}, ${item.outcome_at}).`);
    }
    if (item.blocked_reason) throw new CrmError('conflict', `${item.name ?? 'This record'} may not be called: ${item.blocked_reason}.`);
    const now = ctx.now();
    const callbackAt = input.outcome === 'call_back' ? new Date(input.callbackAt!).toISOString() : null;
    if (callbackAt !== null && callbackAt <= now) throw new CrmError('validation', 'The call back must be in the future', [{ path: 'callbackAt', message: 'In the past' }]);

    const sql = new Sql(em);
    const reached = input.outcome !== 'no_answer';
    if (reached) {
      await sql.run(
        `INSERT INTO campaign_touches (campaign_id, step_id, member_id, channel, status, at) VALUES (?, ?, ?, 'call', 'sent', ?)
         ON CONFLICT (step_id, member_id) DO UPDATE SET status = 'sent', reason = NULL, at = excluded.at WHERE campaign_touches.status = 'queued'`,
        [item.campaign_id, item.step_id, item.member_id, now],
      );
    }
    const kind = RESPONSE_OF[input.outcome];
    if (kind) {
      await this.deps.responses.write(
        em,
        { campaignId: item.campaign_id, entity: item.entity, recordId: item.record_id, kind, source: 'call', note: input.note, respondedAt: now, stepId: item.step_id, optOutOfEmail: false },
        ctx,
      );
    }
    const created: Created = { opportunityId: null, activityId: null };
    if (input.outcome === 'interested') created.opportunityId = await this.interested(em, item, ctx);
    if (input.outcome === 'call_back') created.activityId = await this.callBack(em, item, callbackAt!, input.note, ctx);
    if (input.outcome === 'do_not_call') await this.doNotCall(em, item, ctx);

    await sql.run(
      `UPDATE call_list_items SET status = ?, outcome = ?, note = ?, callback_at = ?, outcome_at = ?, outcome_by_id = ?,
              created_opportunity_id = COALESCE(?, created_opportunity_id), created_activity_id = COALESCE(?, created_activity_id)
        WHERE id = ?`,
      [reached ? 'done' : 'open', input.outcome, input.note, callbackAt, now, ctx.userId, created.opportunityId, created.activityId, item.id],
    );
    return this.get(em, item.id);
  }

  /** The rep the call belongs to owns what it creates; if they can no longer own records, whoever records it. */
  private async owner(em: EntityManager, item: ItemRow, ctx: CallContext): Promise<number> {
    const active = await new Sql(em).get(`SELECT 1 FROM users WHERE id = ? AND active = 1`, [item.assigned_to_id]);
    return active ? item.assigned_to_id : ctx.userId;
  }

  private async interested(em: EntityManager, item: ItemRow, ctx: CallContext): Promise<number | null> {
    const sql = new Sql(em);
    if (item.entity === 'lead') {
      const lead = await sql.get<{ version: number; status: string }>(`SELECT version, status FROM leads WHERE id = ?`, [item.record_id]);
      if (lead && (lead.status === 'new' || lead.status === 'disqualified')) {
        await this.deps.leads.update(em, item.record_id, lead.version, { status: 'working' }, ctx);
        ctx.events.emit('record.changed', { entity: 'lead', id: item.record_id, action: 'update' });
      }
      return null;
    }
    let accountId: number | null = item.record_id;
    let primaryContactId: number | null = null;
    if (item.entity === 'contact') {
      const contact = await sql.get<{ account_id: number | null }>(
        `SELECT c.account_id FROM contacts c WHERE c.id = ? AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = c.account_id AND a.deleted_at IS NULL)`,
        [item.record_id],
      );
      accountId = contact?.account_id ?? null;
      primaryContactId = item.record_id;
    }
    const input = OpportunityInput.parse({
      name: `${item.campaign_name} – ${item.name}`.slice(0, 200),
      accountId,
      primaryContactId,
      ownerId: await this.owner(em, item, ctx),
      campaignId: item.campaign_id,
      amount: { amountMinor: 0, currency: item.currency },
    });
    const opportunity = await this.deps.opportunities.create(em, input, ctx);
    ctx.events.emit('record.changed', { entity: 'opportunity', id: opportunity.id, action: 'create' });
    return opportunity.id;
  }

  private async callBack(em: EntityManager, item: ItemRow, at: string, note: string | null, ctx: CallContext): Promise<number> {
    const link = { contact: 'contactId', lead: 'leadId', account: 'accountId' }[item.entity];
    const task = ActivityInput.parse({
      type: 'task',
      subject: `Call back ${item.name} (${item.campaign_name})`.slice(0, 300),
      body: note,
      dueAt: at,
      remindAt: at,
      ownerId: await this.owner(em, item, ctx),
      [link]: item.record_id,
    });
    const activity = await this.deps.activities.create(em, task, ctx);
    // A lead's score counts its activities (as activities.handlers.ts does after every write).
    if (item.entity === 'lead') await this.deps.scoring.rescoreOne(em, item.record_id, ctx.now());
    ctx.events.emit('record.changed', { entity: 'activity', id: activity.id, action: 'create' });
    this.deps.reminders.changed();
    return activity.id;
  }

  private async doNotCall(em: EntityManager, item: ItemRow, ctx: CallContext): Promise<void> {
    if (item.entity === 'contact') {
      const c = await new Sql(em).get<{ version: number; do_not_call: number }>(`SELECT version, do_not_call FROM contacts WHERE id = ?`, [item.record_id]);
      if (!c || c.do_not_call === 1) return;
      await this.deps.contacts.update(em, item.record_id, c.version, { doNotCall: true }, ctx);
      ctx.events.emit('record.changed', { entity: 'contact', id: item.record_id, action: 'update' });
      return;
    }
    // Leads and accounts have no flag: their number goes on the suppression list, which consent.ts reads for calls and SMS.
    if (item.phone && suppressionKey('phone', item.phone).ok) {
      await this.deps.suppressions.add(em, { kind: 'phone', values: [item.phone], reason: `Asked not to be called (campaign “${item.campaign_name}”)`.slice(0, 300) }, ctx);
    }
  }
}
