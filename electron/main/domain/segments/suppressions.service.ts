import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { ParsedInput } from '../../../../shared/contract';
import type { Suppression } from '../../../../shared/contract/segments';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { domainKey, emailKey, phoneKey, type SuppressionKind } from '../../../../shared/suppression';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { requireRole } from '../users/require-role';

const Email = z.email();
const DOMAIN = /^(?=.{3,253}$)[^\s@.]+(\.[^\s@.]+)+$/u;
const MIN_PHONE_DIGITS = 6;

/** The key an entry is stored and compared under, or why the text cannot be one. */
export function suppressionKey(kind: SuppressionKind, text: string): { ok: true; key: string } | { ok: false; message: string } {
  const t = text.trim();
  if (!t) return { ok: false, message: 'Empty entry' };
  switch (kind) {
    case 'email':
      return Email.safeParse(t).success ? { ok: true, key: emailKey(t) } : { ok: false, message: `"${t}" is not an e-mail address` };
    case 'domain': {
      const key = domainKey(t);
      return DOMAIN.test(key) ? { ok: true, key } : { ok: false, message: `"${t}" is not a domain such as example.com` };
    }
    case 'phone': {
      if (!/^[+()\d\s./-]+(\s*(x|ext\.?)\s*\d+)?$/i.test(t)) return { ok: false, message: `"${t}" is not a phone number (digits, spaces, + ( ) - . / and an extension)` };
      const digits = t.toLowerCase().split('x')[0]!.replace(/\D/g, '');
      if (digits.length < MIN_PHONE_DIGITS) return { ok: false, message: `"${t}" has fewer than ${MIN_PHONE_DIGITS} digits` };
      return { ok: true, key: phoneKey(t) };
    }
  }
}

interface Row {
  id: number;
  kind: SuppressionKind;
  value: string;
  entered: string;
  reason: string | null;
  created_at: string;
  created_by_id: number;
  created_by_name: string;
}

/*
 * Decisions:
 * - Anyone may add an entry (recording an opt-out must never wait for a manager); taking one off lets the
 *   app contact someone again, so only administrators and marketing may.
 * - An address and a domain match exactly (a.example.com is its own domain); a phone number matches on its
 *   last eight digits, so one suppression covers the number however it was written.
 */
export class SuppressionsService {
  async list(em: EntityManager, input: ParsedInput<'suppressions.list'>): Promise<{ rows: Suppression[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.kind) {
      where.push('s.kind = ?');
      params.push(input.kind);
    }
    if (input.search?.trim()) {
      where.push(`(s.value LIKE ? ESCAPE '\\' OR s.entered LIKE ? ESCAPE '\\')`);
      const like = `%${input.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const sql = new Sql(em);
    const rows = await sql.all<Row>(
      `SELECT s.*, u.name AS created_by_name FROM suppressions s JOIN users u ON u.id = s.created_by_id ${clause} ORDER BY s.id DESC LIMIT ? OFFSET ?`,
      [...params, input.limit, input.offset],
    );
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM suppressions s ${clause}`, params))!.n;
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        value: r.value,
        entered: r.entered,
        reason: r.reason,
        createdAt: r.created_at,
        createdBy: { id: r.created_by_id, name: r.created_by_name },
      })),
    };
  }

  /** All or nothing: one entry that is not an address, domain or number refuses the lot, naming it. */
  async add(em: EntityManager, input: ParsedInput<'suppressions.add'>, ctx: CallContext): Promise<{ added: number; alreadyListed: number }> {
    const issues: ErrorIssue[] = [];
    const entries: { key: string; entered: string }[] = [];
    input.values.forEach((text, i) => {
      const key = suppressionKey(input.kind, text);
      if (key.ok) entries.push({ key: key.key, entered: text.trim() });
      else issues.push({ path: `values.${i}`, message: key.message });
    });
    if (issues.length) throw new CrmError('validation', `values: ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, issues);
    const sql = new Sql(em);
    const now = ctx.now();
    let added = 0;
    for (const e of entries) {
      const { changes } = await sql.run(
        `INSERT INTO suppressions (kind, value, entered, reason, created_at, created_by_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, value) DO NOTHING`,
        [input.kind, e.key, e.entered, input.reason, now, ctx.userId],
      );
      added += changes;
    }
    return { added, alreadyListed: entries.length - added };
  }

  async remove(em: EntityManager, ids: number[], ctx: CallContext): Promise<{ removed: number }> {
    await requireRole(em, ctx.userId, ['admin', 'marketing'], 'take entries off the suppression list');
    const { changes } = await new Sql(em).run(`DELETE FROM suppressions WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    return { removed: changes };
  }
}
