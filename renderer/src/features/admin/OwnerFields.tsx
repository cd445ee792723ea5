import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, Field } from '../../components/Field';
import { useActiveUsers } from './queries';

export const KEEP_OWNER_HINT = "Territory realignment and the account's owner changes leave it alone";

export interface OwnerFieldsProps {
  /** register('ownerId', { setValueAs: ownerIdFromSelect }) */
  ownerField: UseFormRegisterReturn;
  /** register('ownerLocked') */
  lockField: UseFormRegisterReturn;
  error?: string | undefined;
  /** Edit: the current owner, offered even before the users load or when they are no longer active. */
  owner?: { id: number; name: string } | undefined;
  /** Create: the label of the empty choice (the server picks the owner), e.g. "Me (default)". */
  emptyLabel?: string | undefined;
  hint?: string | undefined;
}

/** The empty choice means "not chosen": the server picks the owner on create. */
export const ownerIdFromSelect = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v));

/** Owner select (active users) and the "Keep this owner" box, for every record form. */
export function OwnerFields({ ownerField, lockField, error, owner, emptyLabel, hint }: OwnerFieldsProps) {
  const users = useActiveUsers();
  // One keyed list, so the option of the current owner survives the users loading (the select keeps its value).
  const options: { id: number; name: string; inactive?: boolean }[] = users.data
    ? owner && !users.data.some((u) => u.id === owner.id)
      ? [...users.data, { ...owner, inactive: true }]
      : users.data
    : owner
      ? [owner]
      : [];
  return (
    <>
      <Field id="ownerId" label="Owner" error={error} hint={hint}>
        <select id="ownerId" {...ownerField} {...describedBy('ownerId', error)}>
          {emptyLabel ? <option value="">{emptyLabel}</option> : null}
          {options.map((u) => (
            <option key={u.id} value={u.id}>
              {u.inactive ? `${u.name} (inactive)` : u.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="field">
        <label className="check" htmlFor="ownerLocked">
          <input id="ownerLocked" type="checkbox" aria-describedby="ownerLocked-hint" {...lockField} /> Keep this owner
        </label>
        <p className="field__hint" id="ownerLocked-hint">
          {KEEP_OWNER_HINT}
        </p>
      </div>
    </>
  );
}
