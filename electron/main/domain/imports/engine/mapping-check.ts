import { IMPORT_KEYS_BY_TARGET, type ImportSpec } from '../../../../../shared/contract/imports';
import { IMPORT_FIELDS } from '../../../../../shared/imports/fields';
import { CrmError } from '../../../../../shared/errors';


/** A mapping the import can run with: one column per field, known fields, required fields there, and the key for an update. */
export function checkMapping(spec: ImportSpec, headers: readonly string[], defaultKey: NonNullable<ImportSpec['key']>): void {
  const fields = IMPORT_FIELDS[spec.target];
  const issues: { path: string; message: string }[] = [];
  if (spec.columns.length !== headers.length) {
    throw new CrmError('validation', `The mapping has ${spec.columns.length} columns but the file has ${headers.length}: inspect the file again.`);
  }
  const seen = new Map<string, number>();
  spec.columns.forEach((key, i) => {
    if (key === null) return;
    if (!fields.some((f) => f.key === key)) issues.push({ path: `columns.${i}`, message: `"${key}" is not a field of ${spec.target}` });
    else if (seen.has(key)) issues.push({ path: `columns.${i}`, message: `Columns "${headers[seen.get(key)!]}" and "${headers[i]}" both fill ${fields.find((f) => f.key === key)!.label}: choose one` });
    else seen.set(key, i);
  });
  if (spec.mode !== 'update') {
    for (const f of fields.filter((x) => x.required && !seen.has(x.key))) issues.push({ path: 'columns', message: `Map a column to ${f.label}: it is required` });
  }
  if (spec.mode !== 'create') {
    const key = spec.key ?? defaultKey;
    if (!IMPORT_KEYS_BY_TARGET[spec.target].includes(key)) issues.push({ path: 'key', message: `${spec.target} cannot be matched by ${key}` });
    else if (!seen.has(key)) issues.push({ path: 'key', message: `Matching by ${fields.find((f) => f.key === key)?.label ?? key} needs a column mapped to it` });
  }
  if (spec.createAccounts && spec.target !== 'contacts') issues.push({ path: 'createAccounts', message: 'Only a contacts import creates missing accounts' });
  if (issues.length) throw new CrmError('validation', issues[0]!.message, issues);
}
