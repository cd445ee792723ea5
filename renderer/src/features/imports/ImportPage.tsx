import { useState } from 'react';
import { Link } from 'react-router';
import type { Output } from '../../../../shared/contract';
import type { ImportResult } from '../../../../shared/contract/imports';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { ProgressBar } from '../../components/ProgressBar';
import { useProgress } from '../../lib/useProgress';
import { FileStep, type Inspected } from './FileStep';
import { draftFrom, specOf, type ImportDraft } from './importDraft';
import { ImportErrorList } from './ImportErrorList';
import { ImportResultView } from './ImportResultView';
import { ImportSettingsFields } from './ImportSettingsFields';
import { MappingTable } from './MappingTable';
import { PresetBar } from './PresetBar';
import { PreviewTable } from './PreviewTable';
import { useQueryClient } from '@tanstack/react-query';
import { refreshAfterImport } from './queries';
import './imports.css';

type PreviewRows = Output<'imports.preview'>['rows'];

/**
 * The import wizard: file → encoding, delimiter and mapping (presets) →
 * preview with row errors → dry run → import (progress, cancel) → result
 * with the error file and undo.
 */
export function ImportPage() {
  const client = useQueryClient();
  const { progress, track } = useProgress();
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const [preview, setPreview] = useState<PreviewRows | null>(null);
  const [dryRun, setDryRun] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [running, setRunning] = useState<{ taskId: string; dry: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const change = (patch: Partial<ImportDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setPreview(null);
    setDryRun(null);
  };

  const readAgain = async (settings: Pick<ImportDraft, 'encoding' | 'delimiter'>) => {
    if (!inspected || !draft) return;
    setFailure(null);
    try {
      const again = await call('imports.inspect', { fileId: inspected.fileId, target: inspected.target, ...settings });
      const next = { ...again, fileId: inspected.fileId, target: inspected.target };
      setInspected(next);
      setDraft({ ...draftFrom(next, draft), ...settings });
      setPreview(null);
      setDryRun(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const showPreview = async () => {
    if (!draft) return;
    setFailure(null);
    try {
      setPreview((await call('imports.preview', { ...specOf(draft), limit: 50 })).rows);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const start = async (dry: boolean) => {
    if (!draft) return;
    setFailure(null);
    try {
      const outcome = await track((taskId) => {
        setRunning({ taskId, dry });
        return call('imports.run', { ...specOf(draft), dryRun: dry, taskId });
      });
      if (dry) setDryRun(outcome);
      else {
        setResult(outcome);
        await refreshAfterImport(client);
      }
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setRunning(null);
    }
  };

  const restart = () => {
    setInspected(null);
    setDraft(null);
    setPreview(null);
    setDryRun(null);
    setResult(null);
  };

  return (
    <div className="page import-page">
      <PageHeader title="Import" subtitle="Contacts and accounts from a CSV file, checked row by row before anything is saved." actions={<Link to="/import/history">Import history</Link>} />
      {result && draft ? (
        <ImportResultView result={result} target={draft.target} onAnother={restart} />
      ) : !inspected || !draft ? (
        <FileStep
          onInspected={(i) => {
            setInspected(i);
            setDraft(draftFrom(i));
          }}
        />
      ) : (
        <>
          <section className="section import-step" aria-labelledby="import-mapping-title">
            <h2 id="import-mapping-title">
              2. Read and map <span className="muted">{inspected.fileName}</span>
            </h2>
            <ImportSettingsFields draft={draft} onChange={change} onReadAgain={(s) => void readAgain(s)} />
            <PresetBar
              target={draft.target}
              headers={inspected.headers}
              columns={draft.columns}
              presets={inspected.presets}
              presetId={inspected.presetId}
              onApply={(columns, presetId) => {
                setInspected({ ...inspected, presetId });
                change({ columns });
              }}
              onSaved={(preset) => setInspected({ ...inspected, presets: [...inspected.presets.filter((p) => p.id !== preset.id), preset], presetId: preset.id })}
            />
            <MappingTable target={draft.target} headers={inspected.headers} sample={inspected.sample} columns={draft.columns} onChange={(columns) => change({ columns })} />
            <div className="form-actions">
              <button type="button" className="btn btn--primary" onClick={() => void showPreview()}>
                Preview
              </button>
              <button type="button" className="btn btn--ghost" onClick={restart}>
                Choose another file
              </button>
            </div>
          </section>
          <ErrorBanner title="Not ready to import" messages={failure ? [failure] : []} />
          {preview ? (
            <section className="section import-step" aria-labelledby="import-preview-title">
              <h2 id="import-preview-title">3. Check and import</h2>
              <p className="muted">
                The first {preview.length} rows. {preview.filter((r) => r.errors.length).length} of them have errors. A dry run checks every row of the file without saving.
              </p>
              <PreviewTable target={draft.target} rows={preview} columns={draft.columns} />
              {dryRun ? (
                <div className="import-dry-run" role="status">
                  <p className={`banner ${dryRun.status === 'applied' ? 'banner--muted' : 'banner--warning'}`}>{dryRun.message}</p>
                  <ImportErrorList target={draft.target} errors={dryRun.errors} total={dryRun.counts.failed} />
                </div>
              ) : null}
              {running && progress ? <ProgressBar title={running.dry ? 'Dry run' : 'Importing'} progress={progress} /> : null}
              <div className="form-actions">
                <button type="button" className="btn" disabled={running !== null} onClick={() => void start(true)}>
                  Dry run
                </button>
                <button type="button" className="btn btn--primary" disabled={running !== null} onClick={() => void start(false)}>
                  Import
                </button>
                {running ? (
                  <button type="button" className="btn btn--danger" onClick={() => void call('imports.cancel', { taskId: running.taskId })}>
                    Cancel
                  </button>
                ) : null}
              </div>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
