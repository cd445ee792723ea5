import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { PriceBookInput, type PriceBook } from '../../../../shared/contract/catalog';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { COMMON_CURRENCIES } from '../../components/MoneyInput';

type Values = z.input<typeof PriceBookInput>;
type Output = z.output<typeof PriceBookInput>;

const FIELD_NAMES = ['name', 'currency', 'isDefault', 'active'];

export interface PriceBookFormProps {
  /** The book being edited; absent for a new one. */
  book?: PriceBook | undefined;
  onSave: (values: Output) => Promise<void>;
  onCancel: () => void;
}

/** A price book's name, currency (fixed once it holds prices), default flag and active flag. */
export function PriceBookForm({ book, onSave, onCancel }: PriceBookFormProps) {
  const defaultValues: Values = { name: book?.name ?? '', currency: book?.currency ?? 'EUR', isDefault: book?.isDefault ?? false, active: book?.active ?? true };
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(PriceBookInput), defaultValues, reValidateMode: 'onChange' });
  const { register, formState: { errors: e } } = form;
  const locked = Boolean(book && book.entryCount > 0);
  // A book's prices are in its currency: once it holds some, the currency is the only choice.
  const currencies: string[] = locked && book ? [book.currency] : [...COMMON_CURRENCIES];
  if (book && !currencies.includes(book.currency)) currencies.unshift(book.currency);
  return (
    <FormShell
      form={form}
      label="Price book"
      fieldNames={FIELD_NAMES}
      submitLabel={book ? 'Save price book' : 'Create price book'}
      onSave={(values) => onSave(book ? { ...values, id: book.id } : values)}
      onCancel={() => {
        form.reset(defaultValues);
        onCancel();
      }}
    >
      <div className="form-grid">
        <Field id="book-name" label="Name" required error={e.name?.message}>
          <input id="book-name" type="text" autoComplete="off" aria-required="true" {...register('name')} {...describedBy('book-name', e.name?.message)} />
        </Field>
        <Field id="book-currency" label="Currency" error={e.currency?.message} hint={locked ? 'Fixed: the book holds prices' : undefined}>
          <select id="book-currency" {...register('currency')} {...describedBy('book-currency', e.currency?.message)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="field checks">
          <legend>Options</legend>
          <label className="check">
            <input type="checkbox" {...register('isDefault')} /> Default book for its currency
          </label>
          <label className="check">
            <input type="checkbox" {...register('active')} /> Active
          </label>
        </fieldset>
      </div>
    </FormShell>
  );
}
