export interface PagerProps {
  label: string;
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}

/** "1–50 of 230" with Previous and Next. */
export function Pager({ label, offset, limit, total, onChange }: PagerProps) {
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="campaign-pager" aria-label={label}>
      <button type="button" className="btn btn--small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span>
        {(offset + 1).toLocaleString('en')}–{Math.min(offset + limit, total).toLocaleString('en')} of {total.toLocaleString('en')}
      </span>
      <button type="button" className="btn btn--small" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        Next
      </button>
    </nav>
  );
}
