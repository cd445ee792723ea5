import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Pipeline, PipelineInput } from '../../../../shared/contract/opportunities';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';

interface StoredStage {
  id: number;
  pipeline_id: number;
  name: string;
  position: number;
  probability: number;
  kind: 'open' | 'won' | 'lost';
  active: number;
}

export class PipelinesService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async list(includeInactive: boolean, em?: EntityManager): Promise<Pipeline[]> {
    const sql = em ? new Sql(em) : this.sql;
    const pipelines = await sql.all<{ id: number; name: string; is_default: number; active: number; position: number }>(
      `SELECT id, name, is_default, active, position FROM pipelines ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY position, id`,
    );
    const stages = await sql.all<StoredStage & { n: number }>(
      `SELECT s.*, (SELECT COUNT(*) FROM opportunities op WHERE op.stage_id = s.id AND op.deleted_at IS NULL) AS n
         FROM pipeline_stages s ORDER BY s.pipeline_id, s.position, s.id`,
    );
    return pipelines.map((p) => ({
      id: p.id,
      name: p.name,
      isDefault: p.is_default === 1,
      active: p.active === 1,
      position: p.position,
      stages: stages
        .filter((s) => s.pipeline_id === p.id && (includeInactive || s.active === 1))
        .map((s) => ({ id: s.id, name: s.name, position: s.position, probability: s.probability, kind: s.kind, active: s.active === 1, opportunityCount: s.n })),
    }));
  }

  async get(id: number, em: EntityManager): Promise<Pipeline> {
    const found = (await this.list(true, em)).find((p) => p.id === id);
    if (!found) throw new CrmError('not_found', `There is no pipeline with id ${id}.`);
    return found;
  }

  /**
   * Creates or replaces a pipeline's name and ordered stages. Rules: among the
   * active stages at least one is open, exactly one is won and at least one is
   * lost; a stage that opportunities or their history refer to cannot be
   * deleted (only deactivated) nor change its kind; an open stage still holding
   * live opportunities cannot be deactivated.
   */
  async save(em: EntityManager, input: z.output<typeof PipelineInput>, ctx: CallContext): Promise<Pipeline> {
    const sql = new Sql(em);
    const now = ctx.now();
    const issues: ErrorIssue[] = [];
    const active = input.stages.filter((s) => s.active);
    const count = (kind: string) => active.filter((s) => s.kind === kind).length;
    if (count('open') < 1) issues.push({ path: 'stages', message: 'A pipeline needs at least one active open stage' });
    if (count('won') !== 1) issues.push({ path: 'stages', message: 'A pipeline needs exactly one active won stage' });
    if (count('lost') < 1) issues.push({ path: 'stages', message: 'A pipeline needs at least one active lost stage' });
    const names = new Set<string>();
    input.stages.forEach((s, i) => {
      const key = s.name.toLowerCase();
      if (names.has(key)) issues.push({ path: `stages.${i}.name`, message: 'Two stages have this name' });
      names.add(key);
    });

    let existing: StoredStage[] = [];
    if (input.id !== undefined) {
      const pipeline = await sql.get(`SELECT id FROM pipelines WHERE id = ?`, [input.id]);
      if (!pipeline) throw new CrmError('not_found', `There is no pipeline with id ${input.id}.`);
      existing = await sql.all<StoredStage>(`SELECT * FROM pipeline_stages WHERE pipeline_id = ?`, [input.id]);
    }
    const byId = new Map(existing.map((s) => [s.id, s]));
    const seen = new Set<number>();
    for (const [i, s] of input.stages.entries()) {
      if (s.id === undefined) continue;
      const old = byId.get(s.id);
      if (!old || seen.has(s.id)) {
        issues.push({ path: `stages.${i}.id`, message: 'Not a stage of this pipeline' });
        continue;
      }
      seen.add(s.id);
      if (old.kind !== s.kind && (await stageInUse(sql, s.id))) {
        issues.push({ path: `stages.${i}.kind`, message: 'Opportunities use this stage: its kind cannot change' });
      }
      if (!s.active && s.kind === 'open') {
        const live = await sql.get(`SELECT 1 FROM opportunities WHERE stage_id = ? AND deleted_at IS NULL LIMIT 1`, [s.id]);
        if (live) issues.push({ path: `stages.${i}.active`, message: 'Move the opportunities out of this stage before deactivating it' });
      }
    }
    const removed = existing.filter((s) => !seen.has(s.id));
    for (const s of removed) {
      if (await stageInUse(sql, s.id)) {
        issues.push({ path: 'stages', message: `The stage “${s.name}” is in use and cannot be deleted; deactivate it instead` });
      }
    }
    if (issues.length) throw new CrmError('validation', issues[0]!.message, issues);

    let pipelineId: number;
    if (input.id === undefined) {
      const { n } = (await sql.get<{ n: number }>(`SELECT COALESCE(MAX(position) + 1, 0) AS n FROM pipelines`))!;
      const none = !(await sql.get(`SELECT 1 FROM pipelines WHERE is_default = 1`));
      pipelineId = (
        await sql.run(`INSERT INTO pipelines (name, is_default, position, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, [
          input.name,
          input.isDefault || none ? 1 : 0,
          n,
          input.active ? 1 : 0,
          now,
          now,
        ])
      ).lastId;
    } else {
      pipelineId = input.id;
      await sql.run(`UPDATE pipelines SET name = ?, active = ?, updated_at = ? WHERE id = ?`, [input.name, input.active ? 1 : 0, now, pipelineId]);
    }
    if (input.isDefault) {
      if (!input.active) throw new CrmError('validation', 'An inactive pipeline cannot be the default', [{ path: 'isDefault', message: 'Activate the pipeline first' }]);
      await sql.run(`UPDATE pipelines SET is_default = CASE WHEN id = ? THEN 1 ELSE 0 END`, [pipelineId]);
    } else if (!input.active && (await sql.get(`SELECT 1 FROM pipelines WHERE id = ? AND is_default = 1`, [pipelineId]))) {
      throw new CrmError('validation', 'The default pipeline cannot be deactivated', [{ path: 'active', message: 'Make another pipeline the default first' }]);
    }

    for (const s of removed) await sql.run(`DELETE FROM pipeline_stages WHERE id = ?`, [s.id]);
    for (const [position, s] of input.stages.entries()) {
      if (s.id === undefined) {
        await sql.run(`INSERT INTO pipeline_stages (pipeline_id, name, position, probability, kind, active) VALUES (?, ?, ?, ?, ?, ?)`, [
          pipelineId,
          s.name,
          position,
          s.probability,
          s.kind,
          s.active ? 1 : 0,
        ]);
      } else {
        await sql.run(`UPDATE pipeline_stages SET name = ?, position = ?, probability = ?, kind = ?, active = ? WHERE id = ?`, [
          s.name,
          position,
          s.probability,
          s.kind,
          s.active ? 1 : 0,
          s.id,
        ]);
      }
    }
    return this.get(pipelineId, em);
  }
}

/** Any opportunity (also in the recycle bin) or history row refers to the stage. */
async function stageInUse(sql: Sql, stageId: number): Promise<boolean> {
  const row = await sql.get(
    `SELECT 1 WHERE EXISTS (SELECT 1 FROM opportunities WHERE stage_id = ?)
        OR EXISTS (SELECT 1 FROM opportunity_stage_history WHERE to_stage_id = ? OR from_stage_id = ?)`,
    [stageId, stageId, stageId],
  );
  return row !== undefined;
}
