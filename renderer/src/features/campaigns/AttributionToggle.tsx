export type Attribution = 'first' | 'last';

/** Which campaign gets the credit for a lead or a won deal: the one that touched it first, or last. */
export function AttributionToggle({ value, onChange }: { value: Attribution; onChange: (value: Attribution) => void }) {
  return (
    <fieldset className="roi-attribution">
      <legend>Credit a win to the campaign that touched it</legend>
      <label className="check">
        <input type="radio" name="roi-attribution" checked={value === 'last'} onChange={() => onChange('last')} /> Last
      </label>
      <label className="check">
        <input type="radio" name="roi-attribution" checked={value === 'first'} onChange={() => onChange('first')} /> First
      </label>
    </fieldset>
  );
}
