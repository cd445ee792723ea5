import { VARIANT_KEYS } from '../../../../shared/contract/campaigns';
import { AbTestFields } from './AbTestFields';
import { addVariant, removeVariant, type SmsVariantDraft, type StepDraft } from './journeyDraft';
import type { InsertTarget } from './useInsertTarget';

type SmsStep = Extract<StepDraft, { channel: 'sms' }>;

export interface SmsStepFieldsProps {
  step: SmsStep;
  idPrefix: string;
  target: InsertTarget;
  onChange: (step: StepDraft) => void;
}

/** An SMS's variants (share and text, at most 640 characters) and its A/B test. */
export function SmsStepFields({ step, idPrefix, target, onChange }: SmsStepFieldsProps) {
  const setVariant = (index: number, patch: Partial<SmsVariantDraft>) =>
    onChange({ ...step, variants: step.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) });
  const total = step.variants.reduce((sum, v) => sum + (Number(v.share) || 0), 0);
  const several = step.variants.length > 1;
  return (
    <div className="journey-variants">
      {step.variants.map((v, i) => {
        const id = `${idPrefix}-v${v.key}`;
        return (
          <fieldset key={v.key} className="journey-variant">
            <legend>Variant {v.key}</legend>
            <div className="journey-variant__head">
              {several ? (
                <div className="field journey-variant__share">
                  <label htmlFor={`${id}-share`}>Share (%)</label>
                  <input id={`${id}-share`} type="number" min={1} max={100} step={1} value={v.share} onChange={(e) => setVariant(i, { share: e.target.value })} />
                </div>
              ) : null}
              {several ? (
                <button type="button" className="btn btn--small btn--ghost" onClick={() => onChange(removeVariant(step, i))}>
                  Remove variant {v.key}
                </button>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`${id}-text`}>Message</label>
              <textarea
                id={`${id}-text`}
                rows={3}
                maxLength={640}
                aria-describedby={`${id}-count`}
                value={v.text}
                onFocus={(e) => target.track(e.currentTarget, (text) => setVariant(i, { text }))}
                onChange={(e) => setVariant(i, { text: e.target.value })}
              />
              <p className="field__hint" id={`${id}-count`}>
                {v.text.length} of 640 characters (merge fields count as what they become)
              </p>
            </div>
          </fieldset>
        );
      })}
      <div className="journey-variants__foot">
        {step.variants.length < VARIANT_KEYS.length ? (
          <button type="button" className="btn btn--small" onClick={() => onChange(addVariant(step))}>
            Add variant {VARIANT_KEYS[step.variants.length]}
          </button>
        ) : null}
        {several ? <span className={total === 100 ? 'muted' : 'field__error'}>Shares add up to {total}%</span> : null}
      </div>
      {several ? <AbTestFields idPrefix={idPrefix} ab={step.ab} onChange={(ab) => onChange({ ...step, ab })} /> : null}
    </div>
  );
}
