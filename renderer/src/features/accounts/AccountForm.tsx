import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { AccountInput } from '../../../../shared/contract/accounts';
import { INDUSTRIES } from '../../../../shared/picklists';
import { AddressFields } from '../../components/AddressFields';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, describedBy } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { RecordPicker, type PickedRecord } from '../../components/RecordPicker';
import { applyServerIssues, errorMessage, isConflict } from '../../lib/formErrors';
import { changedFields } from '../../lib/patch';
import { useFormShortcuts } from '../../lib/useFormShortcuts';
import { ACCOUNT_FIELD_NAMES, type AccountFormOutput, type AccountFormValues } from './accountFormValues';
import { searchAccounts } from './queries';

export interface AccountFormProps {
  defaultValues: AccountFormValues;
  parent: PickedRecord | null;
  /** The account being edited, so it cannot become its own parent. */
  selfId?: number;
  onSave: (values: AccountFormOutput, changed: Partial<AccountFormOutput>) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<{ values: AccountFormValues; parent: PickedRecord | null }>;
  submitLabel: string;
}

/** Create or edit an account; validated with the contract's AccountInput schema. */
export function AccountForm({ defaultValues, parent, selfId, onSave, onCancel, onReload, submitLabel }: AccountFormProps) {
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors: e, isSubmitting, dirtyFields },
  } = useForm<AccountFormValues, unknown, AccountFormOutput>({ resolver: zodResolver(AccountInput), defaultValues, reValidateMode: 'onChange' });
  const [picked, setPicked] = useState<PickedRecord | null>(parent);
  const [conflict, setConflict] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [reloading, setReloading] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useFormShortcuts(() => formRef.current?.requestSubmit(), onCancel);

  const submit = handleSubmit(async (values) => {
    setGeneral([]);
    try {
      await onSave(values, changedFields(values, dirtyFields));
      setConflict(null);
    } catch (error) {
      if (isConflict(error)) setConflict(error.message);
      else setGeneral(applyServerIssues(error, setError, ACCOUNT_FIELD_NAMES));
    }
  });

  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      const fresh = await onReload();
      reset(fresh.values);
      setPicked(fresh.parent);
      setConflict(null);
    } catch (error) {
      setGeneral([errorMessage(error)]);
    } finally {
      setReloading(false);
    }
  };

  const revenueError = e.annualRevenue?.message ?? e.annualRevenue?.amountMinor?.message ?? e.annualRevenue?.currency?.message;
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Account">
      {conflict ? <ConflictBanner message={conflict} onReload={reload} reloading={reloading} /> : null}
      <ErrorBanner messages={general} />
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
        <Field id="parentAccountId" label="Parent account" error={e.parentAccountId?.message}>
          <Controller
            control={control}
            name="parentAccountId"
            render={({ field }) => (
              <RecordPicker
                id="parentAccountId"
                value={field.value && picked?.id === field.value ? picked : null}
                onChange={(record) => {
                  setPicked(record);
                  field.onChange(record?.id ?? null);
                }}
                onBlur={field.onBlur}
                search={async (text) => (await searchAccounts(text)).filter((a) => a.id !== selfId)}
                invalid={Boolean(e.parentAccountId)}
                describedById={e.parentAccountId ? 'parentAccountId-error' : undefined}
              />
            )}
          />
        </Field>
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
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <span className="form-actions__hint">Ctrl+S saves · Esc cancels</span>
      </div>
    </form>
  );
}
