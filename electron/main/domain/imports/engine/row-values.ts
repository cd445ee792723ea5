import type { RowError } from '../../../../../shared/contract/imports';
import { unescapeFormula } from '../../exports/escape-cell';

/**
 * The mapped, non-empty cells of a row by field key; an empty cell means "no
 * value" (and an update leaves the field alone). The apostrophe our export puts
 * before "+49…" (against formula injection) comes off again.
 */
export function mappedValues(values: readonly string[], columns: readonly (string | null)[]): Map<string, string> {
  const out = new Map<string, string>();
  columns.forEach((field, i) => {
    const text = values[i] === undefined ? undefined : unescapeFormula(values[i]!.trim());
    if (field !== null && text) out.set(field, text);
  });
  return out;
}

/**
 * A row with fewer cells than the header has shifted or lost data, so it is
 * refused; trailing empty cells (spreadsheets add them) are fine.
 */
export function widthError(values: readonly string[], headerCount: number, row: number, line: number): RowError | null {
  if (values.length === headerCount) return null;
  if (values.length > headerCount && values.slice(headerCount).every((v) => v.trim() === '')) return null;
  return { row, line, field: null, message: `The row has ${values.length} values but the header has ${headerCount} columns` };
}
