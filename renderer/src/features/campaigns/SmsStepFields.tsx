import type { StepDraft } from './journeyDraft';
import type { InsertTarget } from './useInsertTarget';
import { VariantList } from './VariantList';

type SmsStep = Extract<StepDraft, { channel: 'sms' }>;

export interface SmsStepFieldsProps {
  step: SmsStep;
  idPrefix: string;
  target: InsertTarget;
  onChange: (step: StepDraft) => void;
}

/** An SMS's variants (share and text, at most 640 characters) and its A/B test. */
export function SmsStepFields({ step, idPrefix, target, onChange }: SmsStepFieldsProps) {
  return (
    <VariantList
      step={step}
      idPrefix={idPrefix}
      onChange={onChange}
      body={(v, set, id) => (
        <div className="field">
          <label htmlFor={`${id}-text`}>Message</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            maxLength={640}
            aria-describedby={`${id}-count`}
            value={v.text}
            onFocus={(e) => target.track(e.currentTarget, (text) => set({ text }))}
            onChange={(e) => set({ text: e.target.value })}
          />
          <p className="field__hint" id={`${id}-count`}>
            {v.text.length} of 640 characters (merge fields count as what they become)
          </p>
        </div>
      )}
    />
  );
}
