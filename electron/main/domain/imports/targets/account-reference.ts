import type { FieldError, PlanContext } from './target';

/**
 * The account a row names, by external id (which wins) or by name (case and
 * accents ignored): its id, undefined when the row names none or in error.
 * Two accounts of the name are an error that says so, never a guess.
 */
export function accountReference(values: Map<string, unknown>, ctx: PlanContext, errors: FieldError[]): number | undefined {
  const byExternal = values.get('accountExternalId') as string | undefined;
  if (byExternal !== undefined) {
    const hit = ctx.lookups.external('account', byExternal);
    if (hit.kind === 'one') return hit.id;
    errors.push({ field: 'accountExternalId', message: hit.kind === 'none' ? `No account has the external id "${byExternal}"` : `${hit.count} accounts have the external id "${byExternal}"` });
    return undefined;
  }
  const byName = values.get('accountName') as string | undefined;
  if (byName === undefined) return undefined;
  const hit = ctx.lookups.accountByName(byName);
  if (hit.kind === 'one') return hit.id;
  errors.push({
    field: 'accountName',
    message: hit.kind === 'none' ? `No account called "${byName}": import the accounts first` : `${hit.count} accounts are called "${byName}": use the account's external id`,
  });
  return undefined;
}
