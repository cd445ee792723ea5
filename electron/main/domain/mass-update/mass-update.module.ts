import type { EntityManager } from 'typeorm';
import type { massUpdateContract } from '../../../../shared/contract/mass-update';
import { CrmError } from '../../../../shared/errors';
import type { CallContext } from '../../host/call-context';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';

type Entity = 'contact' | 'account' | 'lead' | 'opportunity';
type Patch = Record<string, unknown>;

interface Target {
  table: string;
  /** The record as the contract shows it. */
  get(id: number, em: EntityManager): Promise<Record<string, unknown>>;
  update(em: EntityManager, id: number, version: number, patch: never, ctx: CallContext): Promise<unknown>;
  /** Patch field → its current value on the record the contract returns (ownerId ← owner.id …). */
  value(record: Record<string, unknown>, field: string): unknown;
}

const fieldValue = (record: Record<string, unknown>, field: string): unknown => {
  if (field === 'ownerId') return (record.owner as { id: number }).id;
  if (field === 'accountId') return (record.account as { id: number } | null)?.id ?? null;
  return record[field];
};

function targets(services: Services): Record<Entity, Target> {
  return {
    contact: { table: 'contacts', get: (id, em) => services.contacts.get(id, em), update: (em, id, v, p, c) => services.contacts.update(em, id, v, p, c), value: fieldValue },
    account: { table: 'accounts', get: (id, em) => services.accounts.get(id, em), update: (em, id, v, p, c) => services.accounts.update(em, id, v, p, c), value: fieldValue },
    lead: { table: 'leads', get: (id, em) => services.leads.leads.get(id, em), update: (em, id, v, p, c) => services.leads.leads.update(em, id, v, p, c), value: fieldValue },
    opportunity: {
      table: 'opportunities',
      get: (id, em) => services.opportunities.opportunities.get(id, em),
      update: (em, id, v, p, c) => services.opportunities.opportunities.update(em, id, v, p, c),
      value: fieldValue,
    },
  } as Record<Entity, Target>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/*
 * Decisions:
 * - Each record goes through its own update (validation, audit, lead rescoring, owner rules) in the one transaction of
 *   the call: a record that refuses the change stops the whole batch with its reason, nothing half-applied.
 * - Records already holding the new values are left untouched (no version bump, no audit line).
 * - Undo applies the earlier values the same way, so it is audited too.
 */
export function massUpdateHandlers(services: Services): ModuleHandlers<typeof massUpdateContract> {
  const all = targets(services);
  return {
    'records.massUpdate': async ({ entity, ids, patch }, ctx) => {
      const target = all[entity];
      const fields = Object.keys(patch).filter((k) => (patch as Patch)[k] !== undefined);
      if (!fields.length) throw new CrmError('validation', 'Choose a field to change.', [{ path: 'patch', message: 'Nothing to change' }]);
      const before: Record<number, Patch> = {};
      let updated = 0;
      for (const id of ids) {
        const record = await target.get(id, ctx.em).catch(() => {
          throw new CrmError('not_found', `There is no ${entity} with id ${id} (it may have been deleted).`);
        });
        if (record.deletedAt) throw new CrmError('not_found', `The ${entity} "${String(record.name ?? record.lastName ?? id)}" is in the recycle bin.`);
        const changed = fields.filter((f) => !same(target.value(record, f), (patch as Patch)[f]));
        if (!changed.length) continue;
        before[id] = Object.fromEntries(changed.map((f) => [f, target.value(record, f)]));
        await target.update(ctx.em, id, record.version as number, Object.fromEntries(changed.map((f) => [f, (patch as Patch)[f]])) as never, ctx);
        ctx.events.emit('record.changed', { entity, id, action: 'update' });
        updated++;
      }
      const { lastId } = await insertBatch(ctx, entity, patch as Patch, before, updated);
      return { batchId: lastId, updated, unchanged: ids.length - updated };
    },
    'records.undoMassUpdate': async ({ batchId }, ctx) => {
      const [batch] = (await ctx.em.query(`SELECT entity, before, status FROM mass_updates WHERE id = ?`, [batchId])) as { entity: Entity; before: string; status: string }[];
      if (!batch) throw new CrmError('not_found', `There is no mass update with id ${batchId}.`);
      if (batch.status !== 'applied') throw new CrmError('validation', 'This change was already undone.');
      const target = all[batch.entity];
      let restored = 0;
      for (const [id, values] of Object.entries(JSON.parse(batch.before) as Record<string, Patch>)) {
        const record = await target.get(Number(id), ctx.em);
        await target.update(ctx.em, Number(id), record.version as number, values as never, ctx);
        ctx.events.emit('record.changed', { entity: batch.entity, id: Number(id), action: 'update' });
        restored++;
      }
      await ctx.em.query(`UPDATE mass_updates SET status = 'undone', undone_at = ?, undone_by_id = ? WHERE id = ?`, [ctx.now(), ctx.userId, batchId]);
      return { batchId, restored };
    },
    'records.massUpdates': async ({ limit }, ctx) => {
      const rows = (await ctx.em.query(
        `SELECT m.id, m.entity, m.patch, m.count, m.status, m.created_at, m.created_by_id, u.name FROM mass_updates m JOIN users u ON u.id = m.created_by_id ORDER BY m.id DESC LIMIT ?`,
        [limit],
      )) as { id: number; entity: Entity; patch: string; count: number; status: 'applied' | 'undone'; created_at: string; created_by_id: number; name: string }[];
      return rows.map((r) => ({ id: r.id, entity: r.entity, fields: Object.keys(JSON.parse(r.patch)), count: r.count, status: r.status, createdAt: r.created_at, createdBy: { id: r.created_by_id, name: r.name } }));
    },
  };
}

async function insertBatch(ctx: CallContext, entity: Entity, patch: Patch, before: Record<number, Patch>, count: number): Promise<{ lastId: number }> {
  await ctx.em.query(`INSERT INTO mass_updates (entity, patch, before, count, status, created_at, created_by_id) VALUES (?, ?, ?, ?, 'applied', ?, ?)`, [
    entity,
    JSON.stringify(patch),
    JSON.stringify(before),
    count,
    ctx.now(),
    ctx.userId,
  ]);
  const [{ id }] = (await ctx.em.query(`SELECT last_insert_rowid() AS id`)) as [{ id: number }];
  return { lastId: id };
}
