import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { CustomFieldEntity, CustomFieldWithValues } from '../../../../shared/contract/custom-fields';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { customFieldKeys, useRecordCustomFields } from './queries';

export interface RecordCustomFieldsProps {
  entity: CustomFieldEntity;
  id: number;
  /** A record in the recycle bin shows its values but cannot change them. */
  readOnly?: boolean;
}

function FieldControl({ field, disabled, onChange }: { field: CustomFieldWithValues; disabled: boolean; onChange: (values: string[]) => void }) {
  const id = useId();
  if (!field.multiple) {
    return (
      <>
        <label htmlFor={id}>{field.label}</label>
        <select id={id} value={field.values[0] ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}>
          <option value="">—</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </>
    );
  }
  return (
    <>
      <span id={id}>{field.label}</span>
      <fieldset className="custom-fields__checks" aria-labelledby={id} disabled={disabled}>
        {field.options.map((o) => (
          <label key={o} className="check">
            <input
              type="checkbox"
              checked={field.values.includes(o)}
              onChange={(e) => onChange(e.target.checked ? [...field.values, o] : field.values.filter((v) => v !== o))}
            />{' '}
            {o}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** The entity's custom picklists with this record's values; a change is saved at once. */
export function RecordCustomFields({ entity, id, readOnly = false }: RecordCustomFieldsProps) {
  const client = useQueryClient();
  const fields = useRecordCustomFields(entity, id);
  const save = useMutation({
    mutationFn: (v: { fieldId: number; values: string[] }) => call('customFields.setValues', { entity, recordId: id, values: [v] }),
    onSuccess: (next) => {
      client.setQueryData(customFieldKeys.forRecord(entity, id), next);
      void client.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  if (!fields.data?.length) return null;
  return (
    <div>
      <div className="custom-fields">
        {fields.data.map((f) => (
          <FieldControl key={f.id} field={f} disabled={readOnly || save.isPending} onChange={(values) => save.mutate({ fieldId: f.id, values })} />
        ))}
      </div>
      {save.error ? <ErrorBanner title="Could not save the field" messages={[save.error.message]} /> : null}
    </div>
  );
}
