import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { EMAIL_LABELS } from '../../../../shared/picklists';
import { describedBy } from '../../components/Field';
import type { ContactFormValues } from './contactFormValues';

export interface EmailListProps {
  control: Control<ContactFormValues>;
  register: UseFormRegister<ContactFormValues>;
  errors: FieldErrors<ContactFormValues>['emails'];
}

/** The contact's e-mail addresses: add, remove, label each. */
export function EmailList({ control, register, errors }: EmailListProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'emails' });
  return (
    <fieldset className="repeat">
      <legend>E-mail addresses</legend>
      {fields.length === 0 ? <p className="muted">No e-mail address.</p> : null}
      {fields.map((field, i) => {
        const id = `email-${i}`;
        const error = errors?.[i]?.address?.message ?? errors?.[i]?.label?.message;
        return (
          <div className="repeat__row" key={field.id}>
            <label htmlFor={`${id}-label`} className="sr-only">
              E-mail {i + 1} label
            </label>
            <select id={`${id}-label`} {...register(`emails.${i}.label`)}>
              {EMAIL_LABELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
            <label htmlFor={id} className="sr-only">
              E-mail {i + 1}
            </label>
            <input id={id} type="email" autoComplete="off" {...register(`emails.${i}.address`)} {...describedBy(id, error)} />
            <button type="button" className="btn btn--ghost" onClick={() => remove(i)} aria-label={`Remove e-mail ${i + 1}`}>
              Remove
            </button>
            {error ? (
              <p className="field__error repeat__error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {errors?.root?.message || errors?.message ? <p className="field__error">{errors?.root?.message ?? errors?.message}</p> : null}
      <button type="button" className="btn btn--small" onClick={() => append({ label: 'work', address: '' })} disabled={fields.length >= 10}>
        Add e-mail
      </button>
    </fieldset>
  );
}
