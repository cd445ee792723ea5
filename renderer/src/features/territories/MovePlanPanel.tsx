import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { AssignmentBatch, MovePlanInput, MovePreview } from '../../../../shared/contract/territories';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { MovePreviewView } from './MovePreviewView';
import { ProgressBar } from '../../components/ProgressBar';
import { refreshEverything } from './queries';
import { useProgress } from '../../lib/useProgress';

export interface MovePlanPanelProps {
  /** Null while the form above is incomplete. */
  plan: MovePlanInput | null;
  title: string;
  previewLabel: string;
  applyLabel: string;
  confirmTitle: string;
  confirmText: ReactNode;
  /** Shown when the preview finds nothing to move. */
  emptyText: string;
  canEdit: boolean;
}

type Stage = { kind: 'idle' } | { kind: 'previewing' } | { kind: 'previewed'; preview: MovePreview } | { kind: 'applying'; preview: MovePreview } | { kind: 'applied'; batch: AssignmentBatch } | { kind: 'undoing'; batch: AssignmentBatch } | { kind: 'undone'; batch: AssignmentBatch; restored: number };

/** Preview → Apply (confirmed, with a progress bar) → the batch, with Undo: one bulk move from start to end. */
export function MovePlanPanel({ plan, title, previewLabel, applyLabel, confirmTitle, confirmText, emptyText, canEdit }: MovePlanPanelProps) {
  const client = useQueryClient();
  const toast = useToast();
  const { progress, track } = useProgress();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'apply' | 'undo' | null>(null);
  const planKey = JSON.stringify(plan);

  // A different plan (another rep chosen) makes the preview stale.
  useEffect(() => {
    setStage((s) => (s.kind === 'previewed' ? { kind: 'idle' } : s));
    setFailure(null);
  }, [planKey]);

  const busy = stage.kind === 'previewing' || stage.kind === 'applying' || stage.kind === 'undoing';

  const preview = async () => {
    if (!plan) return;
    setFailure(null);
    setStage({ kind: 'previewing' });
    try {
      const result = await track((taskId) => call('assignment.preview', { ...plan, taskId }));
      setStage({ kind: 'previewed', preview: result });
    } catch (error) {
      setFailure(errorMessage(error));
      setStage({ kind: 'idle' });
    }
  };

  const apply = async () => {
    setConfirm(null);
    if (!plan || stage.kind !== 'previewed') return;
    setFailure(null);
    setStage({ kind: 'applying', preview: stage.preview });
    try {
      // The preview's token lets the app move exactly what was shown, without working it out again, if nothing changed meanwhile.
      const { batch } = await track((taskId) => call('assignment.apply', { ...plan, taskId, previewToken: stage.preview.previewToken }));
      setStage({ kind: 'applied', batch });
      toast.show({ message: `${batch.label}: ${formatCount(batch.moveCount, 'record')} moved` });
    } catch (error) {
      setFailure(errorMessage(error));
      setStage({ kind: 'previewed', preview: stage.preview });
    } finally {
      await refreshEverything(client);
    }
  };

  const undo = async () => {
    setConfirm(null);
    if (stage.kind !== 'applied') return;
    const { batch } = stage;
    setFailure(null);
    setStage({ kind: 'undoing', batch });
    try {
      const result = await track((taskId) => call('assignment.undo', { batchId: batch.id, taskId }));
      setStage({ kind: 'undone', batch: result.batch, restored: result.restored });
      toast.show({ message: `Undone: ${formatCount(result.restored, 'record')} back with their previous owners` });
    } catch (error) {
      setFailure(errorMessage(error));
      setStage({ kind: 'applied', batch });
    } finally {
      await refreshEverything(client);
    }
  };

  const shown = stage.kind === 'previewed' || stage.kind === 'applying' ? stage.preview : null;
  return (
    <div className="move-plan">
      <div className="move-plan__actions">
        <button type="button" className="btn" disabled={!plan || busy || !canEdit} onClick={() => void preview()}>
          {stage.kind === 'previewing' ? 'Previewing…' : previewLabel}
        </button>
        {shown && shown.total > 0 ? (
          <button type="button" className="btn btn--primary" disabled={busy || !canEdit} onClick={() => setConfirm('apply')}>
            {stage.kind === 'applying' ? 'Applying…' : applyLabel}
          </button>
        ) : null}
      </div>
      <ErrorBanner title="Could not move the records" messages={failure ? [failure] : []} />
      {busy && progress ? <ProgressBar title={stage.kind === 'previewing' ? 'Working out the moves' : stage.kind === 'undoing' ? 'Undoing the moves' : 'Moving the records'} progress={progress} /> : null}
      {shown ? <MovePreviewView preview={shown} title={title} emptyText={emptyText} /> : null}
      {stage.kind === 'applied' || stage.kind === 'undoing' ? (
        <div className="banner move-plan__result" role="status">
          <div className="banner__text">
            <strong>Applied: {stage.batch.label}</strong>
            <p>
              {formatCount(stage.batch.moveCount, 'record')} moved in one batch. <Link to={`/territories/history?batch=${stage.batch.id}`}>See its moves in the history</Link>
            </p>
          </div>
          <button type="button" className="btn" disabled={busy || !canEdit} onClick={() => setConfirm('undo')}>
            {stage.kind === 'undoing' ? 'Undoing…' : 'Undo'}
          </button>
        </div>
      ) : null}
      {stage.kind === 'undone' ? (
        <div className="banner banner--muted move-plan__result" role="status">
          <div className="banner__text">
            <strong>Undone: {stage.batch.label}</strong>
            <p>{formatCount(stage.restored, 'record')} went back to their previous owners and territories.</p>
          </div>
        </div>
      ) : null}
      {confirm === 'apply' && shown ? (
        <ConfirmDialog title={confirmTitle} confirmLabel={applyLabel} tone="primary" onConfirm={() => void apply()} onCancel={() => setConfirm(null)}>
          {confirmText}
          <p>
            {formatCount(shown.total, 'record')} will change owner in one batch, which you can undo from the history.
          </p>
        </ConfirmDialog>
      ) : null}
      {confirm === 'undo' && stage.kind === 'applied' ? (
        <ConfirmDialog title={`Undo ${stage.batch.label}?`} confirmLabel="Undo batch" tone="danger" onConfirm={() => void undo()} onCancel={() => setConfirm(null)}>
          <p>Every owner and territory this batch changed goes back to what it was ({formatCount(stage.batch.moveCount, 'record')}).</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
