import type { Database } from 'better-sqlite3';
import { LeadInput, LeadPatch } from '../../../../../shared/contract/leads';
import { DISQUALIFY_REASON_REQUIRED, leadColumns, type StoredLead } from '../../leads/lead.mapper';
import { rescoreLeads } from '../../leads/rescore-leads';
import { changedColumns, importedIds, ownerId, recordByKey, typedValues, withSchemaErrors, type FieldError, type PlanOutcome, type TargetHandler } from './target';

const ADDRESS = ['street', 'city', 'region', 'postcode', 'country'] as const;
const PLAIN = ['firstName', 'lastName', 'company', 'title', 'email', 'phone', 'industry', 'employees', 'source', 'status', 'disqualifiedReason', 'rating'] as const;

/**
 * Leads: found by e-mail or external id; as the leads service, a disqualified
 * lead needs a reason and a converted one keeps its status. Without an owner in
 * the file the territory rules pick one; every lead the import wrote is scored
 * again before the commit, as a save through the form would.
 */
export function leadsTarget(db: Database): TargetHandler {
  const current = db.prepare(`SELECT * FROM leads WHERE id = ?`);

  const fieldOf = (path: readonly PropertyKey[]): string | null => {
    const [head, sub] = path;
    if (head === 'address') return typeof sub === 'string' ? sub : null;
    if (head === 'ownerId') return 'owner';
    return typeof head === 'string' ? head : null;
  };

  return {
    entity: 'lead',
    table: 'leads',
    defaultKey: (spec) => (spec.columns.includes('externalId') ? 'externalId' : 'email'),

    plan(raw, ctx): PlanOutcome {
      const { values, errors } = typedValues('leads', raw, ctx.spec);
      const email = values.get('email') as string | undefined;
      const externalId = (values.get('externalId') as string | undefined) ?? null;
      let id: number | null = null;
      if (ctx.spec.mode !== 'create') {
        const byEmail = (ctx.spec.key ?? this.defaultKey(ctx.spec)) === 'email';
        id = recordByKey(
          ctx,
          byEmail
            ? { field: 'email', what: 'e-mail', value: email, find: (v) => ctx.lookups.email('lead', v) }
            : { field: 'externalId', what: 'external id', value: externalId ?? undefined, find: (v) => ctx.lookups.external('lead', v) },
          'lead',
          errors,
        );
      }
      // An update that finds nothing has said so: the create checks would only add noise.
      if (id === null && ctx.spec.mode === 'update') return { ok: false, errors };
      if (id === null) {
        if (email !== undefined && ctx.lookups.email('lead', email).kind !== 'none') {
          errors.push({ field: 'email', message: 'A lead with this e-mail already exists: import with "update or create" to update it' });
        }
        if (externalId !== null && ctx.lookups.external('lead', externalId).kind !== 'none') {
          errors.push({ field: 'externalId', message: 'A lead with this external id already exists' });
        }
      }
      const owner = ownerId(values, ctx, errors);
      const given = Object.fromEntries(PLAIN.filter((k) => values.has(k)).map((k) => [k, values.get(k)]));

      if (id === null) {
        const parsed = LeadInput.safeParse({
          ...given,
          address: Object.fromEntries(ADDRESS.filter((k) => values.has(k)).map((k) => [k, values.get(k)])),
          ...(owner !== null ? { ownerId: owner } : {}),
        });
        if (parsed.success && parsed.data.status === 'disqualified' && !parsed.data.disqualifiedReason) errors.push({ field: 'disqualifiedReason', message: DISQUALIFY_REASON_REQUIRED });
        const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
        if (all.length || !parsed.success) return { ok: false, errors: all };
        const columns = leadColumns({ ...parsed.data, ownerId: owner ?? ctx.userId });
        if (parsed.data.status !== 'disqualified') columns.disqualified_reason = null;
        return { ok: true, plan: { action: 'create', columns, externalId, newAccount: null, ownerFromRules: owner === null } };
      }

      const row = current.get(id) as StoredLead & Record<string, unknown>;
      const patch: Record<string, unknown> = { ...given };
      if (ADDRESS.some((k) => values.has(k))) {
        // A file that only has the city must not blank the street: fill the rest from the record.
        patch.address = Object.fromEntries(ADDRESS.map((k) => [k, values.has(k) ? values.get(k) : (row[k] ?? null)]));
      }
      if (owner !== null) patch.ownerId = owner;
      const parsed = LeadPatch.safeParse(patch);
      const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
      if (all.length || !parsed.success) return { ok: false, errors: all };
      const checks: FieldError[] = [];
      if (row.status === 'converted' && parsed.data.status !== undefined) checks.push({ field: 'status', message: 'A converted lead keeps its status' });
      const status = parsed.data.status ?? row.status;
      const reason = parsed.data.disqualifiedReason !== undefined ? parsed.data.disqualifiedReason : row.disqualified_reason;
      if (status === 'disqualified' && !reason) checks.push({ field: 'disqualifiedReason', message: DISQUALIFY_REASON_REQUIRED });
      if (checks.length) return { ok: false, errors: checks };
      const next = leadColumns(parsed.data, { firstName: row.first_name, lastName: row.last_name, phone: row.phone, country: row.country });
      // The reason belongs to the disqualified status only: leaving it clears the reason.
      if (status !== 'disqualified') next.disqualified_reason = null;
      const { columns, before } = changedColumns(next, row);
      if (Object.keys(columns).length === 0 && externalId === null) return { ok: true, plan: { action: 'unchanged', id } };
      return { ok: true, plan: { action: 'update', id, columns, before, externalId } };
    },

    beforeCommit(db, importId, o) {
      const ids = importedIds(db, importId, 'lead');
      o.progress?.('Scoring the leads', 0, ids.length);
      rescoreLeads(db, ids, o.now);
    },
  };
}
