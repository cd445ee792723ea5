import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { ActivityType, LinkedEntity, TimelineInput, TimelineItem, TimelineKind, TimelinePage } from '../../../../shared/contract/activities';
import { Sql } from '../../db/sql';
import { LINK_COLUMN } from './activities.service';

/** Sources of timeline rows; the number orders rows that share a time (and is part of the cursor). */
const SRC = { activity: 1, stage: 2, audit: 3 } as const;

/** When an activity "happened": a meeting or call when it starts, a task when done (else due), a note when written. */
const ACTIVITY_AT = `CASE WHEN a.type = 'task' THEN COALESCE(a.completed_at, a.due_at, a.created_at) ELSE COALESCE(a.starts_at, a.created_at) END`;

const TYPE_LABEL: Record<ActivityType, string> = { task: 'Task', call: 'Call', meeting: 'Meeting', note: 'Note' };

/** "annual_revenue_minor" → "Annual revenue minor", "owner_id" → "Owner". */
export function fieldLabel(column: string): string {
  const words = column.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const clip = (s: string, n = 500) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Ref {
  src: number;
  id: number;
  at: string;
}

export class TimelineService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async forRecord(q: z.output<typeof TimelineInput>): Promise<TimelinePage> {
    const kinds = new Set<TimelineKind>(q.kinds ?? ['activity', 'note', 'stage_change', 'field_change']);
    const parts: string[] = [];
    const params: unknown[] = [];

    if (kinds.has('activity') || kinds.has('note')) {
      const which = kinds.has('activity') && kinds.has('note') ? '' : kinds.has('note') ? ` AND a.type = 'note'` : ` AND a.type <> 'note'`;
      const link =
        q.entity === 'contact'
          ? `(a.contact_id = ? OR a.id IN (SELECT activity_id FROM activity_attendees WHERE contact_id = ?))`
          : `a.${LINK_COLUMN[q.entity]} = ?`;
      parts.push(`SELECT ${SRC.activity} AS src, a.id AS id, ${ACTIVITY_AT} AS at FROM activities a WHERE a.deleted_at IS NULL AND ${link}${which}`);
      params.push(...(q.entity === 'contact' ? [q.id, q.id] : [q.id]));
    }
    const stageScope = stageScopeOf(q.entity);
    if (kinds.has('stage_change') && stageScope) {
      parts.push(`SELECT ${SRC.stage} AS src, h.id AS id, h.changed_at AS at FROM opportunity_stage_history h WHERE ${stageScope}`);
      params.push(q.id);
    }
    if (kinds.has('field_change')) {
      parts.push(`SELECT ${SRC.audit} AS src, l.id AS id, l.at AS at FROM audit_log l WHERE l.entity = ? AND l.record_id = ?`);
      params.push(q.entity, q.id);
    }
    if (!parts.length) return { items: [], nextBefore: null };

    let cursor = '';
    if (q.before) {
      const [at, src, id] = q.before.split('|');
      cursor = 'WHERE (t.at, t.src, t.id) < (?, ?, ?)';
      params.push(at, Number(src), Number(id));
    }
    const refs = await this.sql.all<Ref>(
      `SELECT t.src, t.id, t.at FROM (${parts.join(' UNION ALL ')}) t ${cursor} ORDER BY t.at DESC, t.src DESC, t.id DESC LIMIT ?`,
      [...params, q.limit + 1],
    );
    const more = refs.length > q.limit;
    const page = refs.slice(0, q.limit);
    const items = await this.describe(page);
    const last = page.at(-1);
    return { items, nextBefore: more && last ? `${last.at}|${last.src}|${last.id}` : null };
  }

  private async describe(refs: Ref[]): Promise<TimelineItem[]> {
    const ids = (src: number) => refs.filter((r) => r.src === src).map((r) => r.id);
    const byKey = new Map<string, TimelineItem>();
    for (const item of [...(await this.activities(ids(SRC.activity))), ...(await this.stages(ids(SRC.stage))), ...(await this.audits(ids(SRC.audit)))]) {
      byKey.set(item.key, item);
    }
    const prefix = { [SRC.activity]: 'activity', [SRC.stage]: 'stage', [SRC.audit]: 'audit' } as Record<number, string>;
    return refs.map((r) => byKey.get(`${prefix[r.src]}:${r.id}`)!).filter(Boolean);
  }

  private async activities(ids: number[]): Promise<TimelineItem[]> {
    if (!ids.length) return [];
    const rows = await this.sql.all<Record<string, any>>(
      `SELECT a.id, a.type, a.subject, a.body, a.status, a.due_at, a.starts_at, a.ends_at, a.location, a.direction, a.outcome,
              a.duration_minutes, ${ACTIVITY_AT} AS at, u.id AS user_id, u.name AS user_name
         FROM activities a JOIN users u ON u.id = a.owner_id WHERE a.id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return rows.map((r) => {
      const type = r.type as ActivityType;
      const facts: string[] = [];
      if (type === 'task') facts.push(`Status: ${r.status}`);
      if (type === 'call') facts.push([r.direction, r.outcome?.replace(/_/g, ' '), r.duration_minutes !== null ? `${r.duration_minutes} min` : null].filter(Boolean).join(', '));
      if (type === 'meeting' && r.location) facts.push(`Location: ${r.location}`);
      if (r.body) facts.push(r.body);
      const details = facts.filter(Boolean).join('\n');
      return {
        key: `activity:${r.id}`,
        kind: type === 'note' ? 'note' : 'activity',
        at: r.at,
        who: { id: r.user_id, name: r.user_name },
        title: `${TYPE_LABEL[type]}: ${r.subject}`,
        details: details ? clip(details) : null,
        activity: { id: r.id, type, status: r.status, dueAt: r.due_at, startsAt: r.starts_at },
        stage: null,
        change: null,
      } satisfies TimelineItem;
    });
  }

  private async stages(ids: number[]): Promise<TimelineItem[]> {
    if (!ids.length) return [];
    const rows = await this.sql.all<Record<string, any>>(
      `SELECT h.id, h.changed_at, h.probability, h.amount_minor, h.currency, o.id AS opp_id, o.name AS opp_name,
              fs.name AS from_name, ts.name AS to_name, u.id AS user_id, u.name AS user_name
         FROM opportunity_stage_history h
         JOIN opportunities o ON o.id = h.opportunity_id
         JOIN pipeline_stages ts ON ts.id = h.to_stage_id
         LEFT JOIN pipeline_stages fs ON fs.id = h.from_stage_id
         LEFT JOIN users u ON u.id = h.changed_by_id
        WHERE h.id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return rows.map((r) => ({
      key: `stage:${r.id}`,
      kind: 'stage_change',
      at: r.changed_at,
      who: r.user_id ? { id: r.user_id, name: r.user_name } : null,
      title: r.from_name ? `${r.opp_name}: ${r.from_name} → ${r.to_name}` : `${r.opp_name}: created in ${r.to_name}`,
      details: `Probability ${r.probability}%, amount ${(Number(r.amount_minor) / 100).toFixed(2)} ${r.currency}`,
      activity: null,
      stage: { opportunity: { id: r.opp_id, name: r.opp_name }, from: r.from_name ?? null, to: r.to_name },
      change: null,
    }));
  }

  private async audits(ids: number[]): Promise<TimelineItem[]> {
    if (!ids.length) return [];
    const rows = await this.sql.all<{ id: number; entity: string; action: 'create' | 'update' | 'delete' | 'restore'; changes: string; at: string; user_id: number; user_name: string }>(
      `SELECT l.id, l.entity, l.action, l.changes, l.at, u.id AS user_id, u.name AS user_name
         FROM audit_log l JOIN users u ON u.id = l.user_id WHERE l.id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return rows.flatMap((r) => {
      const parsed = JSON.parse(r.changes) as Record<string, [unknown, unknown]>;
      // A stage move has its own stage-change item with the stage names; the raw id would only repeat it.
      const fields = Object.entries(parsed)
        .filter(([field]) => !(r.entity === 'opportunity' && field === 'stage_id'))
        .map(([field, [from, to]]) => ({ field, from, to }));
      if (r.action === 'update' && !fields.length) return [];
      const title =
        r.action === 'create'
          ? `Created ${r.entity}`
          : r.action === 'delete'
            ? 'Moved to the recycle bin'
            : r.action === 'restore'
              ? 'Restored from the recycle bin'
              : `Changed ${fields.map((f) => fieldLabel(f.field).toLowerCase()).join(', ')}`;
      const details = r.action === 'update' ? fields.map((f) => `${fieldLabel(f.field)}: ${show(f.from)} → ${show(f.to)}`).join('\n') : null;
      return [{
        key: `audit:${r.id}`,
        kind: 'field_change' as const,
        at: r.at,
        who: { id: r.user_id, name: r.user_name },
        title: clip(title, 200),
        details: details ? clip(details) : null,
        activity: null,
        stage: null,
        change: { entity: r.entity, action: r.action, fields },
      }];
    });
  }
}

/** Which stage changes a record's timeline shows (the `?` is the record's id); none for leads and contacts. */
function stageScopeOf(entity: LinkedEntity): string | null {
  if (entity === 'opportunity') return 'h.opportunity_id = ?';
  if (entity === 'account') return 'h.opportunity_id IN (SELECT id FROM opportunities WHERE account_id = ? AND deleted_at IS NULL)';
  return null;
}
