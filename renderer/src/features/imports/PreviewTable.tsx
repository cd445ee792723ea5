import type { Output } from '../../../../shared/contract';
import { IMPORT_FIELDS, type ImportTarget } from '../../../../shared/imports/fields';

type PreviewRow = Output<'imports.preview'>['rows'][number];

const ACTION_LABELS: Record<PreviewRow['action'], string> = { create: 'New', update: 'Update', unchanged: 'No change', error: 'Error' };

/** The first rows as they would be imported: the mapped values, what happens to the row, and every error in it. */
export function PreviewTable({ target, rows, columns }: { target: ImportTarget; rows: PreviewRow[]; columns: (string | null)[] }) {
  const fields = IMPORT_FIELDS[target].filter((f) => columns.includes(f.key));
  const label = new Map(IMPORT_FIELDS[target].map((f) => [f.key, f.label]));
  return (
    <div className="import-preview">
      <table className="import-table" aria-label="Preview of the first rows">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Result</th>
            {fields.map((f) => (
              <th key={f.key} scope="col">
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const bad = new Set(r.errors.map((e) => e.field));
            return (
              <tr key={r.row} className={r.errors.length ? 'import-table__row--error' : undefined}>
                <th scope="row">{r.row}</th>
                <td>
                  {ACTION_LABELS[r.action]}
                  {r.errors.length ? (
                    <ul className="import-errors">
                      {r.errors.map((e, i) => (
                        <li key={i}>{e.field ? `${label.get(e.field) ?? e.field}: ${e.message}` : e.message}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                {fields.map((f) => (
                  <td key={f.key} className={bad.has(f.key) ? 'import-table__cell--error' : undefined}>
                    {r.values[f.key] ?? ''}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
