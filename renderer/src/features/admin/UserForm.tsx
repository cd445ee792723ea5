import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { CAPACITY_MAX, CAPACITY_MIN, type User } from '../../../../shared/contract/users';
import { USER_ROLES } from '../../../../shared/picklists';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { ROLE_LABELS } from './labels';
import { refreshAdminQueries, useAllUsers, useTeams } from './queries';
import { USER_FIELD_NAMES, idOrNull, numberOrNaN, userFormSchema, userFormValues, type UserFormOutput, type UserFormValues } from './userFormValues';

export interface UserFormProps {
  /** null: a new user. */
  user: User | null;
  onDone: (saved: User | null) => void;
}

/** Create or edit a user: name, e-mail, role, capacity, team, manager, active. */
export function UserForm({ user, onDone }: UserFormProps) {
  const client = useQueryClient();
  const toast = useToast();
  const teams = useTeams();
  const everyone = useAllUsers(true);
  const schema = useMemo(() => userFormSchema(user), [user]);
  const form = useForm<UserFormValues, unknown, UserFormOutput>({
    // The edit schema differs only in accepting an empty e-mail; its output is the same shape.
    resolver: zodResolver(schema) as unknown as Resolver<UserFormValues, unknown, UserFormOutput>,
    defaultValues: userFormValues(user),
    reValidateMode: 'onChange',
  });
  const { register, formState: { errors: e } } = form;
  // Active users can manage; a manager who has since left stays shown until changed. Never the user themself.
  const managers = (everyone.data ?? []).filter((u) => u.id !== user?.id && (u.active || u.id === user?.manager?.id));
  const label = user ? `Edit user ${user.name}` : 'New user';

  return (
    <FormShell
      form={form}
      label={label}
      fieldNames={USER_FIELD_NAMES}
      submitLabel={user ? 'Save user' : 'Add user'}
      onCancel={() => onDone(null)}
      onSave={async (values, changed) => {
        const saved = user ? await call('users.update', { id: user.id, patch: changed }) : await call('users.create', values);
        await refreshAdminQueries(client);
        toast.show({ message: `User saved: ${saved.name}` });
        onDone(saved);
      }}
    >
      <div className="form-grid">
        <Field id="user-name" label="Name" required error={e.name?.message}>
          <input id="user-name" type="text" autoComplete="off" autoFocus aria-required="true" {...register('name')} {...describedBy('user-name', e.name?.message)} />
        </Field>
        <Field id="user-email" label="E-mail" required={!user || user.email !== null} error={e.email?.message}>
          <input id="user-email" type="email" autoComplete="off" {...register('email')} {...describedBy('user-email', e.email?.message)} />
        </Field>
        <Field id="user-role" label="Role" error={e.role?.message}>
          <select id="user-role" {...register('role')} {...describedBy('user-role', e.role?.message)}>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="user-capacity" label="Capacity" error={e.capacity?.message} hint="100 is a normal load; 200 takes twice as many new records">
          <input
            id="user-capacity"
            type="number"
            min={CAPACITY_MIN}
            max={CAPACITY_MAX}
            step={1}
            {...register('capacity', { setValueAs: numberOrNaN })}
            {...(e.capacity?.message ? describedBy('user-capacity', e.capacity.message) : { 'aria-describedby': 'user-capacity-hint' })}
          />
        </Field>
        <Field id="user-team" label="Team" error={e.teamId?.message}>
          <select id="user-team" {...register('teamId', { setValueAs: idOrNull })} {...describedBy('user-team', e.teamId?.message)}>
            <option value="">No team</option>
            {(teams.data ?? (user?.team ? [user.team] : [])).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="user-manager" label="Manager" error={e.managerId?.message}>
          <select id="user-manager" {...register('managerId', { setValueAs: idOrNull })} {...describedBy('user-manager', e.managerId?.message)}>
            <option value="">No manager</option>
            {(everyone.data ? managers : user?.manager ? [user.manager] : []).map((u) => (
              <option key={u.id} value={u.id}>
                {'active' in u && !u.active ? `${u.name} (inactive)` : u.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <label className="check" htmlFor="user-active">
            <input id="user-active" type="checkbox" aria-describedby="user-active-hint" {...register('active')} /> Active
          </label>
          <p className="field__hint" id="user-active-hint">
            Inactive users keep their records but cannot be chosen as owners or use the app
          </p>
        </div>
      </div>
    </FormShell>
  );
}
