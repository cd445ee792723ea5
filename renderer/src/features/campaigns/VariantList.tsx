import type { ReactNode } from 'react';
import { VARIANT_KEYS } from '../../../../shared/contract/campaigns';
import { AbTestFields } from './AbTestFields';
import { addVariant, removeVariant, type StepDraft } from './journeyDraft';

type VariantStep = Extract<StepDraft, { channel: 'email' | 'sms' }>;
type VariantOf<S extends VariantStep> = S['variants'][number];

export interface VariantListProps<S extends VariantStep> {
  step: S;
  idPrefix: string;
  onChange: (step: StepDraft) => void;
  /** Fields beside the share in a variant's head (an e-mail's subject). */
  head?: (variant: VariantOf<S>, set: (patch: Partial<VariantOf<S>>) => void, id: string) => ReactNode;
  /** The variant's content fields. */
  body: (variant: VariantOf<S>, set: (patch: Partial<VariantOf<S>>) => void, id: string) => ReactNode;
}

/** A message step's variants A–D: shares, add and remove, the shares' total, and the A/B test once there are several. */
export function VariantList<S extends VariantStep>({ step, idPrefix, onChange, head, body }: VariantListProps<S>) {
  const variants = step.variants as VariantOf<S>[];
  const setVariant = (index: number) => (patch: Partial<VariantOf<S>>) =>
    onChange({ ...step, variants: variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) } as StepDraft);
  const total = variants.reduce((sum, v) => sum + (Number(v.share) || 0), 0);
  const several = variants.length > 1;
  return (
    <div className="journey-variants">
      {variants.map((v, i) => {
        const id = `${idPrefix}-v${v.key}`;
        const set = setVariant(i);
        return (
          <fieldset key={v.key} className="journey-variant">
            <legend>Variant {v.key}</legend>
            <div className="journey-variant__head">
              {several ? (
                <div className="field journey-variant__share">
                  <label htmlFor={`${id}-share`}>Share (%)</label>
                  <input id={`${id}-share`} type="number" min={1} max={100} step={1} value={v.share} onChange={(e) => set({ share: e.target.value } as Partial<VariantOf<S>>)} />
                </div>
              ) : null}
              {head?.(v, set, id)}
              {several ? (
                <button type="button" className="btn btn--small btn--ghost" onClick={() => onChange(removeVariant(step, i))}>
                  Remove variant {v.key}
                </button>
              ) : null}
            </div>
            {body(v, set, id)}
          </fieldset>
        );
      })}
      <div className="journey-variants__foot">
        {variants.length < VARIANT_KEYS.length ? (
          <button type="button" className="btn btn--small" onClick={() => onChange(addVariant(step))}>
            Add variant {VARIANT_KEYS[variants.length]}
          </button>
        ) : null}
        {several ? <span className={total === 100 ? 'muted' : 'field__error'}>Shares add up to {total}%</span> : null}
      </div>
      {several ? <AbTestFields idPrefix={idPrefix} ab={step.ab} onChange={(ab) => onChange({ ...step, ab })} /> : null}
    </div>
  );
}
