import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { MergeField, MergeInput, ScanEntity } from '../../../../shared/contract/duplicates';
import { useModalDialog } from '../../components/useModalDialog';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import { ENTITY_NOUNS } from './duplicateLabels';
import { MERGE_VIEWS, type MergeView } from './mergeViews';

export interface MergeDialogProps<E extends ScanEntity> {
  entity: E;
  ids: number[];
  onDone: (mergeId: number, survivorId: number) => void;
  onCancel: () => void;
}

/** Side by side: which record survives, and per field whose value it keeps (one radio group per field); the rest is combined. */
export function MergeDialog<E extends ScanEntity>({ entity, ids, onDone, onCancel }: MergeDialogProps<E>) {
  const ref = useModalDialog();
  const view: MergeView<E> = MERGE_VIEWS[entity];
  const records = useQueries({ queries: ids.map((id) => ({ queryKey: view.queryKey(id), queryFn: () => view.load(id) })) });
  const [survivor, setSurvivor] = useState(ids[0]!);
  const [fields, setFields] = useState<Partial<Record<MergeField<E>, number>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const loaded = records.every((q) => q.data) ? records.map((q) => q.data!) : null;

  const chosen = (field: MergeField<E>) => fields[field] ?? survivor;
  const merge = async () => {
    setBusy(true);
    setFailure(null);
    try {
      // The fields were typed by `entity`; the union of inputs cannot see that through the generic.
      const { mergeId } = await call('duplicates.merge', { entity, survivorId: survivor, mergedIds: ids.filter((id) => id !== survivor), fields } as MergeInput);
      onDone(mergeId, survivor);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog merge-dialog"
      aria-labelledby="merge-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="merge-title">Merge {formatCount(ids.length, ENTITY_NOUNS[entity])}</h2>
      {!loaded ? (
        <p>Loading…</p>
      ) : (
        <table className="merge-table" aria-label="Values to keep">
          <thead>
            <tr>
              <th scope="col">Field</th>
              {loaded.map((r) => (
                <th key={r.id} scope="col">
                  <label className="check">
                    <input type="radio" name="merge-survivor" checked={survivor === r.id} onChange={() => setSurvivor(r.id)} /> Keep #{r.id}
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.fields.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                {loaded.map((r) => (
                  <td key={r.id}>
                    <label className="check">
                      <input type="radio" name={`merge-${f.key}`} aria-label={`${f.label} from #${r.id}`} checked={chosen(f.key) === r.id} onChange={() => setFields((x) => ({ ...x, [f.key]: r.id }))} />{' '}
                      {f.show(r) || <span className="muted">empty</span>}
                    </label>
                  </td>
                ))}
              </tr>
            ))}
            {view.combined(loaded).map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td colSpan={loaded.length}>{row.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{view.note}</p>
      {failure ? <p className="field__error">{failure}</p> : null}
      <div className="form-actions">
        <button type="button" className="btn btn--primary" disabled={!loaded || busy} onClick={() => void merge()}>
          {busy ? 'Merging…' : 'Merge'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
