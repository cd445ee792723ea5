import { useMemo } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { LETTER_LAYOUTS } from '../../../../shared/contract/campaigns';
import { Field, describedBy } from '../../components/Field';
import type { CampaignFormValues } from './campaignFormValues';
import { LETTER_LAYOUT_LABELS } from './labels';
import { useUsers } from './queries';

export interface SendSettingsFieldsProps {
  register: UseFormRegister<CampaignFormValues>;
  errors: FieldErrors<CampaignFormValues>;
  quietEnabled: boolean;
  /** The zone already chosen, offered even if this runtime does not list it. */
  timeZone: string;
}

/** How the campaign sends: throttle, quiet hours, who makes its calls, the letters' layout, where unsubscribes go. */
export function SendSettingsFields({ register, errors, quietEnabled, timeZone }: SendSettingsFieldsProps) {
  const users = useUsers();
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return all.includes(timeZone) ? all : [timeZone, ...all];
  }, [timeZone]);
  const e = errors.settings;
  const quiet = e?.quietHours;
  return (
    <fieldset className="form-section campaign-form__group">
      <legend>Sending</legend>
      <div className="form-grid">
        <Field id="settings-throttle" label="At most per hour" error={e?.throttlePerHour?.message} hint="E-mails and SMS in any hour; empty: no limit.">
          <input id="settings-throttle" type="number" min={1} step={1} {...register('settings.throttlePerHour')} {...describedBy('settings-throttle', e?.throttlePerHour?.message)} />
        </Field>
        <div className="field">
          <label className="check" htmlFor="settings-quiet">
            <input id="settings-quiet" type="checkbox" {...register('settings.quietEnabled')} /> Quiet hours
          </label>
          <p className="field__hint">Nothing goes out between these times; what falls due waits until they end.</p>
        </div>
        {quietEnabled ? (
          <>
            <Field id="settings-quiet-from" label="Quiet from" error={quiet?.from?.message}>
              <input id="settings-quiet-from" type="time" {...register('settings.quietHours.from')} {...describedBy('settings-quiet-from', quiet?.from?.message)} />
            </Field>
            <Field id="settings-quiet-to" label="Quiet until" error={quiet?.to?.message ?? quiet?.message}>
              <input id="settings-quiet-to" type="time" {...register('settings.quietHours.to')} {...describedBy('settings-quiet-to', quiet?.to?.message ?? quiet?.message)} />
            </Field>
            <Field id="settings-quiet-zone" label="Time zone" error={quiet?.timeZone?.message}>
              <select id="settings-quiet-zone" {...register('settings.quietHours.timeZone')} {...describedBy('settings-quiet-zone', quiet?.timeZone?.message)}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : null}
        <Field id="settings-layout" label="Letter layout" error={e?.letterLayout?.message}>
          <select id="settings-layout" {...register('settings.letterLayout')}>
            {LETTER_LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {LETTER_LAYOUT_LABELS[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="settings-unsubscribe" label="Unsubscribe requests to" error={e?.unsubscribeMailto?.message} hint="The address of the List-Unsubscribe header; empty: the sender address.">
          <input id="settings-unsubscribe" type="email" autoComplete="off" {...register('settings.unsubscribeMailto')} {...describedBy('settings-unsubscribe', e?.unsubscribeMailto?.message)} />
        </Field>
        <fieldset className="checks field--wide campaign-form__reps" aria-describedby="settings-reps-hint">
          <legend>Call reps</legend>
          <p className="field__hint" id="settings-reps-hint">
            A call step shares its calls among them in turn; none ticked: the campaign's owner makes them.
          </p>
          <div className="campaign-form__rep-list">
            {users.data?.map((u) => (
              <label key={u.id} className="check">
                <input type="checkbox" value={String(u.id)} {...register('settings.callRepIds')} /> {u.name}
              </label>
            ))}
          </div>
          {e?.callRepIds?.message ? <p className="field__error">{e.callRepIds.message}</p> : null}
        </fieldset>
      </div>
    </fieldset>
  );
}
