import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ContactInput } from '../../../../shared/contract/contacts';
import { EMAIL_LABELS, PHONE_LABELS } from '../../../../shared/picklists';
import { AddressFields } from '../../components/AddressFields';
import { EntryList } from '../../components/EntryList';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import type { PickedRecord } from '../../components/RecordPicker';
import { RecordPickerField } from '../../components/RecordPickerField';
import { searchAccounts } from '../accounts/queries';
import { OwnerFields, ownerIdFromSelect } from '../admin/OwnerFields';
import { CONTACT_FIELD_NAMES, type ContactFormOutput, type ContactFormValues } from './contactFormValues';

export interface ContactFormProps {
  defaultValues: ContactFormValues;
  /** The account shown in the picker when the form opens. */
  account: PickedRecord | null;
  /** Edit only: the current owner, listed before the users have loaded (or when no longer active). */
  owner?: { id: number; name: string };
  /** Saves the whole contact (create) or the changed fields (edit). */
  onSave: (values: ContactFormOutput, changed: Partial<ContactFormOutput>) => Promise<void>;
  onCancel: () => void;
  /** Edit only: loads the saved record again after a conflict. */
  onReload?: () => Promise<{ values: ContactFormValues; account: PickedRecord | null }>;
  submitLabel: string;
}

/** Create or edit a contact; validated with the contract's ContactInput schema. */
export function ContactForm({ defaultValues, account, owner, onSave, onCancel, onReload, submitLabel }: ContactFormProps) {
  const form = useForm<ContactFormValues, unknown, ContactFormOutput>({ resolver: zodResolver(ContactInput), defaultValues, reValidateMode: 'onChange' });
  const { register, control, formState: { errors: e } } = form;
  const [picked, setPicked] = useState<PickedRecord | null>(account);

  // The picker shows a name the form values do not hold, so a reload refreshes it too.
  const reload =
    onReload &&
    (async () => {
      const fresh = await onReload();
      setPicked(fresh.account);
      return fresh.values;
    });

  return (
    <FormShell form={form} label="Contact" fieldNames={CONTACT_FIELD_NAMES} submitLabel={submitLabel} onSave={onSave} onCancel={onCancel} onReload={reload}>
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
        <RecordPickerField
          control={control}
          name="accountId"
          label="Account"
          hint="Type the start of the account's name"
          error={e.accountId}
          picked={picked}
          onPick={setPicked}
          search={searchAccounts}
        />
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
        <OwnerFields
          ownerField={register('ownerId', { setValueAs: ownerIdFromSelect })}
          lockField={register('ownerLocked')}
          error={e.ownerId?.message}
          owner={owner}
          emptyLabel={owner ? undefined : 'Me (default)'}
        />
      </div>
      <div className="form-columns">
        <EntryList
          control={control}
          register={register}
          name="emails"
          valueKey="address"
          errors={e.emails}
          newEntry={{ label: 'work', address: '' }}
          max={10}
          legend="E-mail addresses"
          emptyText="No e-mail address."
          noun="E-mail"
          idPrefix="email"
          inputType="email"
          labels={EMAIL_LABELS}
        />
        <EntryList
          control={control}
          register={register}
          name="phones"
          valueKey="number"
          errors={e.phones}
          newEntry={{ label: 'work', number: '' }}
          max={10}
          legend="Phone numbers"
          emptyText="No phone number."
          noun="Phone"
          idPrefix="phone"
          inputType="tel"
          labels={PHONE_LABELS}
        />
      </div>
      <fieldset className="form-section">
        <legend>Address</legend>
        <AddressFields idPrefix="address" register={(part) => register(`address.${part}`)} errors={e.address} />
      </fieldset>
    </FormShell>
  );
}
