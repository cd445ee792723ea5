import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FORECAST_CATEGORIES, type Pipeline } from '../../../../shared/contract/opportunities';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { MoneyInput } from '../../components/MoneyInput';
import type { PickedRecord } from '../../components/RecordPicker';
import { RecordPickerField } from '../../components/RecordPickerField';
import { searchAccounts } from '../accounts/queries';
import { OwnerFields, ownerIdFromSelect } from '../admin/OwnerFields';
import { forecastCategoryLabel } from './labels';
import {
  OPPORTUNITY_FIELD_NAMES,
  OpportunityFormSchema,
  firstOpenStage,
  type OpportunityFormOutput,
  type OpportunityFormValues,
} from './opportunityFormValues';
import { searchContacts } from './queries';

export interface OpportunityPicks {
  account: PickedRecord | null;
  contact: PickedRecord | null;
}

export interface OpportunityFormProps {
  defaultValues: OpportunityFormValues;
  picks: OpportunityPicks;
  pipelines: Pipeline[];
  /** Edit only: the current owner, listed before the users have loaded (or when no longer active). */
  owner?: { id: number; name: string };
  onSave: (values: OpportunityFormOutput, changed: Partial<OpportunityFormOutput>) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<{ values: OpportunityFormValues; picks: OpportunityPicks }>;
  submitLabel: string;
}

/** What entering a stage does to the probability: the stage's default, 100 when won, 0 when lost. */
function stageProbability(stage: Pipeline['stages'][number]): number {
  return stage.kind === 'won' ? 100 : stage.kind === 'lost' ? 0 : stage.probability;
}

/** The contract's schema plus the backend's rule that a lost stage needs a reason, so it shows before saving. */
function withLostReason(pipelines: Pipeline[]) {
  const lostStages = new Set(pipelines.flatMap((p) => p.stages.filter((s) => s.kind === 'lost').map((s) => s.id)));
  return OpportunityFormSchema.superRefine((v, ctx) => {
    if (v.stageId !== undefined && lostStages.has(v.stageId) && !v.lostReason) {
      ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'A lost reason is required' });
    }
  });
}

const numberOrUndefined = (v: unknown) => (v === '' || v === null || v === undefined || Number.isNaN(Number(v)) ? undefined : Number(v));

/** Create or edit an opportunity; validated with the contract's OpportunityInput schema. */
export function OpportunityForm({ defaultValues, picks, pipelines, owner, onSave, onCancel, onReload, submitLabel }: OpportunityFormProps) {
  const form = useForm<OpportunityFormValues, unknown, OpportunityFormOutput>({
    resolver: zodResolver(useMemo(() => withLostReason(pipelines), [pipelines])),
    defaultValues,
    reValidateMode: 'onChange',
  });
  const { register, control, setValue, watch, formState: { errors: e } } = form;
  const [account, setAccount] = useState<PickedRecord | null>(picks.account);
  const [contact, setContact] = useState<PickedRecord | null>(picks.contact);

  const pipelineId = watch('pipelineId');
  const stageId = watch('stageId');
  const accountId = watch('accountId');
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === stageId);
  const lost = stage?.kind === 'lost';
  const closed = stage !== undefined && stage.kind !== 'open';
  // Inactive stages only stay offered to the opportunity already in one.
  const stages = pipeline?.stages.filter((s) => s.active || s.id === defaultValues.stageId) ?? [];

  const reload =
    onReload &&
    (async () => {
      const fresh = await onReload();
      setAccount(fresh.picks.account);
      setContact(fresh.picks.contact);
      return fresh.values;
    });

  const amountError = e.amount?.message ?? e.amount?.amountMinor?.message ?? e.amount?.currency?.message;
  return (
    <FormShell
      form={form}
      label="Opportunity"
      fieldNames={OPPORTUNITY_FIELD_NAMES}
      submitLabel={submitLabel}
      onSave={onSave}
      onCancel={onCancel}
      onReload={reload}
    >
      <div className="form-grid">
        <Field id="name" label="Name" required error={e.name?.message} className="field--wide">
          <input id="name" type="text" autoComplete="off" autoFocus aria-required="true" {...register('name')} {...describedBy('name', e.name?.message)} />
        </Field>
        <RecordPickerField
          control={control}
          name="accountId"
          label="Account"
          hint="Type the start of the account's name"
          error={e.accountId}
          picked={account}
          onPick={(picked) => {
            setAccount(picked);
            if (picked?.id !== account?.id && contact) {
              setContact(null);
              setValue('primaryContactId', null, { shouldDirty: true });
            }
          }}
          search={searchAccounts}
        />
        <RecordPickerField
          control={control}
          name="primaryContactId"
          label="Primary contact"
          hint={accountId ? "Contacts of the account; type a last name" : "Type the start of a last name"}
          error={e.primaryContactId}
          picked={contact}
          onPick={setContact}
          search={(text) => searchContacts(text, accountId ?? null)}
        />
        <Field id="pipelineId" label="Pipeline" error={e.pipelineId?.message}>
          <select
            id="pipelineId"
            {...register('pipelineId', {
              setValueAs: numberOrUndefined,
              onChange: (event: { target: { value: string } }) => {
                const next = firstOpenStage(pipelines.find((p) => p.id === Number(event.target.value)));
                if (next) {
                  setValue('stageId', next.id, { shouldDirty: true });
                  setValue('probability', stageProbability(next), { shouldDirty: true });
                }
              },
            })}
            {...describedBy('pipelineId', e.pipelineId?.message)}
          >
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="stageId" label="Stage" error={e.stageId?.message}>
          <select
            id="stageId"
            {...register('stageId', {
              setValueAs: numberOrUndefined,
              onChange: (event: { target: { value: string } }) => {
                const next = pipeline?.stages.find((s) => s.id === Number(event.target.value));
                if (next) setValue('probability', stageProbability(next), { shouldDirty: true });
              },
            })}
            {...describedBy('stageId', e.stageId?.message)}
          >
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.active ? '' : ' (inactive)'}
              </option>
            ))}
          </select>
        </Field>
        <Controller
          control={control}
          name="amount"
          render={({ field }) => <MoneyInput id="amount" label="Amount" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={amountError} />}
        />
        <Field
          id="probability"
          label="Probability (%)"
          error={e.probability?.message}
          hint={closed ? 'Fixed by the closed stage' : stage ? `The stage's default is ${stage.probability} %` : undefined}
        >
          <input
            id="probability"
            type="number"
            min={0}
            max={100}
            step={1}
            readOnly={closed}
            {...register('probability', { setValueAs: numberOrUndefined })}
            {...describedBy('probability', e.probability?.message)}
          />
        </Field>
        <Field id="expectedCloseDate" label="Expected close" error={e.expectedCloseDate?.message}>
          <input id="expectedCloseDate" type="date" {...register('expectedCloseDate')} {...describedBy('expectedCloseDate', e.expectedCloseDate?.message)} />
        </Field>
        <Field id="forecastCategory" label="Forecast category" error={e.forecastCategory?.message}>
          <select id="forecastCategory" {...register('forecastCategory')} {...describedBy('forecastCategory', e.forecastCategory?.message)}>
            {FORECAST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {forecastCategoryLabel(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="nextStep" label="Next step" error={e.nextStep?.message} className="field--wide">
          <input id="nextStep" type="text" autoComplete="off" {...register('nextStep')} {...describedBy('nextStep', e.nextStep?.message)} />
        </Field>
        {lost ? (
          <Field id="lostReason" label="Lost reason" required error={e.lostReason?.message} className="field--wide">
            <input id="lostReason" type="text" autoComplete="off" aria-required="true" {...register('lostReason')} {...describedBy('lostReason', e.lostReason?.message)} />
          </Field>
        ) : null}
        <OwnerFields
          ownerField={register('ownerId', { setValueAs: ownerIdFromSelect })}
          lockField={register('ownerLocked')}
          error={e.ownerId?.message}
          owner={owner}
          emptyLabel={owner ? undefined : 'Me (default)'}
        />
      </div>
    </FormShell>
  );
}
