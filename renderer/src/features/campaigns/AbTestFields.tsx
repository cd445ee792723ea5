import type { AbDraft } from './journeyDraft';

export interface AbTestFieldsProps {
  idPrefix: string;
  ab: AbDraft;
  onChange: (ab: AbDraft) => void;
}

/** Test the variants on a part of the audience first; after the wait the rest gets the one answered most. */
export function AbTestFields({ idPrefix, ab, onChange }: AbTestFieldsProps) {
  return (
    <div className="journey-ab">
      <label className="check" htmlFor={`${idPrefix}-ab`}>
        <input id={`${idPrefix}-ab`} type="checkbox" checked={ab.enabled} onChange={(e) => onChange({ ...ab, enabled: e.target.checked })} /> A/B test: try the variants on
        part of the audience first
      </label>
      {ab.enabled ? (
        <div className="journey-ab__fields">
          <div className="field">
            <label htmlFor={`${idPrefix}-ab-percent`}>Test on (% of the audience)</label>
            <input id={`${idPrefix}-ab-percent`} type="number" min={1} max={100} step={1} value={ab.testPercent} onChange={(e) => onChange({ ...ab, testPercent: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-ab-wait`}>Then wait (hours) before sending the winner</label>
            <input id={`${idPrefix}-ab-wait`} type="number" min={0} step="any" value={ab.waitHours} onChange={(e) => onChange({ ...ab, waitHours: e.target.value })} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
