import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportResult } from '../../../../shared/contract/imports';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ProgressBar } from '../../components/ProgressBar';
import { ImportErrorList } from './ImportErrorList';
import { useImportActions } from './useImportActions';
import type { ImportTarget } from '../../../../shared/imports/fields';

/** What the import did, its errors, the error file, and undo. */
export function ImportResultView({ result, target, onAnother }: { result: ImportResult; target: ImportTarget; onAnother: () => void }) {
  const actions = useImportActions();
  const [confirm, setConfirm] = useState(false);
  const [undone, setUndone] = useState(false);
  const { counts } = result;
  const ok = result.status === 'applied';
  return (
    <section className="section import-step" aria-labelledby="import-result-title">
      <h2 id="import-result-title">{undone ? 'Import undone' : ok ? 'Import finished' : result.status === 'cancelled' ? 'Import cancelled' : 'Nothing was imported'}</h2>
      <div className={`banner ${ok ? '' : 'banner--warning'}`} role="status">
        <div className="banner__text">{result.message}</div>
      </div>
      <dl className="import-counts">
        <dt>Rows</dt>
        <dd>{counts.rows}</dd>
        <dt>Created</dt>
        <dd>{counts.created}</dd>
        <dt>Updated</dt>
        <dd>{counts.updated}</dd>
        <dt>Unchanged</dt>
        <dd>{counts.unchanged}</dd>
        <dt>With errors</dt>
        <dd>{counts.failed}</dd>
      </dl>
      <ImportErrorList target={target} errors={result.errors} total={counts.failed} />
      <ErrorBanner title="Could not finish" messages={actions.failure ? [actions.failure] : []} />
      {actions.undoing !== null && actions.progress ? <ProgressBar title="Undoing the import" progress={actions.progress} /> : null}
      <div className="form-actions">
        {result.importId !== null && counts.failed > 0 ? (
          <button type="button" className="btn" onClick={() => void actions.downloadErrors(result.importId!)}>
            Download the error file
          </button>
        ) : null}
        {ok && result.importId !== null && !undone ? (
          <button type="button" className="btn btn--danger" disabled={actions.undoing !== null} onClick={() => setConfirm(true)}>
            Undo this import
          </button>
        ) : null}
        <button type="button" className="btn" onClick={onAnother}>
          Import another file
        </button>
        <Link to="/import/history">Import history</Link>
      </div>
      {confirm ? (
      <ConfirmDialog
        title="Undo this import?"
        confirmLabel="Undo import"
        onCancel={() => setConfirm(false)}
        onConfirm={async () => {
          setConfirm(false);
          if (await actions.undo(result.importId!)) setUndone(true);
        }}
      >
        The {counts.created} records it created go to the recycle bin and the {counts.updated} it updated get their earlier values back.
      </ConfirmDialog>
      ) : null}
    </section>
  );
}
