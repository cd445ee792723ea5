import { Controller, type Control, type Path } from 'react-hook-form';
import { RecordPicker, type PickedRecord } from '../../components/RecordPicker';
import type { ProductFormOutput, ProductFormValues } from './productFormValues';

export interface ProductPickerControlProps {
  control: Control<ProductFormValues, unknown, ProductFormOutput>;
  /** The form field holding the picked product's id, e.g. "components.0.productId". */
  name: Path<ProductFormValues>;
  id: string;
  label: string;
  error: string | undefined;
  picks: ReadonlyMap<number, PickedRecord>;
  onPick: (record: PickedRecord) => void;
  search: (text: string) => Promise<PickedRecord[]>;
}

/** A product type-ahead inside a row of the components or rules editor, with its own (visually hidden) label. */
export function ProductPickerControl({ control, name, id, label, error, picks, onPick, search }: ProductPickerControlProps) {
  return (
    <div className={`catalog-cell${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <RecordPicker
            id={id}
            value={typeof field.value === 'number' ? (picks.get(field.value) ?? null) : null}
            onChange={(record) => {
              if (record) onPick(record);
              field.onChange(record?.id ?? null);
            }}
            onBlur={field.onBlur}
            search={search}
            placeholder="Type a SKU or name"
            invalid={Boolean(error)}
            describedById={error ? `${id}-error` : undefined}
          />
        )}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
