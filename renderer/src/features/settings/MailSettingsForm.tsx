import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { MailSettingsInput, type MailSettings, type TlsMode } from '../../../../shared/contract/mail';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { settingsKeys } from './queries';

type MailFormValues = z.input<typeof MailSettingsInput>;
type MailFormOutput = z.output<typeof MailSettingsInput>;

const FIELD_NAMES = Object.keys(MailSettingsInput.shape);

const TLS_LABELS: Record<TlsMode, string> = {
  starttls: 'STARTTLS (port 587)',
  tls: 'TLS (port 465)',
  none: 'None (unencrypted)',
};

const asNumber = (v: unknown) => (v === '' || v === null || v === undefined ? Number.NaN : Number(v));

function formValues(s: MailSettings): MailFormValues {
  return {
    host: s.host,
    port: s.port,
    tlsMode: s.tlsMode,
    user: s.user ?? '',
    password: '',
    clearPassword: false,
    fromAddress: s.fromAddress,
    fromName: s.fromName,
  };
}

export interface MailSettingsFormProps {
  loaded: MailSettings;
}

/**
 * The SMTP server for outgoing mail. The password is write-only: the form shows whether one is
 * stored, sends a new one only when typed, and clears it only on "Clear password" + Save.
 */
export function MailSettingsForm({ loaded }: MailSettingsFormProps) {
  const client = useQueryClient();
  const toast = useToast();
  const current = () => client.getQueryData<MailSettings>(settingsKeys.mail) ?? loaded;
  const form = useForm<MailFormValues, unknown, MailFormOutput>({ resolver: zodResolver(MailSettingsInput), defaultValues: formValues(loaded), reValidateMode: 'onChange' });
  const {
    register,
    setValue,
    watch,
    formState: { errors: e },
  } = form;
  const clearing = watch('clearPassword') === true;
  const typed = (watch('password') ?? '') !== '';
  const stored = current().passwordSet;

  const save = async (values: MailFormOutput) => {
    // An untouched password field means "keep the stored one": it is left out of the call.
    const { password, clearPassword, ...rest } = values;
    const saved = await call('mail.saveSettings', { ...rest, ...(password ? { password } : {}), ...(clearPassword ? { clearPassword: true } : {}) });
    client.setQueryData(settingsKeys.mail, saved);
    form.reset(formValues(saved));
    toast.show({ message: 'E-mail settings saved' });
  };

  const passwordStatus = clearing
    ? 'Password: will be removed when you save'
    : typed
      ? stored
        ? 'Password: the new one replaces the stored one when you save'
        : 'Password: stored when you save'
      : stored
        ? 'Password: stored'
        : 'Password: not stored';

  return (
    <FormShell form={form} label="E-mail settings" fieldNames={FIELD_NAMES} submitLabel="Save e-mail settings" onSave={save} onCancel={() => form.reset(formValues(current()))}>
      <div className="form-grid">
        <Field id="smtp-host" label="SMTP server" required error={e.host?.message} hint="Host name or IP address, e.g. smtp.example.com">
          <input id="smtp-host" type="text" autoComplete="off" spellCheck={false} aria-required="true" {...register('host')} {...describedBy('smtp-host', e.host?.message)} />
        </Field>
        <Field id="smtp-port" label="Port" required error={e.port?.message}>
          <input id="smtp-port" type="number" min={1} max={65535} step={1} aria-required="true" {...register('port', { setValueAs: asNumber })} {...describedBy('smtp-port', e.port?.message)} />
        </Field>
        <Field id="smtp-security" label="Security" error={e.tlsMode?.message} hint="Use None only for a relay inside the office network.">
          <select id="smtp-security" {...register('tlsMode')} {...describedBy('smtp-security', e.tlsMode?.message)}>
            {(Object.keys(TLS_LABELS) as TlsMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {TLS_LABELS[mode]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="smtp-user" label="User name" error={e.user?.message} hint="Leave empty when the server needs no login.">
          <input id="smtp-user" type="text" autoComplete="off" spellCheck={false} {...register('user')} {...describedBy('smtp-user', e.user?.message)} />
        </Field>
        <Field id="smtp-password" label="Password" error={e.password?.message}>
          <input
            id="smtp-password"
            type="password"
            autoComplete="new-password"
            placeholder={stored && !clearing ? 'stored (type to replace)' : ''}
            {...register('password', { onChange: () => setValue('clearPassword', false) })}
            {...(e.password?.message ? describedBy('smtp-password', e.password.message) : { 'aria-describedby': 'smtp-password-status' })}
          />
          <div className="settings-password">
            <span id="smtp-password-status" className="settings-password__status" role="status">
              {passwordStatus}
            </span>
            {stored && !clearing && !typed ? (
              <button
                type="button"
                className="btn btn--small btn--danger"
                onClick={() => {
                  setValue('password', '');
                  setValue('clearPassword', true, { shouldDirty: true });
                }}
              >
                Clear password
              </button>
            ) : null}
            {clearing ? (
              <button type="button" className="btn btn--small" onClick={() => setValue('clearPassword', false, { shouldDirty: true })}>
                Keep password
              </button>
            ) : null}
          </div>
        </Field>
        <Field id="smtp-from-address" label="From address" required error={e.fromAddress?.message} hint="The sender of quotes and test messages, e.g. office@example.com">
          <input id="smtp-from-address" type="email" autoComplete="off" aria-required="true" {...register('fromAddress')} {...describedBy('smtp-from-address', e.fromAddress?.message)} />
        </Field>
        <Field id="smtp-from-name" label="From name" error={e.fromName?.message} hint="Shown to recipients, e.g. your company name.">
          <input id="smtp-from-name" type="text" autoComplete="off" {...register('fromName')} {...describedBy('smtp-from-name', e.fromName?.message)} />
        </Field>
      </div>
      <p className="muted settings-protection">
        {current().passwordProtection === 'os'
          ? "The password is encrypted with this computer's key store (Windows, macOS Keychain or the Linux keyring)."
          : 'The password is encrypted with a key file kept beside the database: anyone who can read both files can recover it. A password saved on another computer has to be entered again here.'}
      </p>
    </FormShell>
  );
}
