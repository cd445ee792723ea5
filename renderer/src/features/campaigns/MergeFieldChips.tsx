import { useId } from 'react';
import { MERGE_FIELDS } from './labels';
import type { InsertTarget } from './useInsertTarget';

/** The merge fields as buttons: each puts `{{name}}` where the cursor was in the step's last focused text. */
export function MergeFieldChips({ target, stepLabel }: { target: InsertTarget; stepLabel: string }) {
  const id = useId();
  return (
    <div className="merge-chips" role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
      <span id={`${id}-label`} className="merge-chips__label">
        Merge fields<span className="sr-only"> for {stepLabel}</span>
      </span>
      <span id={`${id}-hint`} className="field__hint">
        {target.ready ? 'Inserted where the cursor was; an unknown field is refused when saving.' : 'Click into a subject or text first.'}
      </span>
      <div className="merge-chips__list">
        {MERGE_FIELDS.map((f) => (
          <button key={f.name} type="button" className="merge-chip" disabled={!target.ready} title={f.label} aria-label={`Insert ${f.label}`} onClick={() => target.insert(`{{${f.name}}}`)}>
            {`{{${f.name}}}`}
          </button>
        ))}
      </div>
    </div>
  );
}
