import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { CUSTOM_FIELD_ENTITIES, type CustomField, type CustomFieldEntity } from '../../../../shared/contract/custom-fields';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { useAllCustomFields } from './queries';

const ENTITY_LABELS: Record<CustomFieldEntity, string> = { contact: 'Contacts', lead: 'Leads', account: 'Accounts' };

const toLines = (options: string[]) => options.join('\n');
const fromLines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

interface FieldFormProps {
  initial: CustomField | null;
  onDone: () => void;
}

/** Adds a picklist, or changes one: label, options (one a line) and whether several may be chosen. */
function FieldForm({ initial, onDone }: FieldFormProps) {
  const client = useQueryClient();
  const id = useId();
  const [entity, setEntity] = useState<CustomFieldEntity>(initial?.entity ?? 'contact');
  const [label, setLabel] = useState(initial?.label ?? '');
  const [options, setOptions] = useState(initial ? toLines(initial.options) : '');
  const [multiple, setMultiple] = useState(initial?.multiple ?? false);
  const save = useMutation({
    mutationFn: () =>
      initial
        ? call('customFields.update', { id: initial.id, label, options: fromLines(options), multiple })
        : call('customFields.create', { entity, label, options: fromLines(options), multiple }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['customFields'] });
      onDone();
    },
  });
  return (
    <form
      className="form custom-field-form"
      aria-label={initial ? `Change ${initial.label}` : 'New custom field'}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {initial ? null : (
        <div className="field">
          <label htmlFor={`${id}-entity`}>Field of</label>
          <select id={`${id}-entity`} value={entity} onChange={(e) => setEntity(e.target.value as CustomFieldEntity)}>
            {CUSTOM_FIELD_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {ENTITY_LABELS[e]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input id={`${id}-label`} value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-options`}>Options (one a line)</label>
        <textarea id={`${id}-options`} rows={5} value={options} onChange={(e) => setOptions(e.target.value)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} /> Several may be chosen
      </label>
      {save.error ? <ErrorBanner messages={[errorMessage(save.error)]} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {initial ? 'Save field' : 'Add field'}
        </button>{' '}
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Settings → Custom fields: the picklists administrators add to contacts, leads and accounts. */
export function CustomFieldsAdmin() {
  const client = useQueryClient();
  const fields = useAllCustomFields();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const remove = useMutation({
    mutationFn: (id: number) => call('customFields.delete', { id }),
    onSuccess: () => {
      setDeleting(null);
      void client.invalidateQueries({ queryKey: ['customFields'] });
    },
  });
  return (
    <div className="custom-fields-admin">
      <p className="muted">Picklists on contacts, leads and accounts: shown and set on each record's page, and offered in segment rules. An option in use cannot be removed.</p>
      {fields.isError ? <ErrorBanner title="Cannot load the custom fields" messages={[errorMessage(fields.error)]} /> : null}
      {fields.data?.length ? (
        <table className="segment-table" aria-label="Custom fields">
          <thead>
            <tr>
              <th scope="col">Of</th>
              <th scope="col">Label</th>
              <th scope="col">Options</th>
              <th scope="col">Choice</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {fields.data.map((f) => (
              <tr key={f.id}>
                <td>{ENTITY_LABELS[f.entity]}</td>
                <td>{f.label}</td>
                <td>{f.options.join(', ')}</td>
                <td>{f.multiple ? 'Several' : 'One'}</td>
                <td>
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Change ${f.label}`} onClick={() => setEditing(f)}>
                    Change
                  </button>{' '}
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Delete ${f.label}`} onClick={() => setDeleting(f)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : fields.isSuccess ? (
        <p className="muted">No custom fields yet.</p>
      ) : null}
      {editing === null ? (
        <button type="button" className="btn" onClick={() => setEditing('new')}>
          New custom field
        </button>
      ) : (
        <FieldForm key={editing === 'new' ? 'new' : editing.id} initial={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      )}
      {deleting ? (
        <ConfirmDialog
          title={`Delete the field “${deleting.label}”?`}
          confirmLabel="Delete field"
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onConfirm={() => remove.mutate(deleting.id)}
          onCancel={() => setDeleting(null)}
        >
          Its values on every {deleting.entity} are deleted with it.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
