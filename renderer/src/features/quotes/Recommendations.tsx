import type { ConfigurationCheck } from '../../../../shared/contract/catalog';

export interface RecommendationsProps {
  check: ConfigurationCheck | undefined;
  /** The product being added, while it is. */
  busyId: number | null;
  onAdd: (target: ConfigurationCheck['suggestions'][number]['target']) => void;
}

/** The configurator's verdict on the products on the quote: combinations it refuses, and recommended add-ons with an Add button. */
export function Recommendations({ check, busyId, onAdd }: RecommendationsProps) {
  if (!check) return null;
  const seen = new Set<number>();
  const suggestions = check.suggestions.filter((s) => (seen.has(s.target.id) ? false : (seen.add(s.target.id), true)));
  return (
    <>
      {check.errors.length ? (
        <div className="banner banner--error quote-rules" role="alert">
          <div className="banner__text">
            <strong>These products cannot be quoted together yet</strong>
            <ul className="quote-rules__list">
              {check.errors.map((e) => (
                <li key={`${e.productId}-${e.targetId}-${e.kind}`}>{e.message}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {suggestions.length ? (
        <ul className="quote-suggestions" aria-label="Recommended products">
          {suggestions.map((s) => (
            <li key={s.target.id} className="quote-suggestion" title={s.message}>
              <span>
                Recommended: <strong>{s.target.name}</strong>
              </span>
              <button type="button" className="btn btn--small" onClick={() => onAdd(s.target)} disabled={busyId !== null} aria-label={`Add ${s.target.name}`}>
                {busyId === s.target.id ? 'Adding…' : 'Add'}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
