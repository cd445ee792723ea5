import { VARIANT_KEYS } from '../../../../shared/contract/campaigns';
import { AbTestFields } from './AbTestFields';
import { addVariant, removeVariant, type EmailVariantDraft, type StepDraft } from './journeyDraft';
import type { InsertTarget } from './useInsertTarget';

type EmailStep = Extract<StepDraft, { channel: 'email' }>;

export interface EmailStepFieldsProps {
  step: EmailStep;
  idPrefix: string;
  target: InsertTarget;
  onChange: (step: StepDraft) => void;
}

/** An e-mail's variants A–D (share, subject, HTML and optional text part) and its A/B test. */
export function EmailStepFields({ step, idPrefix, target, onChange }: EmailStepFieldsProps) {
  const setVariant = (index: number, patch: Partial<EmailVariantDraft>) =>
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
              <div className="field journey-variant__subject">
                <label htmlFor={`${id}-subject`}>Subject</label>
                <input
                  id={`${id}-subject`}
                  type="text"
                  maxLength={300}
                  value={v.subject}
                  onFocus={(e) => target.track(e.currentTarget, (subject) => setVariant(i, { subject }))}
                  onChange={(e) => setVariant(i, { subject: e.target.value })}
                />
              </div>
              {several ? (
                <button type="button" className="btn btn--small btn--ghost" onClick={() => onChange(removeVariant(step, i))}>
                  Remove variant {v.key}
                </button>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`${id}-html`}>HTML body</label>
              <textarea
                id={`${id}-html`}
                rows={8}
                className="journey-code"
                value={v.html}
                onFocus={(e) => target.track(e.currentTarget, (html) => setVariant(i, { html }))}
                onChange={(e) => setVariant(i, { html: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-text`}>Text part (optional)</label>
              <textarea
                id={`${id}-text`}
                rows={3}
                aria-describedby={`${id}-text-hint`}
                value={v.text}
                onFocus={(e) => target.track(e.currentTarget, (text) => setVariant(i, { text }))}
                onChange={(e) => setVariant(i, { text: e.target.value })}
              />
              <p className="field__hint" id={`${id}-text-hint`}>
                For mail programs that show no HTML; made from the HTML when left empty.
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
