import { useFieldArray, type ArrayPath, type Control, type FieldArray, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { describedBy } from './Field';

interface Message {
  message?: string | undefined;
}

/** The errors react-hook-form keeps for an array of { label, [valueKey] } entries. */
export interface EntryErrors<ValueKey extends string> extends Message {
  root?: Message | undefined;
  [index: number]: Partial<Record<'label' | ValueKey, Message>> | undefined;
}

/** The key of an entry's value: whatever besides `label` the entries of `Name` hold. */
type ValueKeyOf<Values extends FieldValues, Name extends ArrayPath<Values>> = Exclude<keyof FieldArray<Values, Name>, 'label'> & string;

export interface EntryListProps<Values extends FieldValues, Output, Name extends ArrayPath<Values>, ValueKey extends ValueKeyOf<Values, Name>> {
  control: Control<Values, unknown, Output>;
  register: UseFormRegister<Values>;
  /** The field array, e.g. "emails"; each entry has a `label` and a value under `valueKey`. */
  name: Name;
  valueKey: ValueKey;
  errors: EntryErrors<ValueKey> | undefined;
  /** What "Add" appends. */
  newEntry: FieldArray<Values, Name>;
  /** How many entries the contract allows. */
  max: number;
  legend: string;
  emptyText: string;
  /** "E-mail": makes "E-mail 1", "E-mail 1 label", "Remove e-mail 1", "Add e-mail". */
  noun: string;
  idPrefix: string;
  inputType: 'email' | 'tel';
  labels: readonly string[];
}

/** A list of labelled entries (e-mail addresses, phone numbers): add, remove, label each. */
export function EntryList<Values extends FieldValues, Output, Name extends ArrayPath<Values>, ValueKey extends ValueKeyOf<Values, Name>>({
  control,
  register,
  name,
  valueKey,
  errors,
  newEntry,
  max,
  legend,
  emptyText,
  noun,
  idPrefix,
  inputType,
  labels,
}: EntryListProps<Values, Output, Name, ValueKey>) {
  const { fields, append, remove } = useFieldArray({ control, name });
  const lowerNoun = noun.toLowerCase();
  // The path is built from props, so TypeScript cannot check it against the form's values.
  const path = (i: number, key: string) => `${name}.${i}.${key}` as Path<Values>;
  return (
    <fieldset className="repeat">
      <legend>{legend}</legend>
      {fields.length === 0 ? <p className="muted">{emptyText}</p> : null}
      {fields.map((field, i) => {
        const id = `${idPrefix}-${i}`;
        const error = errors?.[i]?.[valueKey]?.message ?? errors?.[i]?.label?.message;
        return (
          <div className="repeat__row" key={field.id}>
            <label htmlFor={`${id}-label`} className="sr-only">
              {noun} {i + 1} label
            </label>
            <select id={`${id}-label`} {...register(path(i, 'label'))}>
              {labels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
            <label htmlFor={id} className="sr-only">
              {noun} {i + 1}
            </label>
            <input id={id} type={inputType} autoComplete="off" {...register(path(i, valueKey))} {...describedBy(id, error)} />
            <button type="button" className="btn btn--ghost" onClick={() => remove(i)} aria-label={`Remove ${lowerNoun} ${i + 1}`}>
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
      <button type="button" className="btn btn--small" onClick={() => append(newEntry)} disabled={fields.length >= max}>
        Add {lowerNoun}
      </button>
    </fieldset>
  );
}
