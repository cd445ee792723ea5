import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { STAGE_KINDS, type Pipeline, type PipelineInput } from '../../../../shared/contract/opportunities';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { CrmError, call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { usePipelines } from './queries';
import './opportunities.css';

interface DraftStage {
  key: string;
  id?: number;
  name: string;
  probability: number;
  kind: (typeof STAGE_KINDS)[number];
  active: boolean;
  /** Live opportunities in it: such a stage can be deactivated, not removed. */
  used: number;
}

interface Draft {
  id?: number;
  name: string;
  isDefault: boolean;
  active: boolean;
  stages: DraftStage[];
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

function draftOf(p: Pipeline | undefined): Draft {
  if (!p) {
    return {
      name: '',
      isDefault: false,
      active: true,
      stages: [
        { key: newKey(), name: 'New', probability: 10, kind: 'open', active: true, used: 0 },
        { key: newKey(), name: 'Closed won', probability: 100, kind: 'won', active: true, used: 0 },
        { key: newKey(), name: 'Closed lost', probability: 0, kind: 'lost', active: true, used: 0 },
      ],
    };
  }
  return {
    id: p.id,
    name: p.name,
    isDefault: p.isDefault,
    active: p.active,
    stages: p.stages.map((s) => ({ key: `s-${s.id}`, id: s.id, name: s.name, probability: s.probability, kind: s.kind, active: s.active, used: s.opportunityCount })),
  };
}

function toInput(d: Draft): PipelineInput {
  return {
    ...(d.id ? { id: d.id } : {}),
    name: d.name,
    isDefault: d.isDefault,
    active: d.active,
    stages: d.stages.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name, probability: s.probability, kind: s.kind, active: s.active })),
  };
}

/** "stages.2.name" → "Stage 3 (Proposal), name". */
function describeIssue(path: string, message: string, d: Draft): string {
  const m = /^stages\.(\d+)\.?(\w*)/.exec(path);
  if (m) {
    const stage = d.stages[Number(m[1])];
    return `Stage ${Number(m[1]) + 1}${stage?.name ? ` (${stage.name})` : ''}${m[2] ? `, ${m[2]}` : ''}: ${message}`;
  }
  return path ? `${path}: ${message}` : message;
}

function PipelineEditor({ pipeline, onSaved }: { pipeline: Pipeline | undefined; onSaved: (p: Pipeline) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(pipeline));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const setStage = (index: number, change: Partial<DraftStage>) =>
    setDraft((d) => ({ ...d, stages: d.stages.map((s, i) => (i === index ? { ...s, ...change } : s)) }));
  const moveStage = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const stages = [...d.stages];
      const [s] = stages.splice(index, 1);
      if (s) stages.splice(index + by, 0, s);
      return { ...d, stages };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors([]);
    setSaved(null);
    setSaving(true);
    try {
      const result = await call('pipelines.save', toInput(draft));
      setDraft(draftOf(result));
      setSaved(`Saved ${result.name}.`);
      onSaved(result);
    } catch (error) {
      setErrors(error instanceof CrmError && error.issues?.length ? error.issues.map((i) => describeIssue(i.path, i.message, draft)) : [errorMessage(error)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label="Pipeline" className="form">
      <ErrorBanner messages={errors} />
      <div className="form-grid">
        <Field id="pipeline-name" label="Name" required>
          <input id="pipeline-name" type="text" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </Field>
        <fieldset className="field checks">
          <legend>Options</legend>
          <label className="check">
            <input type="checkbox" checked={draft.isDefault} onChange={(e) => setDraft({ ...draft, isDefault: e.target.checked })} /> Default pipeline
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} /> Active
          </label>
        </fieldset>
      </div>
      <table className="stage-editor" aria-label="Stages">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Stage</th>
            <th scope="col">Probability %</th>
            <th scope="col">Kind</th>
            <th scope="col">Active</th>
            <th scope="col">Opportunities</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.stages.map((s, i) => (
            <tr key={s.key}>
              <td>
                <button type="button" className="btn btn--small btn--ghost" aria-label={`Move ${s.name || 'stage'} up`} disabled={i === 0} onClick={() => moveStage(i, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  aria-label={`Move ${s.name || 'stage'} down`}
                  disabled={i === draft.stages.length - 1}
                  onClick={() => moveStage(i, 1)}
                >
                  ↓
                </button>
              </td>
              <td>
                <input type="text" aria-label={`Stage ${i + 1} name`} value={s.name} onChange={(e) => setStage(i, { name: e.target.value })} />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  aria-label={`Stage ${i + 1} probability`}
                  value={s.probability}
                  onChange={(e) => setStage(i, { probability: Number(e.target.value) })}
                />
              </td>
              <td>
                <select aria-label={`Stage ${i + 1} kind`} value={s.kind} onChange={(e) => setStage(i, { kind: e.target.value as DraftStage['kind'] })}>
                  {STAGE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input type="checkbox" aria-label={`Stage ${i + 1} active`} checked={s.active} onChange={(e) => setStage(i, { active: e.target.checked })} />
              </td>
              <td>{s.used}</td>
              <td>
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  disabled={s.used > 0}
                  title={s.used > 0 ? 'Has opportunities: deactivate it instead' : undefined}
                  onClick={() => setDraft((d) => ({ ...d, stages: d.stages.filter((_, j) => j !== i) }))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          onClick={() => setDraft((d) => ({ ...d, stages: [...d.stages, { key: newKey(), name: '', probability: 50, kind: 'open', active: true, used: 0 }] }))}
        >
          Add stage
        </button>
        <button type="submit" className="btn btn--primary" disabled={saving}>
          Save pipeline
        </button>
        <span role="status" className="muted">
          {saved ?? ''}
        </span>
      </div>
    </form>
  );
}

/** Pipelines and their ordered stages: names, probabilities, kinds, active. */
export function PipelineAdminPage() {
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines(true);
  const selected = params.get('id') ?? '';
  const pipeline = selected === 'new' ? undefined : (pipelines.data?.find((p) => String(p.id) === selected) ?? pipelines.data?.[0]);

  return (
    <div className="page">
      <PageHeader title="Pipelines" breadcrumb={<Link to="/pipeline">Pipeline</Link>} />
      {pipelines.isError ? <ErrorBanner title="Could not load the pipelines" messages={[errorMessage(pipelines.error)]} /> : null}
      {pipelines.isPending ? <p className="muted">Loading…</p> : null}
      {pipelines.data ? (
        <>
          <div className="board-filters">
            <label>
              Pipeline{' '}
              <select value={pipeline ? String(pipeline.id) : 'new'} onChange={(e) => setParams({ id: e.target.value }, { replace: true })}>
                {pipelines.data.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.active ? '' : ' (inactive)'}
                  </option>
                ))}
                <option value="new">New pipeline…</option>
              </select>
            </label>
          </div>
          <Section title={pipeline ? `Stages of ${pipeline.name}` : 'New pipeline'}>
            <PipelineEditor
              key={pipeline ? `${pipeline.id}` : 'new'}
              pipeline={pipeline}
              onSaved={(saved) => {
                void client.invalidateQueries({ queryKey: ['pipelines'] });
                void client.invalidateQueries({ queryKey: ['opportunities', 'board'] });
                if (!pipeline) setParams({ id: String(saved.id) }, { replace: true });
              }}
            />
          </Section>
        </>
      ) : null}
    </div>
  );
}
