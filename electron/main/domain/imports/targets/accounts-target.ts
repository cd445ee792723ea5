import type { Database } from 'better-sqlite3';
import { AccountInput, AccountPatch } from '../../../../../shared/contract/accounts';
import { accountColumns } from '../../accounts/account.mapper';
import { changedColumns, existing, ownerId, typedValues, withSchemaErrors, type FieldError, type PlanContext, type PlanOutcome, type TargetHandler } from './target';

const ADDRESS = ['street', 'city', 'region', 'postcode', 'country'] as const;
const PLAIN = ['name', 'industry', 'website', 'phone', 'employees', 'annualRevenue'] as const;

/** Accounts: found by name (case and accents ignored) or external id; without an owner in the file the territory rules pick one. */
export function accountsTarget(db: Database): TargetHandler {
  const current = db.prepare(`SELECT * FROM accounts WHERE id = ?`);

  function parent(values: Map<string, unknown>, ctx: PlanContext, errors: FieldError[]): number | undefined {
    const name = values.get('parentAccountName') as string | undefined;
    if (name === undefined) return undefined;
    const hit = ctx.lookups.accountByName(name);
    if (hit.kind === 'one') return hit.id;
    errors.push({ field: 'parentAccountName', message: hit.kind === 'none' ? `No account called "${name}" (a parent must come earlier in the file or exist already)` : `${hit.count} accounts are called "${name}"` });
    return undefined;
  }

  const fieldOf = (path: readonly PropertyKey[]): string | null => {
    const [head, sub] = path;
    if (head === 'billingAddress') return typeof sub === 'string' ? sub : null;
    if (head === 'parentAccountId') return 'parentAccountName';
    if (head === 'ownerId') return 'owner';
    return typeof head === 'string' ? head : null;
  };

  return {
    entity: 'account',
    batchable: true,
    table: 'accounts',
    defaultKey: (spec) => (spec.columns.includes('externalId') ? 'externalId' : 'name'),

    plan(raw, ctx): PlanOutcome {
      const { values, errors } = typedValues('accounts', raw, ctx.spec);
      const name = values.get('name') as string | undefined;
      const externalId = (values.get('externalId') as string | undefined) ?? null;
      let id: number | null = null;
      if (ctx.spec.mode !== 'create') {
        const key = ctx.spec.key ?? this.defaultKey(ctx.spec);
        const keyValue = key === 'name' ? name : (externalId ?? undefined);
        const what = key === 'name' ? 'name' : 'external id';
        if (keyValue === undefined) errors.push({ field: key ?? 'name', message: `The ${what} is needed to find the account` });
        else {
          const hit = existing(key === 'name' ? ctx.lookups.accountByName(keyValue) : ctx.lookups.external('account', keyValue), what);
          if (hit.error) errors.push({ field: key ?? 'name', message: hit.error });
          else if (hit.id === null && ctx.spec.mode === 'update') errors.push({ field: key ?? 'name', message: `No account has this ${what}: nothing to update` });
          id = hit.id;
        }
      }
      if (id === null) {
        if (name !== undefined && ctx.lookups.accountByName(name).kind !== 'none') {
          errors.push({ field: 'name', message: 'An account with this name already exists: import with "update or create" to update it' });
        }
        if (externalId !== null && ctx.lookups.external('account', externalId).kind !== 'none') {
          errors.push({ field: 'externalId', message: 'An account with this external id already exists' });
        }
      }
      const parentId = parent(values, ctx, errors);
      const owner = ownerId(values, ctx, errors);
      if (id === null) {
        const parsed = AccountInput.safeParse({
          ...Object.fromEntries(PLAIN.filter((k) => values.has(k)).map((k) => [k, values.get(k)])),
          billingAddress: Object.fromEntries(ADDRESS.filter((k) => values.has(k)).map((k) => [k, values.get(k)])),
          parentAccountId: parentId ?? null,
        });
        const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
        if (all.length || !parsed.success) return { ok: false, errors: all };
        const columns = accountColumns(parsed.data);
        columns.owner_id = owner ?? ctx.userId;
        return { ok: true, plan: { action: 'create', columns, externalId, newAccount: null, ownerFromRules: owner === null } };
      }

      const row = current.get(id) as Record<string, unknown>;
      const patch: Record<string, unknown> = Object.fromEntries(PLAIN.filter((k) => values.has(k)).map((k) => [k, values.get(k)]));
      if (ADDRESS.some((k) => values.has(k))) {
        patch.billingAddress = Object.fromEntries(ADDRESS.map((k) => [k, values.has(k) ? values.get(k) : (row[`billing_${k}`] ?? null)]));
      }
      if (parentId !== undefined) patch.parentAccountId = parentId;
      if (owner !== null) patch.ownerId = owner;
      const parsed = AccountPatch.safeParse(patch);
      const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
      if (all.length || !parsed.success) return { ok: false, errors: all };
      const { columns, before } = changedColumns(accountColumns(parsed.data), row);
      if (Object.keys(columns).length === 0 && externalId === null) return { ok: true, plan: { action: 'unchanged', id } };
      return { ok: true, plan: { action: 'update', id, columns, before, externalId } };
    },
  };
}
