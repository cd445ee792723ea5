import { IMPORT_FIELDS, type ImportTarget } from '../../../../shared/imports/fields';

export interface MappingTableProps {
  target: ImportTarget;
  headers: string[];
  sample: string[][];
  columns: (string | null)[];
  onChange: (columns: (string | null)[]) => void;
}

/** One row per column of the file: its header, a few values, and the field it fills (or none). */
export function MappingTable({ target, headers, sample, columns, onChange }: MappingTableProps) {
  const fields = IMPORT_FIELDS[target];
  const used = new Map(columns.map((f, i) => [f, i]));
  const missing = fields.filter((f) => f.required && !used.has(f.key));
  return (
    <>
      {missing.length ? (
        <p className="banner banner--warning" role="note">
          Map a column to {missing.map((f) => f.label).join(', ')}: {missing.length === 1 ? 'it is' : 'they are'} required.
        </p>
      ) : null}
      <table className="import-table" aria-label="Column mapping">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">First values</th>
            <th scope="col">Imported into</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, i) => (
            <tr key={`${i}-${header}`}>
              <th scope="row">{header}</th>
              <td className="import-table__sample">
                {sample
                  .slice(0, 3)
                  .map((r) => r[i] ?? '')
                  .filter(Boolean)
                  .join(' · ') || <span className="muted">empty</span>}
              </td>
              <td>
                <select
                  aria-label={`Field for ${header}`}
                  value={columns[i] ?? ''}
                  onChange={(e) => {
                    const next = [...columns];
                    const field = e.target.value || null;
                    // A field fills from one column: taking it here frees it elsewhere.
                    if (field !== null) next.forEach((f, j) => f === field && j !== i && (next[j] = null));
                    next[i] = field;
                    onChange(next);
                  }}
                >
                  <option value="">— Do not import —</option>
                  {fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                      {f.required ? ' (required)' : ''}
                      {used.has(f.key) && used.get(f.key) !== i ? ` — now from "${headers[used.get(f.key)!]}"` : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
