import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { QuoteSettings } from '../../../../shared/contract/settings';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { QUOTE_EMAIL_PLACEHOLDERS, settingsKeys } from './queries';

type QuoteFormValues = z.input<typeof QuoteSettings>;
type QuoteFormOutput = z.output<typeof QuoteSettings>;

const FIELD_NAMES = Object.keys(QuoteSettings.shape);
const COMMON_LOCALES = ['en-US', 'en-GB', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'nl-NL', 'it-IT', 'es-ES', 'pl-PL', 'tr-TR'];

/** An empty number field is an error, not "use the default": NaN fails the schema with a message. */
const asNumber = (v: unknown) => (v === '' || v === null || v === undefined ? Number.NaN : Number(v));

function formValues(s: QuoteFormOutput): QuoteFormValues {
  return { ...s };
}

export interface QuoteSettingsFormProps {
  loaded: QuoteFormOutput;
}

/** Quote numbering, the discount approval threshold, validity, locale, terms and the e-mail template. */
export function QuoteSettingsForm({ loaded }: QuoteSettingsFormProps) {
  const client = useQueryClient();
  const toast = useToast();
  const form = useForm<QuoteFormValues, unknown, QuoteFormOutput>({ resolver: zodResolver(QuoteSettings), defaultValues: formValues(loaded), reValidateMode: 'onChange' });
  const {
    register,
    formState: { errors: e },
  } = form;

  const save = async (values: QuoteFormOutput) => {
    const saved = await call('settings.saveQuotes', values);
    client.setQueryData(settingsKeys.quotes, saved);
    form.reset(formValues(saved));
    toast.show({ message: 'Quote settings saved' });
  };

  return (
    <FormShell
      form={form}
      label="Quote settings"
      fieldNames={FIELD_NAMES}
      submitLabel="Save quote settings"
      onSave={save}
      onCancel={() => form.reset(formValues(client.getQueryData<QuoteFormOutput>(settingsKeys.quotes) ?? loaded))}
    >
      <div className="form-grid">
        <Field id="quote-threshold" label="Approval threshold (%)" error={e.approvalThresholdPercent?.message} hint="A line or quote discount above this needs a manager's approval.">
          <input
            id="quote-threshold"
            type="number"
            min={0}
            max={100}
            step="any"
            {...register('approvalThresholdPercent', { setValueAs: asNumber })}
            {...describedBy('quote-threshold', e.approvalThresholdPercent?.message)}
          />
        </Field>
        <Field id="quote-validity" label="Default validity (days)" error={e.defaultValidityDays?.message}>
          <input
            id="quote-validity"
            type="number"
            min={1}
            max={365}
            step={1}
            {...register('defaultValidityDays', { setValueAs: asNumber })}
            {...describedBy('quote-validity', e.defaultValidityDays?.message)}
          />
        </Field>
        <Field id="quote-prefix" label="Number prefix" error={e.numberPrefix?.message} hint="Quotes are numbered Q-1001, Q-1002 … with the prefix Q-.">
          <input id="quote-prefix" type="text" autoComplete="off" {...register('numberPrefix')} {...describedBy('quote-prefix', e.numberPrefix?.message)} />
        </Field>
        <Field id="quote-locale" label="Locale" error={e.locale?.message} hint="Dates and amounts on the PDF, e.g. en-US or de-DE.">
          <input id="quote-locale" type="text" autoComplete="off" list="quote-locales" {...register('locale')} {...describedBy('quote-locale', e.locale?.message)} />
          <datalist id="quote-locales">
            {COMMON_LOCALES.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        </Field>
        <Field id="quote-terms" label="Default terms" error={e.defaultTerms?.message} className="field--wide">
          <textarea id="quote-terms" rows={4} {...register('defaultTerms')} {...describedBy('quote-terms', e.defaultTerms?.message)} />
        </Field>
      </div>
      <fieldset className="form-section">
        <legend>E-mail to the customer</legend>
        <div className="form-grid">
          <Field id="quote-email-subject" label="E-mail subject" error={e.emailSubject?.message} className="field--wide">
            <input
              id="quote-email-subject"
              type="text"
              autoComplete="off"
              aria-describedby="quote-placeholders"
              {...register('emailSubject')}
              {...describedBy('quote-email-subject', e.emailSubject?.message)}
            />
          </Field>
          <Field id="quote-email-body" label="E-mail body" error={e.emailBody?.message} className="field--wide">
            <textarea id="quote-email-body" rows={8} aria-describedby="quote-placeholders" {...register('emailBody')} {...describedBy('quote-email-body', e.emailBody?.message)} />
          </Field>
        </div>
        <div id="quote-placeholders" className="settings-placeholders">
          <p className="muted">Placeholders filled in when a quote is e-mailed:</p>
          <dl>
            {QUOTE_EMAIL_PLACEHOLDERS.map((p) => (
              <div key={p.name}>
                <dt>
                  <code>{`{{${p.name}}}`}</code>
                </dt>
                <dd>{p.meaning}</dd>
              </div>
            ))}
          </dl>
        </div>
      </fieldset>
    </FormShell>
  );
}
