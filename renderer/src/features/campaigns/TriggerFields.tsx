import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { TRIGGER_KINDS } from '../../../../shared/contract/campaigns';
import { LEAD_SOURCES } from '../../../../shared/contract/leads';
import { Field, describedBy } from '../../components/Field';
import { optionLabel } from '../segments/labels';
import type { CampaignFormValues } from './campaignFormValues';
import { TRIGGER_LABELS } from './labels';
import { usePipelines } from './queries';

export interface TriggerFieldsProps {
  register: UseFormRegister<CampaignFormValues>;
  errors: FieldErrors<CampaignFormValues>;
  kind: CampaignFormValues['trigger']['kind'];
}

/** An event that enrols a record by itself while the campaign runs, with the parameters its kind needs. */
export function TriggerFields({ register, errors, kind }: TriggerFieldsProps) {
  const pipelines = usePipelines();
  const e = errors.trigger;
  const kindError = e?.kind?.message ?? e?.message;
  return (
    <fieldset className="form-section campaign-form__group">
      <legend>Trigger</legend>
      <div className="form-grid">
        <Field id="trigger-kind" label="Enrol automatically when" error={kindError} hint="Besides the audience list: records that meet the trigger while the campaign is active join it.">
          <select id="trigger-kind" {...register('trigger.kind')} {...describedBy('trigger-kind', kindError)}>
            <option value="">No trigger</option>
            {TRIGGER_KINDS.map((k) => (
              <option key={k} value={k}>
                {TRIGGER_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'leadCreated' ? (
          <Field id="trigger-source" label="With lead source" error={e?.source?.message}>
            <select id="trigger-source" {...register('trigger.source')}>
              <option value="">Any source</option>
              {LEAD_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {optionLabel(s)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {kind === 'opportunityStage' ? (
          <Field id="trigger-stage" label="Stage" required error={e?.stageId?.message}>
            <select id="trigger-stage" {...register('trigger.stageId')} {...describedBy('trigger-stage', e?.stageId?.message)}>
              <option value="">Choose a stage…</option>
              {pipelines.data?.map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
        ) : null}
        {kind === 'quoteNotAccepted' || kind === 'inactivity' ? (
          <Field id="trigger-days" label={kind === 'inactivity' ? 'Days without activity' : 'Days after the quote was sent'} required error={e?.days?.message}>
            <input id="trigger-days" type="number" min={1} step={1} {...register('trigger.days')} {...describedBy('trigger-days', e?.days?.message)} />
          </Field>
        ) : null}
      </div>
    </fieldset>
  );
}
