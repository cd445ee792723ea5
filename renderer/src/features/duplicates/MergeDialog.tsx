import { useQueries } from '@tanstack/react-query';
import { useModalDialog } from '../../components/useModalDialog';
import { useState } from 'react';
import type { Contact } from '../../../../shared/contract/contacts';
import { CONTACT_MERGE_FIELDS } from '../../../../shared/contract/duplicates';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatAddress, formatDate } from '../../lib/format';

type Field = (typeof CONTACT_MERGE_FIELDS)[number];

const FIELDS: { key: Field; label: string; show: (c: Contact) => string }[] = [
  { key: 'firstName', label: 'First name', show: (c) => c.firstName ?? '' },
  { key: 'lastName', label: 'Last name', show: (c) => c.lastName },
  { key: 'title', label: 'Title', show: (c) => c.title ?? '' },
  { key: 'account', label: 'Account', show: (c) => c.account?.name ?? '' },
  { key: 'address', label: 'Address', show: (c) => formatAddress(c.address) },
  { key: 'birthday', label: 'Birthday', show: (c) => (c.birthday ? formatDate(c.birthday) : '') },
  { key: 'owner', label: 'Owner', show: (c) => c.owner.name },
];

export interface MergeDialogProps {
  ids: number[];
  onDone: (mergeId: number, survivorId: number) => void;
  onCancel: () => void;
}

/** Side by side: which contact survives, and per field whose value it keeps; e-mails, phones and opt-outs of all are kept. */
export function MergeDialog({ ids, onDone, onCancel }: MergeDialogProps) {
  const ref = useModalDialog();
  const contacts = useQueries({ queries: ids.map((id) => ({ queryKey: ['contacts', id], queryFn: () => call('contacts.get', { id }) })) });
  const [survivor, setSurvivor] = useState(ids[0]!);
  const [fields, setFields] = useState<Partial<Record<Field, number>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const loaded = contacts.every((q) => q.data) ? contacts.map((q) => q.data!) : null;


  const chosen = (field: Field) => fields[field] ?? survivor;
  const merge = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { mergeId } = await call('duplicates.mergeContacts', { survivorId: survivor, mergedIds: ids.filter((id) => id !== survivor), fields });
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
      <h2 id="merge-title">Merge {ids.length} contacts</h2>
      {!loaded ? (
        <p>Loading…</p>
      ) : (
        <table className="merge-table" aria-label="Values to keep">
          <thead>
            <tr>
              <th scope="col">Field</th>
              {loaded.map((c) => (
                <th key={c.id} scope="col">
                  <label className="check">
                    <input type="radio" name="merge-survivor" checked={survivor === c.id} onChange={() => setSurvivor(c.id)} /> Keep #{c.id}
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                {loaded.map((c) => (
                  <td key={c.id}>
                    <label className="check">
                      <input type="radio" name={`merge-${f.key}`} aria-label={`${f.label} from #${c.id}`} checked={chosen(f.key) === c.id} onChange={() => setFields((x) => ({ ...x, [f.key]: c.id }))} />{' '}
                      {f.show(c) || <span className="muted">empty</span>}
                    </label>
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">E-mails and phones</th>
              <td colSpan={loaded.length}>All of them are kept ({[...new Set(loaded.flatMap((c) => c.emails.map((e) => e.address.toLowerCase())))].length} e-mails).</td>
            </tr>
            <tr>
              <th scope="row">Consent</th>
              <td colSpan={loaded.length}>{loaded.some((c) => c.emailOptOut) ? 'E-mail opt-out: kept' : 'No e-mail opt-out'}; {loaded.some((c) => c.doNotCall) ? 'do not call: kept' : 'calls allowed'}.</td>
            </tr>
          </tbody>
        </table>
      )}
      <p className="muted">Activities, meetings, opportunities, quotes and external ids of the others move to the one you keep; the others go to the recycle bin. Un-merge puts everything back.</p>
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
