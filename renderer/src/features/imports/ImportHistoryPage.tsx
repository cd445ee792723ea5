import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { ProgressBar } from '../../components/ProgressBar';
import { STATUS_LABELS, TARGET_LABELS } from './importLabels';
import { useImportHistory } from './queries';
import { useImportActions } from './useImportActions';
import './imports.css';

/** Every import: when, who, what it did; the error file, and undo for the newest one still applied. */
export function ImportHistoryPage() {
  const history = useImportHistory();
  const actions = useImportActions();
  const newestApplied = history.data?.find((b) => b.status === 'applied');
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="page import-page">
      <PageHeader title="Import history" actions={<Link to="/import">New import</Link>} />
      <ErrorBanner title="Could not finish" messages={[...(history.error ? [String(history.error)] : []), ...(actions.failure ? [actions.failure] : [])]} />
      {actions.undoing !== null && actions.progress ? <ProgressBar title="Undoing the import" progress={actions.progress} /> : null}
      {history.data && history.data.length === 0 ? <p className="muted">No imports yet.</p> : null}
      {history.data?.length ? (
        <table className="import-table" aria-label="Imports">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">File</th>
              <th scope="col">Into</th>
              <th scope="col">Status</th>
              <th scope="col">Rows</th>
              <th scope="col">Created</th>
              <th scope="col">Updated</th>
              <th scope="col">Errors</th>
              <th scope="col">By</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{b.fileName}</td>
                <td>{TARGET_LABELS[b.target]}</td>
                <td>{STATUS_LABELS[b.status]}</td>
                <td>{b.counts.rows}</td>
                <td>{b.counts.created}</td>
                <td>{b.counts.updated}</td>
                <td>{b.counts.failed}</td>
                <td>{b.createdBy.name}</td>
                <td className="import-table__actions">
                  {b.counts.failed > 0 ? (
                    <button type="button" className="btn btn--small" onClick={() => void actions.downloadErrors(b.id)}>
                      Error file
                    </button>
                  ) : null}
                  {b.id === newestApplied?.id ? (
                    <button type="button" className="btn btn--small btn--danger" disabled={actions.undoing !== null} onClick={() => setConfirming(true)}>
                      Undo
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {confirming && newestApplied ? (
        <ConfirmDialog
          title={`Undo the import of "${newestApplied.fileName}"?`}
          confirmLabel="Undo import"
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            setConfirming(false);
            await actions.undo(newestApplied.id);
            await history.refetch();
          }}
        >
          The {newestApplied.counts.created} records it created go to the recycle bin and the {newestApplied.counts.updated} it updated get their earlier values back.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
