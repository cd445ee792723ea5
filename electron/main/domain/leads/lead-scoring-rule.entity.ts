import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

/** One admin-editable scoring rule: points for a field value or for behaviour. */
export const LeadScoringRuleEntity = new EntitySchema<StoredRow>({
  name: 'LeadScoringRule',
  tableName: 'lead_scoring_rules',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    label: { type: 'varchar', length: 200 },
    /** 'field' (a lead field compared with a value) or a behaviour kind, e.g. 'activities', 'days_since_touch'. */
    kind: { type: 'varchar', length: 30 },
    field: { type: 'varchar', length: 50, nullable: true },
    operator: { type: 'varchar', length: 20 },
    value: { type: 'varchar', length: 200, nullable: true },
    points: { type: 'integer' },
    position: { type: 'integer', default: 0 },
    active: { type: 'boolean', default: true },
    updatedAt: { type: 'datetime' },
  },
});
