import { RecordPicker } from '../../components/RecordPicker';
import type { FormAttendee } from './activityFormValues';
import { searchContacts } from './queries';

export interface AttendeesFieldProps {
  id: string;
  value: FormAttendee[];
  onChange: (value: FormAttendee[]) => void;
  error?: string | undefined;
}

/** A meeting's attendees: pick contacts by name; each picked one can be removed again. */
export function AttendeesField({ id, value, onChange, error }: AttendeesFieldProps) {
  const key = (p: FormAttendee) => `${p.kind}:${p.id}`;
  return (
    <div className={`field field--wide${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Attendees</label>
      {value.length ? (
        <ul className="attendee-list" aria-label="Attendees">
          {value.map((p) => (
            <li key={key(p)} className="attendee-chip">
              {p.name}
              <button type="button" className="attendee-chip__remove" aria-label={`Remove ${p.name}`} onClick={() => onChange(value.filter((x) => key(x) !== key(p)))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <RecordPicker
        id={id}
        value={null}
        placeholder="Add a contact…"
        search={async (text) => (await searchContacts(text)).filter((c) => !value.some((p) => p.kind === 'contact' && p.id === c.id))}
        onChange={(picked) => {
          if (picked && !value.some((p) => p.kind === 'contact' && p.id === picked.id)) onChange([...value, { kind: 'contact', id: picked.id, name: picked.name }]);
        }}
        invalid={Boolean(error)}
        describedById={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
