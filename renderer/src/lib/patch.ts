/**
 * The fields the user changed, taken from the validated output: react-hook-form's
 * dirtyFields says which top-level fields differ from what the form loaded.
 */
export function changedFields<T extends Record<string, unknown>>(output: T, dirty: Partial<Record<keyof T, unknown>>): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(dirty) as (keyof T)[]) {
    if (isDirty(dirty[key]) && key in output) patch[key] = output[key];
  }
  return patch;
}

function isDirty(flag: unknown): boolean {
  if (flag === true) return true;
  if (Array.isArray(flag)) return flag.some(isDirty);
  if (flag && typeof flag === 'object') return Object.values(flag).some(isDirty);
  return false;
}
