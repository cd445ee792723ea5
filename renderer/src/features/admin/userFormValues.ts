import { z } from 'zod';
import { CAPACITY_DEFAULT, UserFields, UserInput, type User } from '../../../../shared/contract/users';

export type UserFormValues = z.input<typeof UserInput>;
export type UserFormOutput = z.output<typeof UserInput>;

export const USER_FIELD_NAMES = Object.keys(UserFields);

/**
 * The contract's UserInput. A user who never had an e-mail address (the first
 * administrator of a desktop) may keep it empty while other fields change:
 * the empty field is then simply not sent.
 */
export function userFormSchema(user: User | null) {
  if (!user || user.email !== null) return UserInput;
  return UserInput.extend({ email: z.union([z.literal('').transform(() => undefined), UserFields.email]) });
}

export function userFormValues(user: User | null): UserFormValues {
  return {
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'sales_rep',
    capacity: user?.capacity ?? CAPACITY_DEFAULT,
    teamId: user?.team?.id ?? null,
    managerId: user?.manager?.id ?? null,
    active: user?.active ?? true,
  };
}

/** '' (none) → null; numbers stay numbers. */
export const idOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
/** An empty capacity is not 0: NaN makes the schema say "a whole number". */
export const numberOrNaN = (v: unknown) => (v === '' || v === null || v === undefined ? Number.NaN : Number(v));
