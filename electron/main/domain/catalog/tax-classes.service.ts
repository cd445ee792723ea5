import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { TaxClass, TaxClassInput } from '../../../../shared/contract/catalog';
import { CrmError } from '../../../../shared/errors';
import { ratePercentToMilli } from '../../../../shared/quote-math';
import { foldForSort } from '../../../../shared/text';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { requireRole } from '../users/require-role';
import { loadTaxClasses, type StoredTaxClass } from './tax-rates';

const toContract = (c: StoredTaxClass): TaxClass => ({ id: c.id, name: c.name, ratePercent: c.rateMilli / 1000, isDefault: c.isDefault, active: c.active });

const invalid = (path: string, message: string) => new CrmError('validation', message, [{ path, message }]);

/**
 * Named tax rates. Quote lines copy the rate, so changing a class never
 * alters a quote already written. At most one class is the default (saving a
 * default unsets the previous one), and the default is active.
 */
export class TaxClassesService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async list(includeInactive: boolean): Promise<TaxClass[]> {
    const classes = [...(await loadTaxClasses(this.sql)).values()];
    return classes
      .filter((c) => includeInactive || c.active)
      .sort((a, b) => foldForSort(a.name).localeCompare(foldForSort(b.name)) || a.id - b.id)
      .map(toContract);
  }

  async save(em: EntityManager, input: z.output<typeof TaxClassInput>, ctx: CallContext): Promise<TaxClass> {
    await requireRole(em, ctx.userId, ['admin'], 'change tax classes');
    const sql = new Sql(em);
    const classes = await loadTaxClasses(sql);
    if (input.id !== undefined && !classes.has(input.id)) throw new CrmError('not_found', `There is no tax class with id ${input.id}.`);
    const twin = [...classes.values()].find((c) => c.id !== input.id && foldForSort(c.name) === foldForSort(input.name));
    if (twin) throw invalid('name', `A tax class named ${twin.name} already exists`);
    if (input.isDefault && !input.active) throw invalid('active', 'The default tax class must be active');
    const now = ctx.now();
    if (input.isDefault) {
      await sql.run(`UPDATE tax_classes SET is_default = 0, updated_at = ? WHERE is_default = 1 AND id <> ?`, [now, input.id ?? 0]);
    }
    const values = [input.name, ratePercentToMilli(input.ratePercent), input.isDefault ? 1 : 0, input.active ? 1 : 0];
    let id = input.id;
    if (id === undefined) {
      ({ lastId: id } = await sql.run(`INSERT INTO tax_classes (name, rate_milli, is_default, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, [
        ...values,
        now,
        now,
      ]));
    } else {
      await sql.run(`UPDATE tax_classes SET name = ?, rate_milli = ?, is_default = ?, active = ?, updated_at = ? WHERE id = ?`, [...values, now, id]);
    }
    return toContract((await loadTaxClasses(sql)).get(id)!);
  }
}
