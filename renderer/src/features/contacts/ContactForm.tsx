import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ContactInput } from '../../../../shared/contract/contacts';
import { AddressFields } from '../../components/AddressFields';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, describedBy } from '../../components/Field';
import { RecordPicker, type PickedRecord } from '../../components/RecordPicker';
import { applyServerIssues, errorMessage, isConflict } from '../../lib/formErrors';
import { changedFields } from '../../lib/patch';
import { useFormShortcuts } from '../../lib/useFormShortcuts';
import { CONTACT_FIELD_NAMES, type ContactFormOutput, type ContactFormValues } from './contactFormValues';
import { EmailList } from './EmailList';
import { PhoneList } from './PhoneList';
import { searchAccounts } from './queries';

export interface ContactFormProps {
  defaultValues: ContactFormValues;
  /** The account shown in the picker when the form opens. */
  account: PickedRecord | null;
  /** Saves the whole contact (create) or the changed fields (edit). */
  onSave: (values: ContactFormOutput, changed: Partial<ContactFormOutput>) => Promise<void>;
  onCancel: () => void;
  /** Edit only: loads the saved record again after a conflict. */
  onReload?: () => Promise<{ values: ContactFormValues; account: PickedRecord | null }>;
  submitLabel: string;
}

/** Create or edit a contact; validated with the contract's ContactInput schema. */
export function ContactForm({ defaultValues, account, onSave, onCancel, onReload, submitLabel }: ContactFormProps) {
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting, dirtyFields },
  } = useForm<ContactFormValues, unknown, ContactFormOutput>({ resolver: zodResolver(ContactInput), defaultValues, reValidateMode: 'onChange' });
  const [picked, setPicked] = useState<PickedRecord | null>(account);
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
      if (isConflict(error)) {
        setConflict(error.message);
        return;
      }
      setGeneral(applyServerIssues(error, setError, CONTACT_FIELD_NAMES));
    }
  });

  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      const fresh = await onReload();
      reset(fresh.values);
      setPicked(fresh.account);
      setConflict(null);
    } catch (error) {
      setGeneral([errorMessage(error)]);
    } finally {
      setReloading(false);
    }
  };

  const e = errors;
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Contact">
      {conflict ? <ConflictBanner message={conflict} onReload={reload} reloading={reloading} /> : null}
      <ErrorBanner messages={general} />
      <div className="form-grid">
        <Field id="firstName" label="First name" error={e.firstName?.message}>
          <input id="firstName" type="text" autoComplete="off" autoFocus {...register('firstName')} {...describedBy('firstName', e.firstName?.message)} />
        </Field>
        <Field id="lastName" label="Last name" required error={e.lastName?.message}>
          <input id="lastName" type="text" autoComplete="off" aria-required="true" {...register('lastName')} {...describedBy('lastName', e.lastName?.message)} />
        </Field>
        <Field id="title" label="Title" error={e.title?.message}>
          <input id="title" type="text" autoComplete="off" {...register('title')} {...describedBy('title', e.title?.message)} />
        </Field>
        <Field id="accountId" label="Account" error={e.accountId?.message} hint="Type the start of the account's name">
          <Controller
            control={control}
            name="accountId"
            render={({ field }) => (
              <RecordPicker
                id="accountId"
                value={field.value && picked?.id === field.value ? picked : null}
                onChange={(record) => {
                  setPicked(record);
                  field.onChange(record?.id ?? null);
                }}
                onBlur={field.onBlur}
                search={searchAccounts}
                invalid={Boolean(e.accountId)}
                describedById={e.accountId ? 'accountId-error' : 'accountId-hint'}
              />
            )}
          />
        </Field>
        <Field id="birthday" label="Birthday" error={e.birthday?.message}>
          <input id="birthday" type="date" {...register('birthday')} {...describedBy('birthday', e.birthday?.message)} />
        </Field>
        <fieldset className="field checks">
          <legend>Consent</legend>
          <label className="check">
            <input type="checkbox" {...register('emailOptOut')} /> E-mail opt-out
          </label>
          <label className="check">
            <input type="checkbox" {...register('doNotCall')} /> Do not call
          </label>
        </fieldset>
      </div>
      <div className="form-columns">
        <EmailList control={control} register={register} errors={e.emails} />
        <PhoneList control={control} register={register} errors={e.phones} />
      </div>
      <fieldset className="form-section">
        <legend>Address</legend>
        <AddressFields idPrefix="address" register={(part) => register(`address.${part}`)} errors={e.address} />
      </fieldset>
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
