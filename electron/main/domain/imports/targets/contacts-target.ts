import type { Database } from 'better-sqlite3';
import { ContactInput, ContactPatch } from '../../../../../shared/contract/contacts';
import { contactColumns } from '../../contacts/contact.mapper';
import { fastContactInput } from './contact-input-fast';
import type { ColumnValues } from '../../records/record-store';
import { setColumn, type ColumnList } from '../engine/batched-inserts';
import { ADDRESS, contactDraft, EMAIL_FIELDS, PHONE_FIELDS, type PreparedContact } from './contact-prepare';
import { changedColumns, existing, ownerId, ownerIdOf, typedValues, withSchemaErrors, type FieldError, type PlanContext, type PlanOutcome, type RowPlan, type TargetHandler } from './target';

interface StoredContact {
  first_name: string | null;
  last_name: string;
  emails: string;
  phones: string;
  [column: string]: unknown;
}

/** Contacts: found by e-mail or external id; the account by name or external id; the owner from the file, else the account's. */
export function contactsTarget(db: Database): TargetHandler {
  const current = db.prepare(`SELECT * FROM contacts WHERE id = ?`);
  const ownerOf = db.prepare(`SELECT owner_id FROM accounts WHERE id = ?`).pluck();
  // Thousands of rows name the same few accounts, whose owners an import does not change once they exist.
  const accountOwners = new Map<number, number>();
  const accountOwner = (id: number): number => {
    let owner = accountOwners.get(id);
    if (owner === undefined) accountOwners.set(id, (owner = ownerOf.get(id) as number));
    return owner;
  };
  const today = new Date().toISOString().slice(0, 10);

  function account(byExternal: string | undefined, byName: string | undefined, ctx: PlanContext, errors: FieldError[]): { id: number | null | undefined; create: string | null } {
    if (byExternal !== undefined) {
      const hit = ctx.lookups.external('account', byExternal);
      if (hit.kind === 'one') return { id: hit.id, create: null };
      errors.push({ field: 'accountExternalId', message: hit.kind === 'none' ? `No account has the external id "${byExternal}"` : `${hit.count} accounts have the external id "${byExternal}"` });
      return { id: undefined, create: null };
    }
    if (byName === undefined) return { id: undefined, create: null };
    const hit = ctx.lookups.accountByName(byName);
    if (hit.kind === 'one') return { id: hit.id, create: null };
    if (hit.kind === 'none' && ctx.spec.createAccounts) return { id: null, create: byName };
    errors.push({
      field: 'accountName',
      message:
        hit.kind === 'none'
          ? `No account called "${byName}": import the accounts first, or let the import create missing accounts`
          : `${hit.count} accounts are called "${byName}": use the account's external id`,
    });
    return { id: undefined, create: null };
  }

  /** Creating: the same person must not arrive twice (from the file or already on record). */
  function refuseKnown(email: string | undefined, externalId: string | null, ctx: PlanContext, errors: FieldError[]): void {
    if (email !== undefined && ctx.lookups.contactEmailTaken(email)) {
      errors.push({ field: 'email', message: 'A contact with this e-mail already exists: import with "update or create" to update it' });
    }
    if (externalId !== null && ctx.lookups.external('contact', externalId).kind !== 'none') {
      errors.push({ field: 'externalId', message: 'A contact with this external id already exists' });
    }
  }

  function createPlan(
    columns: ColumnValues | ColumnList,
    acct: { id: number | null | undefined; create: string | null },
    owner: number | null,
    externalId: string | null,
    emails: string[],
    ctx: PlanContext,
  ): RowPlan {
    const fromAccount = acct.id ? accountOwner(acct.id) : null;
    setColumn(columns, 'account_id', acct.id ?? null);
    setColumn(columns, 'owner_id', owner ?? fromAccount ?? ctx.userId);
    return { action: 'create', columns, externalId, newAccount: acct.create, ownerFromRules: owner === null && acct.create !== null, emails };
  }

  const fieldOf = (path: readonly PropertyKey[]): string | null => {
    const [head, index] = path;
    if (head === 'emails' && typeof index === 'number') return EMAIL_FIELDS[index]?.[0] ?? 'email';
    if (head === 'phones' && typeof index === 'number') return PHONE_FIELDS[index]?.[0] ?? 'phone';
    if (head === 'address') return typeof index === 'string' ? index : null;
    if (head === 'accountId') return 'accountName';
    if (head === 'ownerId') return 'owner';
    return typeof head === 'string' ? head : null;
  };

  return {
    entity: 'contact',
    batchable: true,
    deferrableIndexes: true,
    table: 'contacts',
    defaultKey: (spec) => (spec.columns.includes('externalId') ? 'externalId' : 'email'),

    resolvePrepared(prepared, ctx): PlanOutcome | null {
      const p = prepared as PreparedContact;
      const errors: FieldError[] = [];
      refuseKnown(p.email ?? undefined, p.externalId, ctx, errors);
      const acct = account(p.accountExternalId ?? undefined, p.accountName ?? undefined, ctx, errors);
      const owner = p.owner === null ? null : ownerIdOf(p.owner, ctx, errors);
      // Any problem: the full plan words it, exactly as for a row read on this thread.
      if (errors.length) return null;
      return { ok: true, plan: createPlan(p.columns, acct, owner, p.externalId, p.emails, ctx) };
    },

    plan(raw, ctx): PlanOutcome {
      const { values, errors } = typedValues('contacts', raw, ctx.spec);
      const email = values.get('email') as string | undefined;
      const externalId = (values.get('externalId') as string | undefined) ?? null;
      let id: number | null = null;
      if (ctx.spec.mode !== 'create') {
        const key = ctx.spec.key ?? this.defaultKey(ctx.spec);
        const keyValue = key === 'email' ? email : (externalId ?? undefined);
        const what = key === 'email' ? 'e-mail' : 'external id';
        if (keyValue === undefined) errors.push({ field: key ?? 'email', message: `The ${what} is needed to find the contact` });
        else {
          const hit = existing(key === 'email' ? ctx.lookups.email('contact', keyValue) : ctx.lookups.external('contact', keyValue), what);
          if (hit.error) errors.push({ field: key ?? 'email', message: hit.error });
          else if (hit.id === null && ctx.spec.mode === 'update') errors.push({ field: key ?? 'email', message: `No contact has this ${what}: nothing to update` });
          id = hit.id;
        }
      }
      if (id === null) refuseKnown(email, externalId, ctx, errors);
      const acct = account(values.get('accountExternalId') as string | undefined, values.get('accountName') as string | undefined, ctx, errors);
      const owner = ownerId(values, ctx, errors);
      if (id === null) {
        const input = contactDraft(values, acct.id ?? null);
        // The fast path only for a row with no errors yet: otherwise the schema words every problem at once.
        const quick = errors.length === 0 ? fastContactInput(input, today) : null;
        const parsed = quick ? ({ success: true, data: quick } as const) : ContactInput.safeParse(input);
        const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
        if (all.length || !parsed.success) return { ok: false, errors: all };
        return { ok: true, plan: createPlan(contactColumns(parsed.data), acct, owner, externalId, parsed.data.emails.map((e) => e.address), ctx) };
      }

      if (acct.create !== null) return { ok: false, errors: [{ field: 'accountName', message: `No account called "${acct.create}": an update does not create accounts` }] };
      const row = current.get(id) as StoredContact;
      const patch: Record<string, unknown> = {};
      for (const k of ['firstName', 'lastName', 'title', 'birthday', 'emailOptOut', 'doNotCall'] as const) if (values.has(k)) patch[k] = values.get(k);
      const emails = EMAIL_FIELDS.filter(([k]) => values.has(k)).map(([k, label]) => ({ label, address: String(values.get(k)) }));
      if (emails.length) {
        const kept = (JSON.parse(row.emails) as { label: string; address: string }[]).filter((e) => !emails.some((n) => n.address.toLowerCase() === e.address.toLowerCase()));
        patch.emails = [...emails, ...kept].slice(0, 10);
      }
      const phones = PHONE_FIELDS.filter(([k]) => values.has(k)).map(([k, label]) => ({ label, number: String(values.get(k)) }));
      if (phones.length) {
        const kept = (JSON.parse(row.phones) as { label: string; number: string }[]).filter((p) => !phones.some((n) => n.label === p.label || n.number === p.number));
        patch.phones = [...phones, ...kept].slice(0, 10);
      }
      if (ADDRESS.some((k) => values.has(k))) {
        // A file that only has the city must not blank the street: fill the rest from the record.
        patch.address = Object.fromEntries(ADDRESS.map((k) => [k, values.has(k) ? values.get(k) : (row[`address_${k}`] ?? null)]));
      }
      if (acct.id !== undefined && acct.id !== null) patch.accountId = acct.id;
      if (owner !== null) patch.ownerId = owner;
      const parsed = ContactPatch.safeParse(patch);
      const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
      if (all.length || !parsed.success) return { ok: false, errors: all };
      const { columns, before } = changedColumns(contactColumns(parsed.data, { firstName: row.first_name, lastName: row.last_name }), row);
      if (Object.keys(columns).length === 0 && externalId === null) return { ok: true, plan: { action: 'unchanged', id } };
      return { ok: true, plan: { action: 'update', id, columns, before, externalId } };
    },
  };
}
