import type { StepDraft } from './journeyDraft';
import type { InsertTarget } from './useInsertTarget';
import { VariantList } from './VariantList';

type EmailStep = Extract<StepDraft, { channel: 'email' }>;

export interface EmailStepFieldsProps {
  step: EmailStep;
  idPrefix: string;
  target: InsertTarget;
  onChange: (step: StepDraft) => void;
}

/** An e-mail's variants A–D (share, subject, HTML and optional text part) and its A/B test. */
export function EmailStepFields({ step, idPrefix, target, onChange }: EmailStepFieldsProps) {
  return (
    <VariantList
      step={step}
      idPrefix={idPrefix}
      onChange={onChange}
      head={(v, set, id) => (
        <div className="field journey-variant__subject">
          <label htmlFor={`${id}-subject`}>Subject</label>
          <input
            id={`${id}-subject`}
            type="text"
            maxLength={300}
            value={v.subject}
            onFocus={(e) => target.track(e.currentTarget, (subject) => set({ subject }))}
            onChange={(e) => set({ subject: e.target.value })}
          />
        </div>
      )}
      body={(v, set, id) => (
        <>
          <div className="field">
            <label htmlFor={`${id}-html`}>HTML body</label>
            <textarea
              id={`${id}-html`}
              rows={8}
              className="journey-code"
              value={v.html}
              onFocus={(e) => target.track(e.currentTarget, (html) => set({ html }))}
              onChange={(e) => set({ html: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>Text part (optional)</label>
            <textarea
              id={`${id}-text`}
              rows={3}
              aria-describedby={`${id}-text-hint`}
              value={v.text}
              onFocus={(e) => target.track(e.currentTarget, (text) => set({ text }))}
              onChange={(e) => set({ text: e.target.value })}
            />
            <p className="field__hint" id={`${id}-text-hint`}>
              For mail programs that show no HTML; made from the HTML when left empty.
            </p>
          </div>
        </>
      )}
    />
  );
}
