import { csvErrors } from './csv-file-error';

/** Header names as the user means them: surrounding spaces are an accident of the export. */
export function headerNames(values: readonly string[]): string[] {
  return values.map((v) => v.trim());
}

/** What makes two column names the same for mapping: case, spaces and Unicode form do not count. */
export function headerKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, '').toLocaleLowerCase('en-US');
}

/**
 * Refuses a header in which two columns have the same name (the import could not tell which one a
 * mapping means). Every pair is listed in `issues`; the message names the first. Columns without a
 * name are allowed, as many as there are: see `columnLabel`.
 */
export function assertUniqueHeaders(headers: readonly string[], line: number): void {
  const firstColumn = new Map<string, number>();
  const pairs: { first: number; second: number; name: string }[] = [];
  headers.forEach((name, index) => {
    if (name === '') return;
    const key = headerKey(name);
    const first = firstColumn.get(key);
    if (first === undefined) firstColumn.set(key, index);
    else pairs.push({ first: first + 1, second: index + 1, name: headers[first]! });
  });
  if (pairs.length) throw csvErrors.duplicateHeaders(line, pairs);
}

/** How to show a column to the user: its name, or "Column 3" when the header cell is empty. */
export function columnLabel(headers: readonly string[], index: number): string {
  return headers[index] || `Column ${index + 1}`;
}
