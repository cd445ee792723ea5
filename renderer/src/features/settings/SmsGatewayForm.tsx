import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SmsGatewaySettingsInput, type SmsGatewaySettingsView } from '../../../../shared/contract/campaign-settings';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { settingsKeys } from './queries';

type Values = z.input<typeof SmsGatewaySettingsInput>;
type Output = z.output<typeof SmsGatewaySettingsInput>;

const FIELD_NAMES = ['urlTemplate', 'method', 'contentType', 'bodyTemplate', 'from', 'authHeaderName', 'authHeaderValue', 'timeoutMs'];

const asNumber = (v: unknown) => (v === '' || v === null || v === undefined ? Number.NaN : Number(v));

function formValues(s: SmsGatewaySettingsView): Values {
  return {
    urlTemplate: s.urlTemplate,
    method: s.method,
    contentType: s.contentType ?? '',
    bodyTemplate: s.bodyTemplate ?? '',
    from: s.from ?? '',
    authHeaderName: s.authHeaderName ?? '',
    authHeaderValue: '',
    clearAuthHeaderValue: false,
    timeoutMs: s.timeoutMs,
  };
}

/**
 * The HTTP gateway campaigns send SMS through. Like the SMTP password, the authorization header's value is
 * write-only: the form says whether one is stored and sends a new one only when typed.
 */
export function SmsGatewayForm({ loaded }: { loaded: SmsGatewaySettingsView }) {
  const client = useQueryClient();
  const toast = useToast();
  const current = () => client.getQueryData<SmsGatewaySettingsView>(settingsKeys.sms) ?? loaded;
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(SmsGatewaySettingsInput), defaultValues: formValues(loaded), reValidateMode: 'onChange' });
  const {
    register,
    watch,
    formState: { errors: e },
  } = form;
  const stored = current().authHeaderValueSet;
  const typed = (watch('authHeaderValue') ?? '') !== '';

  const save = async (values: Output) => {
    const saved = await call('campaigns.saveSmsGateway', values);
    client.setQueryData(settingsKeys.sms, saved);
    form.reset(formValues(saved));
    toast.show({ message: 'SMS gateway saved' });
  };

  return (
    <FormShell form={form} label="SMS gateway" fieldNames={FIELD_NAMES} submitLabel="Save SMS gateway" onSave={save} onCancel={() => form.reset(formValues(current()))}>
      <p className="muted">
        Campaign SMS steps send through your provider&apos;s HTTP interface. Write <code>{'{to}'}</code>, <code>{'{text}'}</code> and
        optionally <code>{'{from}'}</code> where the values go, in the address or the body: each is encoded for where it stands.
      </p>
      <div className="form-grid">
        <Field id="sms-url" label="Address" required error={e.urlTemplate?.message} hint="e.g. https://sms.example.com/send?to={to}&text={text}">
          <input id="sms-url" type="text" autoComplete="off" spellCheck={false} aria-required="true" {...register('urlTemplate')} {...describedBy('sms-url', e.urlTemplate?.message)} />
        </Field>
        <Field id="sms-method" label="Method" error={e.method?.message}>
          <select id="sms-method" {...register('method')} {...describedBy('sms-method', e.method?.message)}>
            <option value="GET">GET</option>
            <option value="POST">POST</option>
          </select>
        </Field>
        <Field id="sms-content-type" label="Body type" error={e.contentType?.message} hint="POST only, e.g. application/json">
          <input id="sms-content-type" type="text" autoComplete="off" spellCheck={false} {...register('contentType')} {...describedBy('sms-content-type', e.contentType?.message)} />
        </Field>
        <Field id="sms-body" label="Body" error={e.bodyTemplate?.message} hint={'POST only, e.g. {"to": "{to}", "text": "{text}"}'}>
          <textarea id="sms-body" rows={3} spellCheck={false} {...register('bodyTemplate')} {...describedBy('sms-body', e.bodyTemplate?.message)} />
        </Field>
        <Field id="sms-from" label="Sender" error={e.from?.message} hint="The sender name or number, for {from}.">
          <input id="sms-from" type="text" autoComplete="off" {...register('from')} {...describedBy('sms-from', e.from?.message)} />
        </Field>
        <Field id="sms-auth-name" label="Authorization header" error={e.authHeaderName?.message} hint="e.g. Authorization or X-Api-Key; empty when none is needed.">
          <input id="sms-auth-name" type="text" autoComplete="off" spellCheck={false} {...register('authHeaderName')} {...describedBy('sms-auth-name', e.authHeaderName?.message)} />
        </Field>
        <Field id="sms-auth-value" label="Header value" error={e.authHeaderValue?.message}>
          <input
            id="sms-auth-value"
            type="password"
            autoComplete="new-password"
            placeholder={stored ? 'stored (type to replace)' : ''}
            {...register('authHeaderValue')}
            {...(e.authHeaderValue?.message ? describedBy('sms-auth-value', e.authHeaderValue.message) : { 'aria-describedby': 'sms-auth-status' })}
          />
          <span id="sms-auth-status" className="settings-password__status" role="status">
            {typed ? 'Header value: stored when you save' : stored ? 'Header value: stored' : 'Header value: not stored'}
          </span>
        </Field>
        <Field id="sms-timeout" label="Timeout (ms)" error={e.timeoutMs?.message}>
          <input id="sms-timeout" type="number" min={100} max={120000} step={100} {...register('timeoutMs', { setValueAs: asNumber })} {...describedBy('sms-timeout', e.timeoutMs?.message)} />
        </Field>
      </div>
    </FormShell>
  );
}
