import type { Database } from 'better-sqlite3';
import { foldForSort } from '../../../../../shared/text';
import type { StageRow } from '../../opportunities/stage-transition';

interface PipelineRow {
  id: number;
  name: string;
  is_default: number;
  active: number;
}

type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

const names = (list: { name: string }[]) => list.map((x) => x.name).join(', ');

/**
 * Pipelines and their stages found by name, as an opportunity import names
 * them: read once per import (an office has a handful), with the same rules
 * as the opportunities service (active pipeline, active stage of that
 * pipeline, else its first open stage) and messages that list what exists.
 */
export class PipelineStages {
  private readonly pipelines: PipelineRow[];
  private readonly stages: StageRow[];

  constructor(db: Database) {
    this.pipelines = db.prepare(`SELECT id, name, is_default, active FROM pipelines ORDER BY position, id`).all() as PipelineRow[];
    this.stages = db.prepare(`SELECT id, pipeline_id, name, kind, probability, active FROM pipeline_stages ORDER BY pipeline_id, position, id`).all() as StageRow[];
  }

  /** The named pipeline, or without a name the default one. */
  pipeline(name: string | undefined): Resolved<number> {
    const active = this.pipelines.filter((p) => p.active === 1);
    if (name === undefined) {
      const fallback = active.find((p) => p.is_default === 1);
      return fallback ? { ok: true, value: fallback.id } : { ok: false, message: 'There is no default pipeline: name one in a pipeline column' };
    }
    const hits = this.pipelines.filter((p) => foldForSort(p.name) === foldForSort(name));
    if (hits.length === 0) return { ok: false, message: `No pipeline called "${name}" (pipelines: ${names(active)})` };
    if (hits.length > 1) return { ok: false, message: `${hits.length} pipelines are called "${name}"` };
    return hits[0]!.active === 1 ? { ok: true, value: hits[0]!.id } : { ok: false, message: `The pipeline "${hits[0]!.name}" is no longer in use` };
  }

  /** A stage of the pipeline by name; the record's current stage stays usable after it was deactivated. */
  stage(pipelineId: number, name: string, keepStageId?: number): Resolved<StageRow> {
    const own = this.stages.filter((s) => s.pipeline_id === pipelineId);
    const hit = own.find((s) => foldForSort(s.name) === foldForSort(name));
    if (hit && hit.id === keepStageId) return { ok: true, value: hit };
    const pipeline = this.pipelines.find((p) => p.id === pipelineId)!;
    if (!hit) return { ok: false, message: `No stage "${name}" in the pipeline ${pipeline.name} (stages: ${names(own.filter((s) => s.active === 1))})` };
    if (hit.active !== 1) return { ok: false, message: `The stage "${hit.name}" is no longer in use` };
    if (pipeline.active !== 1) return { ok: false, message: `The pipeline "${pipeline.name}" is no longer in use` };
    return { ok: true, value: hit };
  }

  /** Where a new opportunity starts, and where one moved to another pipeline without a stage goes. */
  firstOpen(pipelineId: number): Resolved<StageRow> {
    const first = this.stages.find((s) => s.pipeline_id === pipelineId && s.kind === 'open' && s.active === 1);
    return first ? { ok: true, value: first } : { ok: false, message: 'The pipeline has no open stage' };
  }

  byId(stageId: number): StageRow {
    return this.stages.find((s) => s.id === stageId)!;
  }
}
