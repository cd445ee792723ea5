import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { PHONE_LABELS } from '../../../../shared/picklists';
import { describedBy } from '../../components/Field';
import type { ContactFormValues } from './contactFormValues';

export interface PhoneListProps {
  control: Control<ContactFormValues>;
  register: UseFormRegister<ContactFormValues>;
  errors: FieldErrors<ContactFormValues>['phones'];
}

/** The contact's phone numbers: add, remove, label each. */
export function PhoneList({ control, register, errors }: PhoneListProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'phones' });
  return (
    <fieldset className="repeat">
      <legend>Phone numbers</legend>
      {fields.length === 0 ? <p className="muted">No phone number.</p> : null}
      {fields.map((field, i) => {
        const id = `phone-${i}`;
        const error = errors?.[i]?.number?.message ?? errors?.[i]?.label?.message;
        return (
          <div className="repeat__row" key={field.id}>
            <label htmlFor={`${id}-label`} className="sr-only">
              Phone {i + 1} label
            </label>
            <select id={`${id}-label`} {...register(`phones.${i}.label`)}>
              {PHONE_LABELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
            <label htmlFor={id} className="sr-only">
              Phone {i + 1}
            </label>
            <input id={id} type="tel" autoComplete="off" {...register(`phones.${i}.number`)} {...describedBy(id, error)} />
            <button type="button" className="btn btn--ghost" onClick={() => remove(i)} aria-label={`Remove phone ${i + 1}`}>
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
      <button type="button" className="btn btn--small" onClick={() => append({ label: 'work', number: '' })} disabled={fields.length >= 10}>
        Add phone
      </button>
    </fieldset>
  );
}
