import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

/** A named tax rate ("VAT standard 19%"); quote lines copy the rate, so a later change never alters a sent quote. */
export const TaxClassEntity = new EntitySchema<StoredRow>({
  name: 'TaxClass',
  tableName: 'tax_classes',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100 },
    /** Thousandths of a percent: 19% → 19000, 8.875% → 8875. */
    rateMilli: { type: 'integer' },
    isDefault: { type: 'boolean', default: false },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
