import type { RowError } from '../../../../shared/contract/imports';
import { IMPORT_FIELDS, type ImportTarget } from '../../../../shared/imports/fields';

/** Row errors as "Row 3 (line 4) · E-mail: Not an e-mail address"; the first hundred, the error file has all. */
export function ImportErrorList({ target, errors, total }: { target: ImportTarget; errors: RowError[]; total: number }) {
  if (!errors.length) return null;
  const label = new Map(IMPORT_FIELDS[target].map((f) => [f.key, f.label]));
  return (
    <div className="import-error-list">
      <h3>Rows with errors{total > errors.length ? ` (the first ${errors.length} of ${total} rows)` : ''}</h3>
      <ul aria-label="Row errors">
        {errors.map((e, i) => (
          <li key={i}>
            <strong>
              Row {e.row} (line {e.line})
            </strong>{' '}
            · {e.field ? `${label.get(e.field) ?? e.field}: ` : ''}
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
