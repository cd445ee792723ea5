import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { CAMPAIGN_TYPES, type Campaign } from '../../../../shared/contract/campaigns';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { COMMON_CURRENCIES } from '../../components/MoneyInput';
import { AmountInput } from '../quotes/AmountInput';
import { CAMPAIGN_FIELD_NAMES, CampaignFormSchema, type CampaignFormOutput, type CampaignFormValues } from './campaignFormValues';
import { TYPE_LABELS } from './labels';
import { useCampaigns, useTargetLists, useUsers } from './queries';
import { SendSettingsFields } from './SendSettingsFields';
import { TriggerFields } from './TriggerFields';

export interface CampaignFormProps {
  defaultValues: CampaignFormValues;
  /** Edit: the campaign as loaded (its owner, program and list are offered even before the lists load). */
  campaign?: Campaign;
  submitLabel: string;
  onSave: (values: CampaignFormOutput, changed: Partial<CampaignFormOutput>) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<CampaignFormValues>;
}

const AMOUNTS = [
  ['budgetMinor', 'Budget'],
  ['actualCostMinor', 'Actual cost'],
  ['expectedRevenueMinor', 'Expected revenue'],
] as const;

/** A campaign's details: what it is, when, what it may cost, who and what it reaches, and how it sends. */
export function CampaignForm({ defaultValues, campaign, submitLabel, onSave, onCancel, onReload }: CampaignFormProps) {
  const form = useForm<CampaignFormValues, unknown, CampaignFormOutput>({
    resolver: zodResolver(CampaignFormSchema),
    defaultValues,
    reValidateMode: 'onChange',
  });
  const { register, control, watch, formState: { errors: e } } = form;
  const users = useUsers();
  const lists = useTargetLists();
  const programs = useCampaigns([]);
  const currency = watch('currency');
  const triggerKind = watch('trigger.kind');
  const quietEnabled = watch('settings.quietEnabled');
  const timeZone = watch('settings.quietHours.timeZone');
  // The audience and the trigger decide who is enrolled when it starts; afterwards they stay as they were.
  const started = campaign !== undefined && campaign.status !== 'planned';

  const owners = users.data ?? [];
  const ownerOptions = campaign && !owners.some((u) => u.id === campaign.owner.id) ? [...owners, campaign.owner] : owners;
  const programOptions = (programs.data ?? []).filter((p) => p.id !== campaign?.id);
  if (campaign?.parent && !programOptions.some((p) => p.id === campaign.parent!.id)) programOptions.push({ ...campaign.parent } as (typeof programOptions)[number]);
  const listOptions = lists.data ?? [];
  const currencies: string[] = [...COMMON_CURRENCIES];
  if (!currencies.includes(currency)) currencies.unshift(currency);

  return (
    <FormShell form={form} label="Campaign" fieldNames={CAMPAIGN_FIELD_NAMES} submitLabel={submitLabel} onSave={onSave} onCancel={onCancel} onReload={onReload}>
      <div className="form-grid">
        <Field id="campaign-name" label="Name" required error={e.name?.message} className="field--wide">
          <input id="campaign-name" type="text" autoComplete="off" aria-required="true" {...register('name')} {...describedBy('campaign-name', e.name?.message)} />
        </Field>
        <Field id="campaign-type" label="Type" error={e.type?.message}>
          <select id="campaign-type" {...register('type')} {...describedBy('campaign-type', e.type?.message)}>
            {CAMPAIGN_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="campaign-start" label="Start date" error={e.startDate?.message}>
          <input id="campaign-start" type="date" {...register('startDate')} {...describedBy('campaign-start', e.startDate?.message)} />
        </Field>
        <Field id="campaign-end" label="End date" error={e.endDate?.message}>
          <input id="campaign-end" type="date" {...register('endDate')} {...describedBy('campaign-end', e.endDate?.message)} />
        </Field>
        <Field id="campaign-objective" label="Objective" error={e.objective?.message} className="field--wide">
          <textarea id="campaign-objective" rows={2} {...register('objective')} {...describedBy('campaign-objective', e.objective?.message)} />
        </Field>
      </div>

      <fieldset className="form-section campaign-form__group">
        <legend>Money</legend>
        <div className="form-grid">
          <Field id="campaign-currency" label="Currency" error={e.currency?.message} hint="Budget, cost and revenue are all in it.">
            <select id="campaign-currency" {...register('currency')} {...describedBy('campaign-currency', e.currency?.message)}>
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          {AMOUNTS.map(([name, label]) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => (
                <AmountInput id={`campaign-${name}`} label={label} showLabel currency={currency} value={field.value} onChange={field.onChange} error={e[name]?.message} />
              )}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="form-section campaign-form__group">
        <legend>Who</legend>
        <div className="form-grid">
          <Field id="campaign-owner" label="Owner" error={e.ownerId?.message}>
            <select id="campaign-owner" {...register('ownerId')} {...describedBy('campaign-owner', e.ownerId?.message)}>
              {campaign ? null : <option value="">Me (default)</option>}
              {ownerOptions.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="campaign-parent" label="Part of program" error={e.parentId?.message}>
            <select id="campaign-parent" {...register('parentId')} {...describedBy('campaign-parent', e.parentId?.message)}>
              <option value="">None</option>
              {programOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          {started ? (
            <div className="field">
              <span className="campaign-form__label">Audience</span>
              <p>{campaign.audienceList ? campaign.audienceList.name : <span className="muted">No list</span>}</p>
              <p className="field__hint">Fixed once the campaign has started.</p>
            </div>
          ) : (
            <Field id="campaign-audience" label="Audience (target list)" error={e.audienceListId?.message} hint="Its members are enrolled when the campaign starts.">
              <select id="campaign-audience" {...register('audienceListId')} {...describedBy('campaign-audience', e.audienceListId?.message)}>
                <option value="">No list</option>
                {campaign?.audienceList && !listOptions.some((l) => l.id === campaign.audienceList!.id) ? (
                  <option value={campaign.audienceList.id}>{campaign.audienceList.name}</option>
                ) : null}
                {listOptions.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name} ({l.memberCount.toLocaleString('en')})
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
      </fieldset>

      {started ? null : <TriggerFields register={register} errors={e} kind={triggerKind} />}
      <SendSettingsFields register={register} errors={e} quietEnabled={quietEnabled} timeZone={timeZone} />
    </FormShell>
  );
}
