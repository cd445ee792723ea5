import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { describedBy } from '../../components/Field';
import type { PickedRecord } from '../../components/RecordPicker';
import { ProductPickerControl } from './ProductPickerControl';
import type { ProductFormOutput, ProductFormValues } from './productFormValues';
import { searchProducts } from './queries';

export interface ComponentsEditorProps {
  control: Control<ProductFormValues, unknown, ProductFormOutput>;
  register: UseFormRegister<ProductFormValues>;
  errors: FieldErrors<ProductFormValues>['components'];
  picks: ReadonlyMap<number, PickedRecord>;
  onPick: (record: PickedRecord) => void;
  /** The product being edited: never a part of itself. */
  selfId?: number | undefined;
}

const quantity = (v: unknown) => (v === '' || v === null || v === undefined ? Number.NaN : Number(v));

/** A bundle's parts: product, quantity per bundle, optional (offered, not added unless ticked), remove. */
export function ComponentsEditor({ control, register, errors, picks, onPick, selfId }: ComponentsEditorProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'components' });
  const rootError = errors?.message ?? errors?.root?.message;
  return (
    <fieldset className="repeat catalog-rows">
      <legend>Bundle components</legend>
      <p className="muted">
        A product with components is a bundle: a quote lists the bundle with its parts under it. Parts are plain products (bundles are one level
        deep).
      </p>
      {fields.length === 0 ? <p className="muted">No components: this is a plain product.</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const e = errors?.[i];
        return (
          <div className="catalog-row catalog-row--component" key={field.id} role="group" aria-label={`Component ${n}`}>
            <ProductPickerControl
              control={control}
              name={`components.${i}.productId`}
              id={`components-${i}-product`}
              label={`Component ${n} product`}
              error={e?.productId?.message}
              picks={picks}
              onPick={onPick}
              search={(text) => searchProducts(text, { excludeId: selfId, plainOnly: true })}
            />
            <div className={`catalog-cell${e?.quantity ? ' field--invalid' : ''}`}>
              <label htmlFor={`components-${i}-quantity`} className="sr-only">
                Component {n} quantity
              </label>
              <input
                id={`components-${i}-quantity`}
                type="number"
                min={0.001}
                step="any"
                inputMode="decimal"
                {...register(`components.${i}.quantity`, { setValueAs: quantity })}
                {...describedBy(`components-${i}-quantity`, e?.quantity?.message)}
              />
              {e?.quantity ? (
                <p className="field__error" id={`components-${i}-quantity-error`}>
                  {e.quantity.message}
                </p>
              ) : null}
            </div>
            <label className="check">
              <input type="checkbox" aria-label={`Component ${n} optional`} {...register(`components.${i}.optional`)} /> Optional
            </label>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => remove(i)}>
              Remove component {n}
            </button>
          </div>
        );
      })}
      {rootError ? <p className="field__error">{rootError}</p> : null}
      <button type="button" className="btn btn--small" onClick={() => append({ productId: null, quantity: 1, optional: false })} disabled={fields.length >= 100}>
        Add component
      </button>
    </fieldset>
  );
}
