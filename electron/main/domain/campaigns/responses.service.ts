import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import type { ResponseKind } from '../../../../shared/contract/campaigns';
import type { CampaignResponse, ImportResponsesResult } from '../../../../shared/contract/campaign-results';
import type { SegmentEntity } from '../../../../shared/contract/segments';
import { CrmError } from '../../../../shared/errors';
import { asciiLower } from '../../../../shared/suppression';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import type { ContactsService } from '../contacts/contacts.service';
import { normalizeEmail } from '../leads/lead.mapper';
import { suppressionKey, type SuppressionsService } from '../segments/suppressions.service';
import { requireRole } from '../users/require-role';
import { OPT_OUT_KIND, attributeLead } from './attribution';
import { readResponsesCsv, type ResponseWho } from './response-csv';

/** Who may import responses and delete ones others recorded (as campaigns.service.ts CAMPAIGN_EDITORS); anyone may record one. */
export const RESULT_EDITORS = ['admin', 'sales_manager', 'marketing'] as const;

const TABLES: Record<SegmentEntity, string> = { contact: 'contacts', lead: 'leads', account: 'accounts' };

/** A record's name as lists show it (alias-free: `entity` and `id` are SQL expressions). */
export const recordNameSql = (entity: string, id: string) => `CASE ${entity}
    WHEN 'contact' THEN (SELECT trim(COALESCE(x.first_name || ' ', '') || x.last_name) FROM contacts x WHERE x.id = ${id})
    WHEN 'lead' THEN (SELECT trim(COALESCE(x.first_name || ' ', '') || x.last_name) FROM leads x WHERE x.id = ${id})
    ELSE (SELECT x.name FROM accounts x WHERE x.id = ${id}) END`;

export interface CampaignRef {
  id: number;
  name: string;
  currency: string;
  status: string;
}

export async function loadCampaign(em: EntityManager, id: number): Promise<CampaignRef> {
  const row = await new Sql(em).get<CampaignRef>(`SELECT id, name, currency, status FROM campaigns WHERE id = ?`, [id]);
  if (!row) throw new CrmError('not_found', `There is no campaign with id ${id} (it may have been deleted).`);
  return row;
}

/** A response to write, with what follows from it. */
export interface NewResponse {
  campaignId: number;
  entity: SegmentEntity;
  recordId: number;
  kind: ResponseKind;
  source: 'manual' | 'call' | 'import';
  note: string | null;
  respondedAt: string;
  /** The step it answers when the caller knows it (a call); else the member's latest sent touch. */
  stepId?: number;
  /** An unsubscribe opts the record out of e-mail unless false (a "do not call" is about calls only). */
  optOutOfEmail?: boolean;
}

interface ResponseRow {
  id: number;
  campaign_id: number;
  member_id: number | null;
  entity: SegmentEntity;
  record_id: number;
  kind: ResponseKind;
  source: CampaignResponse['source'];
  step_id: number | null;
  variant: CampaignResponse['variant'];
  note: string | null;
  responded_at: string;
  created_by_id: number;
  created_by_name: string;
  name: string | null;
}

const SELECT_RESPONSE = `SELECT r.*, u.name AS created_by_name, ${recordNameSql('r.entity', 'r.record_id')} AS name
  FROM campaign_responses r JOIN users u ON u.id = r.created_by_id`;

function toResponse(r: ResponseRow): CampaignResponse {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    entity: r.entity,
    recordId: r.record_id,
    name: r.name ?? `(deleted ${r.entity} ${r.record_id})`,
    kind: r.kind,
    source: r.source,
    note: r.note,
    respondedAt: r.responded_at,
    memberId: r.member_id,
    stepId: r.step_id,
    variant: r.variant,
    createdBy: { id: r.created_by_id, name: r.created_by_name },
  };
}

export interface ResponsesDeps {
  contacts: ContactsService;
  suppressions: SuppressionsService;
}

/*
 * Decisions:
 * - A response is linked to the record's membership when the record is enrolled, and recorded all the same when
 *   it is not (a reply from someone the campaign reached through a colleague is still a response).
 * - Its step and A/B variant are those of the member's latest sent touch: what the record answered.
 * - An unsubscribe takes the member out of the campaign ('left'), opts a contact out of e-mail (through the
 *   contacts service: version, audit and search stay right) and puts a lead's address on the suppression list
 *   (leads have no opt-out flag; consent.ts reads the list). Accounts have no address, so nothing more.
 * - Deleting a response takes it out of the report only: an opt-out it caused stays (consent is given back by
 *   hand, on purpose), as does the attribution.
 * - Importing is all or nothing; a response of the same kind from the same record on the same day counts as
 *   already recorded, so importing a file twice records it once.
 */
export class ResponsesService {
  constructor(private readonly deps: ResponsesDeps) {}

  async get(em: EntityManager, id: number): Promise<CampaignResponse> {
    const row = await new Sql(em).get<ResponseRow>(`${SELECT_RESPONSE} WHERE r.id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no campaign response with id ${id}.`);
    return toResponse(row);
  }

  async list(em: EntityManager, input: ParsedInput<'campaigns.responses'>): Promise<{ total: number; rows: CampaignResponse[] }> {
    await loadCampaign(em, input.id);
    const sql = new Sql(em);
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM campaign_responses WHERE campaign_id = ?`, [input.id]))!.n;
    const rows = await sql.all<ResponseRow>(`${SELECT_RESPONSE} WHERE r.campaign_id = ? ORDER BY r.responded_at DESC, r.id DESC LIMIT ? OFFSET ?`, [
      input.id,
      input.limit,
      input.offset,
    ]);
    return { total, rows: rows.map(toResponse) };
  }

  async record(em: EntityManager, input: ParsedInput<'campaigns.recordResponse'>, ctx: CallContext): Promise<CampaignResponse> {
    await loadCampaign(em, input.campaignId);
    await assertLiveRecord(em, input.entity, input.recordId);
    const now = ctx.now();
    const respondedAt = input.respondedAt ? new Date(input.respondedAt).toISOString() : now;
    if (respondedAt > now) throw new CrmError('validation', 'A response cannot be in the future', [{ path: 'respondedAt', message: 'In the future' }]);
    const id = await this.write(em, { ...input, source: 'manual', respondedAt }, ctx);
    return this.get(em, id);
  }

  /** Writes one response and what follows from it, in the caller's transaction; its id. */
  async write(em: EntityManager, r: NewResponse, ctx: CallContext): Promise<number> {
    const sql = new Sql(em);
    const member = await sql.get<{ id: number; status: string }>(`SELECT id, status FROM campaign_members WHERE campaign_id = ? AND entity = ? AND record_id = ?`, [
      r.campaignId,
      r.entity,
      r.recordId,
    ]);
    let step: { step_id: number; variant: string | null } | undefined;
    if (member && r.stepId === undefined) {
      step = await sql.get(`SELECT step_id, variant FROM campaign_touches WHERE member_id = ? AND status = 'sent' ORDER BY at DESC, id DESC LIMIT 1`, [member.id]);
    } else if (r.stepId !== undefined) {
      const touch = member ? await sql.get<{ variant: string | null }>(`SELECT variant FROM campaign_touches WHERE step_id = ? AND member_id = ?`, [r.stepId, member.id]) : undefined;
      step = { step_id: r.stepId, variant: touch?.variant ?? null };
    }
    const { lastId } = await sql.run(
      `INSERT INTO campaign_responses (campaign_id, member_id, entity, record_id, kind, source, step_id, variant, note, responded_at, created_at, created_by_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.campaignId, member?.id ?? null, r.entity, r.recordId, r.kind, r.source, step?.step_id ?? null, step?.variant ?? null, r.note, r.respondedAt, ctx.now(), ctx.userId],
    );
    if (r.kind === OPT_OUT_KIND) {
      if (member && member.status !== 'left') await sql.run(`UPDATE campaign_members SET status = 'left' WHERE id = ?`, [member.id]);
      if (r.optOutOfEmail !== false) await this.optOutOfEmail(em, r.entity, r.recordId, r.campaignId, ctx);
    } else if (r.entity === 'lead' && (await attributeLead(em, r.recordId, r.campaignId, ctx))) {
      ctx.events.emit('record.changed', { entity: 'lead', id: r.recordId, action: 'update' });
    }
    return lastId;
  }

  private async optOutOfEmail(em: EntityManager, entity: SegmentEntity, recordId: number, campaignId: number, ctx: CallContext): Promise<void> {
    const sql = new Sql(em);
    if (entity === 'contact') {
      const c = await sql.get<{ version: number; email_opt_out: number; deleted_at: string | null }>(`SELECT version, email_opt_out, deleted_at FROM contacts WHERE id = ?`, [recordId]);
      if (!c || c.deleted_at || c.email_opt_out === 1) return;
      await this.deps.contacts.update(em, recordId, c.version, { emailOptOut: true }, ctx);
      ctx.events.emit('record.changed', { entity: 'contact', id: recordId, action: 'update' });
    } else if (entity === 'lead') {
      const lead = await sql.get<{ email: string | null }>(`SELECT email FROM leads WHERE id = ?`, [recordId]);
      if (lead?.email && suppressionKey('email', lead.email).ok) {
        const { name } = await loadCampaign(em, campaignId);
        await this.deps.suppressions.add(em, { kind: 'email', values: [lead.email], reason: `Unsubscribed from the campaign “${name}”`.slice(0, 300) }, ctx);
      }
    }
  }

  async delete(em: EntityManager, id: number, ctx: CallContext): Promise<{ id: number }> {
    const row = await new Sql(em).get<{ created_by_id: number }>(`SELECT created_by_id FROM campaign_responses WHERE id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no campaign response with id ${id}.`);
    if (row.created_by_id !== ctx.userId) await requireRole(em, ctx.userId, RESULT_EDITORS, 'delete a response someone else recorded');
    await new Sql(em).run(`DELETE FROM campaign_responses WHERE id = ?`, [id]);
    return { id };
  }

  async importCsv(em: EntityManager, input: ParsedInput<'campaigns.importResponses'>, ctx: CallContext): Promise<ImportResponsesResult> {
    await requireRole(em, ctx.userId, RESULT_EDITORS, 'import campaign responses');
    await loadCampaign(em, input.campaignId);
    const now = ctx.now();
    const { rows, errors } = readResponsesCsv(input.csv, input.locale, now);
    const sql = new Sql(em);
    const toWrite: NewResponse[] = [];
    const seen = new Set<string>();
    let alreadyRecorded = 0;
    // A file often names one address many times (a reply, then a purchase): each is looked up once.
    const lookups = new Map<string, Found>();
    // First every row is looked up (reads only); nothing is written unless all of them can be.
    for (const row of rows) {
      const whoKey = 'email' in row.who ? asciiLower(row.who.email) : `${row.who.entity}:${row.who.recordId}`;
      const found = lookups.get(whoKey) ?? (await findRecord(sql, input.campaignId, row.who));
      lookups.set(whoKey, found);
      if ('message' in found) {
        errors.push({ line: row.line, message: found.message });
        continue;
      }
      const day = row.respondedAt.slice(0, 10);
      const key = `${found.entity}:${found.recordId}:${row.kind}:${day}`;
      const stored = await sql.get(
        `SELECT 1 FROM campaign_responses WHERE entity = ? AND record_id = ? AND campaign_id = ? AND kind = ? AND responded_at >= ? AND responded_at < ?`,
        [found.entity, found.recordId, input.campaignId, row.kind, day, `${day}~`],
      );
      if (seen.has(key) || stored) {
        alreadyRecorded++;
        continue;
      }
      seen.add(key);
      toWrite.push({ campaignId: input.campaignId, ...found, kind: row.kind, source: 'import', note: row.note, respondedAt: row.respondedAt });
    }
    if (errors.length) return { recorded: 0, alreadyRecorded: 0, errors: errors.sort((a, b) => a.line - b.line) };
    for (const r of toWrite) await this.write(em, r, ctx);
    return { recorded: toWrite.length, alreadyRecorded, errors: [] };
  }
}

export async function assertLiveRecord(em: EntityManager, entity: SegmentEntity, id: number, path = 'recordId'): Promise<void> {
  const row = await new Sql(em).get(`SELECT 1 FROM ${TABLES[entity]} WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) throw new CrmError('validation', `There is no ${entity} with id ${id} (or it is in the recycle bin).`, [{ path, message: `No such ${entity}` }]);
}

type Found = { entity: SegmentEntity; recordId: number } | { message: string };

interface Candidate {
  entity: SegmentEntity;
  id: number;
  name: string;
  member: number;
}

/**
 * The record a row means. By id: it must be live. By e-mail, in this order, the first group that has any:
 * the campaign's contacts, its leads, then any contact, then any lead not converted (a converted lead lives on
 * as its contact). Two in one group is ambiguous: the row must then give record_id and entity.
 */
async function findRecord(sql: Sql, campaignId: number, who: ResponseWho): Promise<Found> {
  if ('entity' in who) {
    const row = await sql.get(`SELECT 1 FROM ${TABLES[who.entity]} WHERE id = ? AND deleted_at IS NULL`, [who.recordId]);
    return row ? who : { message: `There is no ${who.entity} with id ${who.recordId} (or it is in the recycle bin)` };
  }
  const member = (entity: string, id: string) => `EXISTS (SELECT 1 FROM campaign_members m WHERE m.campaign_id = ? AND m.entity = '${entity}' AND m.record_id = ${id})`;
  const contacts = await sql.all<Candidate>(
    `SELECT DISTINCT 'contact' AS entity, c.id, trim(COALESCE(c.first_name || ' ', '') || c.last_name) AS name, ${member('contact', 'c.id')} AS member
       FROM record_keys k JOIN contacts c ON c.id = k.record_id AND c.deleted_at IS NULL
      WHERE k.entity = 'contact' AND k.kind = 'email' AND k.key = ?`,
    [campaignId, asciiLower(who.email.trim())],
  );
  const leads = await sql.all<Candidate & { status: string }>(
    `SELECT 'lead' AS entity, l.id, trim(COALESCE(l.first_name || ' ', '') || l.last_name) AS name, l.status, ${member('lead', 'l.id')} AS member
       FROM leads l WHERE l.email_normalized = ? AND l.deleted_at IS NULL`,
    [campaignId, normalizeEmail(who.email)],
  );
  const groups: [Candidate[], string][] = [
    [contacts.filter((c) => c.member), 'contacts enrolled in the campaign'],
    [leads.filter((l) => l.member), 'leads enrolled in the campaign'],
    [contacts, 'contacts'],
    [leads.filter((l) => l.status !== 'converted'), 'leads'],
  ];
  for (const [group, label] of groups) {
    if (group.length === 1) return { entity: group[0]!.entity, recordId: group[0]!.id };
    if (group.length > 1) {
      const names = group.slice(0, 3).map((c) => `${c.name} #${c.id}`).join(', ');
      return { message: `${who.email} belongs to ${group.length} ${label} (${names}${group.length > 3 ? ', …' : ''}): give record_id and entity instead` };
    }
  }
  return { message: `No contact or lead has the e-mail address ${who.email}` };
}
