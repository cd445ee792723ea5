import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { CrmError } from '../../../shared/errors';

/**
 * Puts the server's validation issues onto the form's fields ("patch.title" →
 * "title"). Returns what matches no field (or the whole error when it has no
 * issues), for a general message.
 */
export function applyServerIssues<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fieldNames: readonly string[]): string[] {
  if (!(error instanceof CrmError) || !error.issues?.length) return [errorMessage(error)];
  const unmatched: string[] = [];
  let focused = false;
  for (const issue of error.issues) {
    const path = issue.path.replace(/^patch\./, '');
    const top = path.split('.')[0] ?? '';
    if (path && fieldNames.includes(top)) {
      setError(path as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: !focused });
      focused = true;
    } else {
      unmatched.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
  }
  return unmatched;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isConflict(error: unknown): error is CrmError {
  return error instanceof CrmError && error.code === 'conflict';
}
