import { useQuery } from '@tanstack/react-query';
import { useModalDialog } from './useModalDialog';
import { useState } from 'react';
import type { MassPatch } from '../../../shared/contract/mass-update';
import { LEAD_EDITABLE_STATUSES, LEAD_RATINGS, LEAD_SOURCES } from '../../../shared/contract/leads';
import { FORECAST_CATEGORIES } from '../../../shared/contract/opportunities';
import { INDUSTRIES } from '../../../shared/picklists';
import { call } from '../lib/api';
import { errorMessage } from '../lib/formErrors';
import { formatCount } from '../lib/format';

export type MassEntity = MassPatch['entity'];

interface FieldChoice {
  key: string;
  label: string;
  /** Options of a pick-list; text when absent, yes/no for `boolean`. */
  options?: readonly string[];
  boolean?: boolean;
}

const OWNER: FieldChoice = { key: 'ownerId', label: 'Owner' };
const FIELDS: Record<MassEntity, FieldChoice[]> = {
  contact: [OWNER, { key: 'title', label: 'Title' }, { key: 'emailOptOut', label: 'E-mail opt-out', boolean: true }, { key: 'doNotCall', label: 'Do not call', boolean: true }, { key: 'ownerLocked', label: 'Keep this owner', boolean: true }],
  account: [OWNER, { key: 'industry', label: 'Industry', options: INDUSTRIES }, { key: 'ownerLocked', label: 'Keep this owner', boolean: true }],
  lead: [OWNER, { key: 'status', label: 'Status', options: LEAD_EDITABLE_STATUSES }, { key: 'rating', label: 'Rating', options: LEAD_RATINGS }, { key: 'source', label: 'Source', options: LEAD_SOURCES }],
  opportunity: [OWNER, { key: 'forecastCategory', label: 'Forecast category', options: FORECAST_CATEGORIES }],
};

export interface MassUpdateDialogProps {
  entity: MassEntity;
  ids: number[];
  onDone: (batchId: number, updated: number) => void;
  onCancel: () => void;
}

/** One field, one value, for every selected record: in one transaction, undoable. */
export function MassUpdateDialog({ entity, ids, onDone, onCancel }: MassUpdateDialogProps) {
  const ref = useModalDialog();
  const users = useQuery({ queryKey: ['users', 'list'], queryFn: () => call('users.list', {}), staleTime: 60_000 });
  const [field, setField] = useState(FIELDS[entity][0]!);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);


  const typed = (): unknown => (field.key === 'ownerId' ? Number(value) : field.boolean ? value === 'yes' : value === '' && field.key === 'title' ? null : value);
  const apply = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('records.massUpdate', { entity, ids, patch: { [field.key]: typed() } } as MassPatch);
      onDone(result.batchId, result.updated);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="mass-update-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="mass-update-title">Change {formatCount(ids.length, 'selected record')}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="mass-field">Field</label>
          <select
            id="mass-field"
            value={field.key}
            onChange={(e) => {
              setField(FIELDS[entity].find((f) => f.key === e.target.value)!);
              setValue('');
            }}
          >
            {FIELDS[entity].map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mass-value">New value</label>
          {field.key === 'ownerId' ? (
            <select id="mass-value" value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">Choose…</option>
              {users.data?.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          ) : field.boolean || field.options ? (
            <select id="mass-value" value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">Choose…</option>
              {(field.boolean ? ['yes', 'no'] : field.options!).map((o) => (
                <option key={o} value={o}>
                  {o.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          ) : (
            <input id="mass-value" value={value} maxLength={150} onChange={(e) => setValue(e.target.value)} />
          )}
        </div>
      </div>
      {failure ? <p className="field__error">{failure}</p> : null}
      <div className="form-actions">
        <button type="button" className="btn btn--primary" disabled={busy || (value === '' && field.key !== 'title')} onClick={() => void apply()}>
          {busy ? 'Changing…' : 'Change all'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
