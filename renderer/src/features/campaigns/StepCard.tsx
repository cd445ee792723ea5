import { useState } from 'react';
import { STEP_CONDITIONS } from '../../../../shared/contract/campaigns';
import { formatWait } from './campaignFormat';
import { EmailStepFields } from './EmailStepFields';
import { delayMinutesOf, type StepDraft } from './journeyDraft';
import { CHANNEL_LABELS, CONDITION_LABELS } from './labels';
import { MergeFieldChips } from './MergeFieldChips';
import { SmsStepFields } from './SmsStepFields';
import { StepPreview } from './StepPreview';
import { useInsertTarget } from './useInsertTarget';

export interface StepCardProps {
  step: StepDraft;
  index: number;
  count: number;
  readOnly: boolean;
  /** The journey has unsaved changes: a preview shows the saved step. */
  dirty: boolean;
  onChange: (step: StepDraft) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}

/** One step of the journey: when it comes, who gets it, and what it says. */
export function StepCard({ step, index, count, readOnly, dirty, onChange, onMove, onRemove }: StepCardProps) {
  const [previewing, setPreviewing] = useState(false);
  const target = useInsertTarget();
  const label = `Step ${index + 1}: ${CHANNEL_LABELS[step.channel]}`;
  const id = step.uid;
  const minutes = delayMinutesOf(step);
  const wait = Number.isFinite(minutes) ? formatWait(minutes) : '…';
  const variants = step.channel === 'email' || step.channel === 'sms' ? step.variants.map((v) => v.key) : [];
  return (
    <li className="journey-step" id={`journey-${id}`}>
      <fieldset className="journey-step__box">
        <legend>{label}</legend>
        <div className="journey-step__head">
          <p className="muted">
            {index === 0 ? 'After enrolment: ' : 'After the previous step: '}
            {wait}
          </p>
          <div className="journey-step__actions">
            {step.savedId !== null ? (
              <button type="button" className="btn btn--small" aria-expanded={previewing} onClick={() => setPreviewing((p) => !p)}>
                {previewing ? 'Close preview' : 'Preview'}
                <span className="sr-only"> {label}</span>
              </button>
            ) : null}
            {readOnly ? null : (
              <>
                <button type="button" id={`move-up-${id}`} className="btn btn--small" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move up: ${label}`} title="Move up">
                  ▲
                </button>
                <button type="button" id={`move-down-${id}`} className="btn btn--small" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move down: ${label}`} title="Move down">
                  ▼
                </button>
                <button type="button" className="btn btn--small btn--danger" onClick={onRemove} aria-label={`Remove ${label}`}>
                  Remove
                </button>
              </>
            )}
          </div>
        </div>
        <fieldset className="journey-step__body" disabled={readOnly}>
          <div className="journey-step__when">
            <div className="field">
              <label htmlFor={`${id}-days`}>Wait (days)</label>
              <input id={`${id}-days`} type="number" min={0} step={1} value={step.waitDays} onChange={(e) => onChange({ ...step, waitDays: e.target.value, extraMinutes: 0 })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-hours`}>Wait (hours)</label>
              <input id={`${id}-hours`} type="number" min={0} max={23} step={1} value={step.waitHours} onChange={(e) => onChange({ ...step, waitHours: e.target.value, extraMinutes: 0 })} />
            </div>
            <div className="field journey-step__condition">
              <label htmlFor={`${id}-condition`}>Who gets it</label>
              <select id={`${id}-condition`} value={step.condition} onChange={(e) => onChange({ ...step, condition: e.target.value as StepDraft['condition'] })}>
                {STEP_CONDITIONS.map((c) => (
                  <option key={c} value={c}>
                    {CONDITION_LABELS[c]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {step.channel === 'email' ? <EmailStepFields step={step} idPrefix={id} target={target} onChange={onChange} /> : null}
          {step.channel === 'sms' ? <SmsStepFields step={step} idPrefix={id} target={target} onChange={onChange} /> : null}
          {step.channel === 'letter' ? (
            <>
              <div className="field">
                <label htmlFor={`${id}-subject`}>Subject line (optional)</label>
                <input
                  id={`${id}-subject`}
                  type="text"
                  maxLength={200}
                  value={step.subject}
                  onFocus={(e) => target.track(e.currentTarget, (subject) => onChange({ ...step, subject }))}
                  onChange={(e) => onChange({ ...step, subject: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-body`}>Letter</label>
                <textarea
                  id={`${id}-body`}
                  rows={10}
                  value={step.body}
                  onFocus={(e) => target.track(e.currentTarget, (body) => onChange({ ...step, body }))}
                  onChange={(e) => onChange({ ...step, body: e.target.value })}
                />
              </div>
            </>
          ) : null}
          {step.channel === 'call' ? (
            <div className="field">
              <label htmlFor={`${id}-script`}>Call script</label>
              <textarea id={`${id}-script`} rows={6} aria-describedby={`${id}-script-hint`} value={step.script} onChange={(e) => onChange({ ...step, script: e.target.value })} />
              <p className="field__hint" id={`${id}-script-hint`}>
                What the rep sees beside the number in “My calls”.
              </p>
            </div>
          ) : null}
          {step.channel !== 'call' ? <MergeFieldChips target={target} stepLabel={label} /> : null}
        </fieldset>
        {previewing && step.savedId !== null ? <StepPreview stepId={step.savedId} channel={step.channel} variants={variants} label={label} stale={dirty} /> : null}
      </fieldset>
    </li>
  );
}
