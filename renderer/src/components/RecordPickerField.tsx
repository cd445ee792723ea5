import { Controller, type Control, type FieldError, type FieldValues, type Path } from 'react-hook-form';
import { Field } from './Field';
import { RecordPicker, type PickedRecord } from './RecordPicker';

export interface RecordPickerFieldProps<Values extends FieldValues, Output> {
  control: Control<Values, unknown, Output>;
  /** The form field holding the picked record's id (or null); also the control's id. */
  name: Path<Values>;
  label: string;
  hint?: string;
  error: FieldError | undefined;
  /**
   * The record shown for the field's id. Kept by the form, not here: the form
   * values hold only the id, and a reload must be able to replace the name.
   */
  picked: PickedRecord | null;
  onPick: (record: PickedRecord | null) => void;
  search: (text: string) => Promise<PickedRecord[]>;
}

/** A labelled type-ahead picker for a reference to another record, e.g. an account. */
export function RecordPickerField<Values extends FieldValues, Output>({ control, name, label, hint, error, picked, onPick, search }: RecordPickerFieldProps<Values, Output>) {
  return (
    <Field id={name} label={label} error={error?.message} hint={hint}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <RecordPicker
            id={name}
            value={field.value && picked?.id === field.value ? picked : null}
            onChange={(record) => {
              onPick(record);
              field.onChange(record?.id ?? null);
            }}
            onBlur={field.onBlur}
            search={search}
            invalid={Boolean(error)}
            describedById={error ? `${name}-error` : hint ? `${name}-hint` : undefined}
          />
        )}
      />
    </Field>
  );
}
