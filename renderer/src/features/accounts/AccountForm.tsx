import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { AccountInput } from '../../../../shared/contract/accounts';
import { INDUSTRIES } from '../../../../shared/picklists';
import { AddressFields } from '../../components/AddressFields';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { MoneyInput } from '../../components/MoneyInput';
import type { PickedRecord } from '../../components/RecordPicker';
import { RecordPickerField } from '../../components/RecordPickerField';
import { OwnerFields, ownerIdFromSelect } from '../admin/OwnerFields';
import { ACCOUNT_FIELD_NAMES, type AccountFormOutput, type AccountFormValues } from './accountFormValues';
import { searchAccounts } from './queries';

export interface AccountFormProps {
  defaultValues: AccountFormValues;
  parent: PickedRecord | null;
  /** The account being edited, so it cannot become its own parent. */
  selfId?: number;
  /** Edit only: the current owner, listed before the users have loaded (or when no longer active). */
  owner?: { id: number; name: string };
  onSave: (values: AccountFormOutput, changed: Partial<AccountFormOutput>) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<{ values: AccountFormValues; parent: PickedRecord | null }>;
  submitLabel: string;
}

/** Create or edit an account; validated with the contract's AccountInput schema. */
export function AccountForm({ defaultValues, parent, selfId, owner, onSave, onCancel, onReload, submitLabel }: AccountFormProps) {
  const form = useForm<AccountFormValues, unknown, AccountFormOutput>({ resolver: zodResolver(AccountInput), defaultValues, reValidateMode: 'onChange' });
  const { register, control, formState: { errors: e } } = form;
  const [picked, setPicked] = useState<PickedRecord | null>(parent);

  // The picker shows a name the form values do not hold, so a reload refreshes it too.
  const reload =
    onReload &&
    (async () => {
      const fresh = await onReload();
      setPicked(fresh.parent);
      return fresh.values;
    });

  const revenueError = e.annualRevenue?.message ?? e.annualRevenue?.amountMinor?.message ?? e.annualRevenue?.currency?.message;
  return (
    <FormShell form={form} label="Account" fieldNames={ACCOUNT_FIELD_NAMES} submitLabel={submitLabel} onSave={onSave} onCancel={onCancel} onReload={reload}>
      <div className="form-grid">
        <Field id="name" label="Name" required error={e.name?.message} className="field--wide">
          <input id="name" type="text" autoComplete="off" autoFocus aria-required="true" {...register('name')} {...describedBy('name', e.name?.message)} />
        </Field>
        <Field id="industry" label="Industry" error={e.industry?.message}>
          <select id="industry" {...register('industry')} {...describedBy('industry', e.industry?.message)}>
            <option value="">—</option>
            {INDUSTRIES.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </Field>
        <Field id="website" label="Website" error={e.website?.message}>
          <input id="website" type="text" inputMode="url" autoComplete="off" placeholder="example.com" {...register('website')} {...describedBy('website', e.website?.message)} />
        </Field>
        <Field id="phone" label="Phone" error={e.phone?.message}>
          <input id="phone" type="tel" autoComplete="off" {...register('phone')} {...describedBy('phone', e.phone?.message)} />
        </Field>
        <Field id="employees" label="Employees" error={e.employees?.message}>
          <input
            id="employees"
            type="number"
            min={0}
            step={1}
            {...register('employees', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) })}
            {...describedBy('employees', e.employees?.message)}
          />
        </Field>
        <Controller
          control={control}
          name="annualRevenue"
          render={({ field }) => (
            <MoneyInput id="annualRevenue" label="Annual revenue" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={revenueError} />
          )}
        />
        <RecordPickerField
          control={control}
          name="parentAccountId"
          label="Parent account"
          error={e.parentAccountId}
          picked={picked}
          onPick={setPicked}
          search={async (text) => (await searchAccounts(text)).filter((a) => a.id !== selfId)}
        />
        <OwnerFields
          ownerField={register('ownerId', { setValueAs: ownerIdFromSelect })}
          lockField={register('ownerLocked')}
          error={e.ownerId?.message}
          owner={owner}
          emptyLabel={owner ? undefined : 'Automatic (territory rules)'}
        />
      </div>
      <div className="form-columns">
        <fieldset className="form-section">
          <legend>Billing address</legend>
          <AddressFields idPrefix="billing" labelPrefix="Billing" register={(part) => register(`billingAddress.${part}`)} errors={e.billingAddress} />
        </fieldset>
        <fieldset className="form-section">
          <legend>Shipping address</legend>
          <AddressFields idPrefix="shipping" labelPrefix="Shipping" register={(part) => register(`shippingAddress.${part}`)} errors={e.shippingAddress} />
        </fieldset>
      </div>
    </FormShell>
  );
}
