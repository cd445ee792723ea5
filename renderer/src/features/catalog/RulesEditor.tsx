import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { RULE_KINDS } from '../../../../shared/contract/catalog';
import { describedBy } from '../../components/Field';
import type { PickedRecord } from '../../components/RecordPicker';
import { ProductPickerControl } from './ProductPickerControl';
import type { ProductFormOutput, ProductFormValues } from './productFormValues';
import { searchProducts } from './queries';

export interface RulesEditorProps {
  control: Control<ProductFormValues, unknown, ProductFormOutput>;
  register: UseFormRegister<ProductFormValues>;
  errors: FieldErrors<ProductFormValues>['rules'];
  picks: ReadonlyMap<number, PickedRecord>;
  onPick: (record: PickedRecord) => void;
  selfId?: number | undefined;
}

export const RULE_LABELS: Record<(typeof RULE_KINDS)[number], string> = {
  requires: 'Requires',
  excludes: 'Cannot be combined with',
  recommends: 'Recommends',
};

/** Configurator rules: a quote refuses a missing "requires" and a present "excludes"; a "recommends" is suggested. */
export function RulesEditor({ control, register, errors, picks, onPick, selfId }: RulesEditorProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'rules' });
  const rootError = errors?.message ?? errors?.root?.message;
  return (
    <fieldset className="repeat catalog-rows">
      <legend>Configurator rules</legend>
      <p className="muted">
        A quote with this product cannot be saved without what it requires, nor with what it cannot be combined with (either way round);
        recommended products are suggested. The message, when given, is what the salesperson reads.
      </p>
      {fields.length === 0 ? <p className="muted">No rules.</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const e = errors?.[i];
        return (
          <div className="catalog-row catalog-row--rule" key={field.id} role="group" aria-label={`Rule ${n}`}>
            <div className="catalog-cell">
              <label htmlFor={`rules-${i}-kind`} className="sr-only">
                Rule {n} kind
              </label>
              <select id={`rules-${i}-kind`} {...register(`rules.${i}.kind`)}>
                {RULE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {RULE_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
            <ProductPickerControl
              control={control}
              name={`rules.${i}.targetId`}
              id={`rules-${i}-target`}
              label={`Rule ${n} product`}
              error={e?.targetId?.message}
              picks={picks}
              onPick={onPick}
              search={(text) => searchProducts(text, { excludeId: selfId })}
            />
            <div className={`catalog-cell${e?.message ? ' field--invalid' : ''}`}>
              <label htmlFor={`rules-${i}-message`} className="sr-only">
                Rule {n} message
              </label>
              <input
                id={`rules-${i}-message`}
                type="text"
                autoComplete="off"
                placeholder="Message (optional)"
                {...register(`rules.${i}.message`)}
                {...describedBy(`rules-${i}-message`, e?.message?.message)}
              />
              {e?.message ? (
                <p className="field__error" id={`rules-${i}-message-error`}>
                  {e.message.message}
                </p>
              ) : null}
            </div>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => remove(i)}>
              Remove rule {n}
            </button>
          </div>
        );
      })}
      {rootError ? <p className="field__error">{rootError}</p> : null}
      <button type="button" className="btn btn--small" onClick={() => append({ kind: 'requires', targetId: null, message: '' })} disabled={fields.length >= 100}>
        Add rule
      </button>
    </fieldset>
  );
}
