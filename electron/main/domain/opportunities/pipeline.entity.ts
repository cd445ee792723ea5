import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

export const PipelineEntity = new EntitySchema<StoredRow>({
  name: 'Pipeline',
  tableName: 'pipelines',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100 },
    isDefault: { type: 'boolean', default: false },
    position: { type: 'integer', default: 0 },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const PipelineStageEntity = new EntitySchema<StoredRow>({
  name: 'PipelineStage',
  tableName: 'pipeline_stages',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    pipelineId: { type: 'integer' },
    name: { type: 'varchar', length: 100 },
    position: { type: 'integer' },
    /** Default probability in percent, 0–100. */
    probability: { type: 'integer' },
    /** 'open', 'won' or 'lost'. */
    kind: { type: 'varchar', length: 10 },
    active: { type: 'boolean', default: true },
  },
  relations: {
    pipeline: { type: 'many-to-one', target: 'Pipeline', joinColumn: { name: 'pipeline_id' }, onDelete: 'CASCADE' },
  },
  indices: [{ columns: ['pipelineId', 'position'] }],
});
