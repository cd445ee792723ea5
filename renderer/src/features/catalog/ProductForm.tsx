import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { MoneyInput } from '../../components/MoneyInput';
import type { PickedRecord } from '../../components/RecordPicker';
import { ComponentsEditor } from './ComponentsEditor';
import { PRODUCT_FIELD_NAMES, ProductFormSchema, type ProductFormOutput, type ProductFormValues } from './productFormValues';
import { useTaxClasses } from './queries';
import { RulesEditor } from './RulesEditor';

export interface ProductFormProps {
  defaultValues: ProductFormValues;
  /** Names for the products the components and rules point at. */
  picks: Map<number, PickedRecord>;
  /** The product being edited; absent for a new one. */
  productId?: number;
  /** The tax class the product has now, offered even when inactive. */
  taxClass?: { id: number; name: string } | null;
  onSave: (values: ProductFormOutput, changed: Partial<ProductFormOutput>) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<ProductFormValues>;
  submitLabel: string;
}

/** Create or edit a product or bundle, its components and configurator rules; validated with the contract's ProductInput. */
export function ProductForm({ defaultValues, picks: initialPicks, productId, taxClass, onSave, onCancel, onReload, submitLabel }: ProductFormProps) {
  const form = useForm<ProductFormValues, unknown, ProductFormOutput>({ resolver: zodResolver(ProductFormSchema), defaultValues, reValidateMode: 'onChange' });
  const { register, control, formState: { errors: e } } = form;
  const [picks, setPicks] = useState(initialPicks);
  const onPick = (record: PickedRecord) => setPicks((m) => new Map(m).set(record.id, record));
  const taxClasses = useTaxClasses(false);
  const classes = [...(taxClasses.data ?? [])];
  if (taxClass && !classes.some((c) => c.id === taxClass.id)) classes.push({ ...taxClass, ratePercent: Number.NaN, isDefault: false, active: false });
  const defaultClass = taxClasses.data?.find((c) => c.isDefault);
  const costError = e.cost?.message ?? e.cost?.amountMinor?.message ?? e.cost?.currency?.message;

  return (
    <FormShell form={form} label="Product" fieldNames={PRODUCT_FIELD_NAMES} submitLabel={submitLabel} onSave={onSave} onCancel={onCancel} onReload={onReload}>
      <div className="form-grid">
        <Field id="sku" label="SKU" required error={e.sku?.message} hint="Unique, any letter case">
          <input id="sku" type="text" autoComplete="off" autoFocus aria-required="true" {...register('sku')} {...describedBy('sku', e.sku?.message)} />
        </Field>
        <Field id="name" label="Name" required error={e.name?.message}>
          <input id="name" type="text" autoComplete="off" aria-required="true" {...register('name')} {...describedBy('name', e.name?.message)} />
        </Field>
        <Field id="category" label="Category" error={e.category?.message}>
          <input id="category" type="text" autoComplete="off" {...register('category')} {...describedBy('category', e.category?.message)} />
        </Field>
        <Field id="unit" label="Unit" required error={e.unit?.message} hint="each, hour, user, month…">
          <input id="unit" type="text" autoComplete="off" aria-required="true" {...register('unit')} {...describedBy('unit', e.unit?.message)} />
        </Field>
        <Controller
          control={control}
          name="cost"
          render={({ field }) => <MoneyInput id="cost" label="Cost" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={costError} />}
        />
        <Field id="taxClassId" label="Tax class" error={e.taxClassId?.message}>
          <Controller
            control={control}
            name="taxClassId"
            render={({ field }) => (
              <select
                id="taxClassId"
                value={field.value ?? ''}
                onChange={(event) => field.onChange(event.target.value === '' ? null : Number(event.target.value))}
                onBlur={field.onBlur}
                {...describedBy('taxClassId', e.taxClassId?.message)}
              >
                <option value="">{defaultClass ? `Default (${defaultClass.name})` : 'Default (untaxed: no default class)'}</option>
                {classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.active ? '' : ' (inactive)'}
                  </option>
                ))}
              </select>
            )}
          />
        </Field>
        <fieldset className="field checks">
          <legend>Status</legend>
          <label className="check">
            <input type="checkbox" {...register('active')} /> Active (offered on new quotes)
          </label>
        </fieldset>
        <Field id="description" label="Description" error={e.description?.message} className="field--wide">
          <textarea id="description" rows={3} {...register('description')} {...describedBy('description', e.description?.message)} />
        </Field>
      </div>
      <ComponentsEditor control={control} register={register} errors={e.components} picks={picks} onPick={onPick} selfId={productId} />
      <RulesEditor control={control} register={register} errors={e.rules} picks={picks} onPick={onPick} selfId={productId} />
    </FormShell>
  );
}
