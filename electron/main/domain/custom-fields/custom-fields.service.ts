import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import { MAX_CUSTOM_FIELDS, type CustomField, type CustomFieldEntity, type CustomFieldWithValues } from '../../../../shared/contract/custom-fields';
import type { SegmentGroup } from '../../../../shared/contract/segments';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { writeAudit } from '../audit/audit.service';
import { assertLiveRecord } from '../tags/tags.service';
import { requireRole } from '../users/require-role';

interface FieldRow {
  id: number;
  entity: CustomFieldEntity;
  label: string;
  options: string;
  multiple: number;
  position: number;
}

const toField = (r: FieldRow): CustomField => ({
  id: r.id,
  entity: r.entity,
  label: r.label,
  options: JSON.parse(r.options) as string[],
  multiple: r.multiple === 1,
  position: r.position,
});

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Does a rule tree name this custom field (and, when given, one of these values)? */
function usesField(g: SegmentGroup, fieldId: number, values?: Set<string>): boolean {
  return g.items.some((i) =>
    i.type === 'group'
      ? usesField(i, fieldId, values)
      : i.type === 'fact' && i.fact === 'customPick' && i.fieldId === fieldId && (!values || (i.values ?? []).some((v) => values.has(v))),
  );
}

/*
 * Decisions:
 * - Values are stored one row per chosen option (custom_field_values), never as JSON on the record, so a
 *   segment asks them as an indexed set (field, value) like tags.
 * - An option that records use, or saved segments name, cannot be removed: the refusal says how many records
 *   and which segments, so nothing silently loses its value or changes its meaning. The same holds for turning
 *   a multi-select into a single one while records carry several values, and for deleting a field a saved
 *   segment names (its values go with it otherwise).
 * - Options are compared exactly (their case as defined); labels are unique per entity ignoring case.
 */
export class CustomFieldsService {
  async list(em: EntityManager, entity?: CustomFieldEntity): Promise<CustomField[]> {
    const rows = await new Sql(em).all<FieldRow>(
      `SELECT * FROM custom_fields ${entity ? 'WHERE entity = ?' : ''} ORDER BY entity, position, id`,
      entity ? [entity] : [],
    );
    return rows.map(toField);
  }

  async get(em: EntityManager, id: number): Promise<CustomField> {
    const row = await new Sql(em).get<FieldRow>(`SELECT * FROM custom_fields WHERE id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no custom field with id ${id} (it may have been deleted).`);
    return toField(row);
  }

  private async assertFreeLabel(em: EntityManager, entity: CustomFieldEntity, label: string, id: number | null): Promise<void> {
    const clash = await new Sql(em).get<{ label: string }>(`SELECT label FROM custom_fields WHERE entity = ? AND label = ? AND id IS NOT ?`, [entity, label, id]);
    if (clash) throw new CrmError('conflict', `There is already a ${entity} field called "${clash.label}".`, [{ path: 'label', message: 'Choose another label' }]);
  }

  /** Saved segments of the field's entity whose rules name it (or one of the values). */
  private async segmentsUsing(em: EntityManager, field: CustomField, values?: Set<string>): Promise<string[]> {
    const rows = await new Sql(em).all<{ name: string; rule: string }>(`SELECT name, rule FROM segments WHERE entity = ? ORDER BY name`, [field.entity]);
    return rows.filter((r) => usesField(JSON.parse(r.rule) as SegmentGroup, field.id, values)).map((r) => r.name);
  }

  async create(em: EntityManager, input: ParsedInput<'customFields.create'>, ctx: CallContext): Promise<CustomField> {
    await requireRole(em, ctx.userId, ['admin'], 'add custom fields');
    await this.assertFreeLabel(em, input.entity, input.label, null);
    const sql = new Sql(em);
    const { n, next } = (await sql.get<{ n: number; next: number }>(`SELECT COUNT(*) AS n, COALESCE(MAX(position) + 1, 0) AS next FROM custom_fields WHERE entity = ?`, [input.entity]))!;
    if (n >= MAX_CUSTOM_FIELDS) throw new CrmError('conflict', `A ${input.entity} has at most ${MAX_CUSTOM_FIELDS} custom fields.`);
    const { lastId } = await sql.run(
      `INSERT INTO custom_fields (entity, label, options, multiple, position, created_at, created_by_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [input.entity, input.label, JSON.stringify(input.options), input.multiple ? 1 : 0, next, ctx.now(), ctx.userId],
    );
    return this.get(em, lastId);
  }

  async update(em: EntityManager, input: ParsedInput<'customFields.update'>, ctx: CallContext): Promise<CustomField> {
    await requireRole(em, ctx.userId, ['admin'], 'change custom fields');
    const field = await this.get(em, input.id);
    const sql = new Sql(em);
    if (input.label !== undefined) await this.assertFreeLabel(em, field.entity, input.label, field.id);
    if (input.options !== undefined) {
      const kept = new Set(input.options);
      const removed = field.options.filter((o) => !kept.has(o));
      if (removed.length) {
        const used = await sql.all<{ value: string; n: number }>(
          `SELECT value, COUNT(*) AS n FROM custom_field_values WHERE field_id = ? AND value IN (SELECT value FROM json_each(?)) GROUP BY value ORDER BY value`,
          [field.id, JSON.stringify(removed)],
        );
        if (used.length) {
          const total = used.reduce((s, u) => s + u.n, 0);
          throw new CrmError(
            'conflict',
            `${field.label}: ${used.map((u) => `"${u.value}" is set on ${plural(u.n, field.entity)}`).join(', ')}; change ${total === 1 ? 'that record' : 'those records'} before removing the option.`,
            [{ path: 'options', message: `${plural(total, 'record')} use a removed option` }],
          );
        }
        const segments = await this.segmentsUsing(em, field, new Set(removed));
        if (segments.length) {
          throw new CrmError('conflict', `${field.label}: the segments ${segments.map((s) => `"${s}"`).join(', ')} name an option you removed; change them first.`, [
            { path: 'options', message: 'A saved segment names a removed option' },
          ]);
        }
      }
    }
    if (input.multiple === false && field.multiple) {
      const { n } = (await sql.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM (SELECT record_id FROM custom_field_values WHERE field_id = ? GROUP BY record_id HAVING COUNT(*) > 1)`,
        [field.id],
      ))!;
      if (n) throw new CrmError('conflict', `${field.label}: ${plural(n, field.entity)} ${n === 1 ? 'has' : 'have'} several values; leave one on each before making it single-choice.`, [{ path: 'multiple', message: `${n} with several values` }]);
    }
    await sql.run(`UPDATE custom_fields SET label = ?, options = ?, multiple = ?, position = ? WHERE id = ?`, [
      input.label ?? field.label,
      JSON.stringify(input.options ?? field.options),
      (input.multiple ?? field.multiple) ? 1 : 0,
      input.position ?? field.position,
      field.id,
    ]);
    return this.get(em, field.id);
  }

  async delete(em: EntityManager, id: number, ctx: CallContext): Promise<{ id: number; removedValues: number }> {
    await requireRole(em, ctx.userId, ['admin'], 'delete custom fields');
    const field = await this.get(em, id);
    const segments = await this.segmentsUsing(em, field);
    if (segments.length) throw new CrmError('conflict', `${field.label} is named by the segments ${segments.map((s) => `"${s}"`).join(', ')}; change them first.`);
    const sql = new Sql(em);
    const { n } = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM custom_field_values WHERE field_id = ?`, [id]))!;
    await sql.run(`DELETE FROM custom_fields WHERE id = ?`, [id]);
    return { id, removedValues: n };
  }

  async forRecord(em: EntityManager, entity: CustomFieldEntity, recordId: number): Promise<CustomFieldWithValues[]> {
    const fields = await this.list(em, entity);
    const values = await new Sql(em).all<{ field_id: number; value: string }>(
      `SELECT v.field_id, v.value FROM custom_field_values v JOIN custom_fields f ON f.id = v.field_id WHERE f.entity = ? AND v.record_id = ?`,
      [entity, recordId],
    );
    // Values in the order of the field's options.
    return fields.map((f) => {
      const mine = new Set(values.filter((v) => v.field_id === f.id).map((v) => v.value));
      return { ...f, values: f.options.filter((o) => mine.has(o)) };
    });
  }

  async setValues(em: EntityManager, input: ParsedInput<'customFields.setValues'>, ctx: CallContext): Promise<CustomFieldWithValues[]> {
    await assertLiveRecord(em, input.entity, input.recordId);
    const fields = new Map((await this.list(em, input.entity)).map((f) => [f.id, f]));
    const issues: ErrorIssue[] = [];
    input.values.forEach((v, i) => {
      const f = fields.get(v.fieldId);
      if (!f) return issues.push({ path: `values.${i}.fieldId`, message: `${input.entity === 'account' ? 'Accounts' : input.entity === 'lead' ? 'Leads' : 'Contacts'} have no custom field with id ${v.fieldId}` });
      if (new Set(v.values).size !== v.values.length) issues.push({ path: `values.${i}.values`, message: `${f.label}: a value is listed twice` });
      if (!f.multiple && v.values.length > 1) issues.push({ path: `values.${i}.values`, message: `${f.label} takes one value` });
      v.values.forEach((x, j) => {
        if (!f.options.includes(x)) issues.push({ path: `values.${i}.values.${j}`, message: `${f.label} is one of ${f.options.join(', ')}` });
      });
      return undefined;
    });
    if (issues.length) throw new CrmError('validation', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
    const sql = new Sql(em);
    const before = await this.forRecord(em, input.entity, input.recordId);
    const changes: Record<string, unknown[]> = {};
    for (const v of input.values) {
      await sql.run(`DELETE FROM custom_field_values WHERE field_id = ? AND record_id = ?`, [v.fieldId, input.recordId]);
      for (const value of v.values) await sql.run(`INSERT INTO custom_field_values (field_id, record_id, value) VALUES (?, ?, ?)`, [v.fieldId, input.recordId, value]);
      const f = fields.get(v.fieldId)!;
      const was = before.find((b) => b.id === f.id)!.values.join(', ');
      const now = f.options.filter((o) => v.values.includes(o)).join(', ');
      if (was !== now) changes[f.label] = [was || null, now || null];
    }
    if (Object.keys(changes).length) {
      await writeAudit(em, { entity: input.entity, recordId: input.recordId, action: 'update', changes, userId: ctx.userId, at: ctx.now() });
    }
    return this.forRecord(em, input.entity, input.recordId);
  }
}
