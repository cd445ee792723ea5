import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AssignmentBatch } from '../../../../shared/contract/territories';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount, formatDateTime } from '../../lib/format';
import { AssignmentMovesTable } from './AssignmentMovesTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProgressBar } from '../../components/ProgressBar';
import { refreshEverything, territoryKeys, useCanManage } from './queries';
import { TerritoryPageFrame } from './TerritoryPageFrame';
import { useProgress } from '../../lib/useProgress';

const MOVES_SHOWN = 500;

/** Bulk moves, newest first, each with its moves and an Undo while it stands. */
export function AssignmentHistoryPage() {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCanManage();
  const [params, setParams] = useSearchParams();
  const batchId = Number(params.get('batch')) || null;
  const batches = useQuery({ queryKey: territoryKeys.batches, queryFn: () => call('assignment.batches', { limit: 100 }) });
  const moves = useQuery({
    queryKey: territoryKeys.batchMoves(batchId ?? 0),
    queryFn: () => call('assignment.history', { batchId: batchId!, limit: MOVES_SHOWN }),
    enabled: batchId !== null,
  });
  const { progress, track } = useProgress();
  const [confirm, setConfirm] = useState<AssignmentBatch | null>(null);
  const [undoing, setUndoing] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const selected = batches.data?.find((b) => b.id === batchId) ?? null;

  const undo = async (batch: AssignmentBatch) => {
    setConfirm(null);
    setFailure(null);
    setUndoing(batch.id);
    try {
      const result = await track((taskId) => call('assignment.undo', { batchId: batch.id, taskId }));
      toast.show({ message: `Undone: ${formatCount(result.restored, 'record')} back with their previous owners` });
    } catch (error) {
      setFailure(`${batch.label} was not undone: ${errorMessage(error)}`);
    } finally {
      setUndoing(null);
      await refreshEverything(client);
    }
  };

  return (
    <TerritoryPageFrame>
      <ErrorBanner title="Could not undo" messages={failure ? [failure] : []} />
      {undoing !== null && progress ? <ProgressBar title="Undoing the moves" progress={progress} /> : null}
      <Section title="Bulk moves">
        {batches.isError ? <ErrorBanner title="Could not load the history" messages={[errorMessage(batches.error)]} /> : null}
        {batches.isPending ? <p className="muted">Loading…</p> : null}
        {batches.data && batches.data.length === 0 ? <p className="muted">No bulk moves yet. Realignments and handovers of a leaving rep show here.</p> : null}
        {batches.data?.length ? (
          <table className="territory-table" aria-label="Bulk moves">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Records
                </th>
                <th scope="col">By</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.data.map((b) => (
                <tr key={b.id} className={b.id === batchId ? 'territory-table__selected' : undefined} aria-label={b.label}>
                  <td>{formatDateTime(b.createdAt)}</td>
                  <th scope="row">{b.label}</th>
                  <td className="num">{new Intl.NumberFormat('en-US').format(b.moveCount)}</td>
                  <td>{b.createdBy.name}</td>
                  <td>
                    <span className={`status-pill status-pill--${b.status}`}>{b.status === 'applied' ? 'Applied' : 'Undone'}</span>
                    {b.undoneAt ? <span className="muted territory-table__when"> {formatDateTime(b.undoneAt)}</span> : null}
                  </td>
                  <td className="territory-table__actions">
                    <button type="button" className="btn btn--small" aria-pressed={b.id === batchId} aria-label={`Show moves of ${b.label}`} onClick={() => setParams(b.id === batchId ? {} : { batch: String(b.id) })}>
                      {b.id === batchId ? 'Hide moves' : 'Show moves'}
                    </button>
                    {b.status === 'applied' && canEdit ? (
                      <button type="button" className="btn btn--small btn--danger" aria-label={`Undo ${b.label}`} disabled={undoing !== null} onClick={() => setConfirm(b)}>
                        {undoing === b.id ? 'Undoing…' : 'Undo'}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>
      {batchId !== null ? (
        <Section title={selected ? `Moves of ${selected.label}` : 'Moves'}>
          {moves.isError ? <ErrorBanner title="Could not load the moves" messages={[errorMessage(moves.error)]} /> : null}
          {moves.isPending ? <p className="muted">Loading…</p> : null}
          {moves.data ? <AssignmentMovesTable moves={moves.data} label="Moves of the batch" showWhenBy={false} /> : null}
          {moves.data && selected && selected.moveCount > moves.data.length ? (
            <p className="muted territory-table__more">
              The first {new Intl.NumberFormat('en-US').format(moves.data.length)} of {new Intl.NumberFormat('en-US').format(selected.moveCount)} moves.
            </p>
          ) : null}
        </Section>
      ) : null}
      {confirm ? (
        <ConfirmDialog title={`Undo ${confirm.label}?`} confirmLabel="Undo batch" tone="danger" onConfirm={() => void undo(confirm)} onCancel={() => setConfirm(null)}>
          <p>Every owner and territory this batch changed goes back to what it was ({formatCount(confirm.moveCount, 'record')}).</p>
        </ConfirmDialog>
      ) : null}
    </TerritoryPageFrame>
  );
}
