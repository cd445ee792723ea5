import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import type { z } from 'zod';
import { CompanyProfile } from '../../../../shared/contract/settings';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { settingsKeys } from './queries';

type CompanyFormValues = z.input<typeof CompanyProfile>;
type CompanyFormOutput = z.output<typeof CompanyProfile>;

const FIELD_NAMES = Object.keys(CompanyProfile.shape);

function formValues(p: CompanyFormOutput): CompanyFormValues {
  return {
    name: p.name,
    street: p.street ?? '',
    city: p.city ?? '',
    region: p.region ?? '',
    postcode: p.postcode ?? '',
    country: p.country ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    website: p.website ?? '',
    logoPath: p.logoPath ?? '',
  };
}

interface TextFieldProps {
  id: string;
  label: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
  type?: 'text' | 'email' | 'tel';
  hint?: string;
  wide?: boolean;
}

function TextField({ id, label, error, registration, type = 'text', hint, wide }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={wide ? 'field--wide' : undefined}>
      <input id={id} type={type} autoComplete="off" {...registration} {...describedBy(id, error)} {...(hint && !error ? { 'aria-describedby': `${id}-hint` } : {})} />
    </Field>
  );
}

export interface CompanySettingsFormProps {
  loaded: CompanyFormOutput;
}

/** The seller as printed on proposals: name, address, contact details and the logo file. */
export function CompanySettingsForm({ loaded }: CompanySettingsFormProps) {
  const client = useQueryClient();
  const toast = useToast();
  const form = useForm<CompanyFormValues, unknown, CompanyFormOutput>({ resolver: zodResolver(CompanyProfile), defaultValues: formValues(loaded), reValidateMode: 'onChange' });
  const {
    register,
    formState: { errors: e },
  } = form;

  const save = async (values: CompanyFormOutput) => {
    const saved = await call('settings.saveCompany', values);
    client.setQueryData(settingsKeys.company, saved);
    form.reset(formValues(saved));
    toast.show({ message: 'Company profile saved' });
  };

  return (
    <FormShell
      form={form}
      label="Company profile"
      fieldNames={FIELD_NAMES}
      submitLabel="Save company profile"
      onSave={save}
      onCancel={() => form.reset(formValues(client.getQueryData<CompanyFormOutput>(settingsKeys.company) ?? loaded))}
    >
      <div className="form-grid">
        <TextField id="company-name" label="Company name" error={e.name?.message} registration={register('name')} wide />
        <TextField id="company-street" label="Street" error={e.street?.message} registration={register('street')} wide />
        <TextField id="company-postcode" label="Postcode" error={e.postcode?.message} registration={register('postcode')} />
        <TextField id="company-city" label="City" error={e.city?.message} registration={register('city')} />
        <TextField id="company-region" label="Region" error={e.region?.message} registration={register('region')} />
        <TextField id="company-country" label="Country" error={e.country?.message} registration={register('country')} />
        <TextField id="company-email" label="Company e-mail" type="email" error={e.email?.message} registration={register('email')} />
        <TextField id="company-phone" label="Company phone" type="tel" error={e.phone?.message} registration={register('phone')} />
        <TextField id="company-website" label="Company website" error={e.website?.message} registration={register('website')} />
        <TextField
          id="company-logo"
          label="Logo file"
          error={e.logoPath?.message}
          registration={register('logoPath')}
          hint="Full path of a PNG or JPEG image on this computer or the office share, printed at the top of quotes."
          wide
        />
      </div>
    </FormShell>
  );
}
