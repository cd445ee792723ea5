import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { TeamInput, type Team } from '../../../../shared/contract/users';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { refreshAdminQueries, useActiveUsers } from './queries';
import { idOrNull } from './userFormValues';

type Values = z.input<typeof TeamInput>;
type Output = z.output<typeof TeamInput>;

const FIELD_NAMES = ['name', 'managerId'];

export interface TeamFormProps {
  /** null: a new team. */
  team: Team | null;
  onDone: () => void;
}

/** A team's name (unique) and manager (an active user). */
export function TeamForm({ team, onDone }: TeamFormProps) {
  const client = useQueryClient();
  const toast = useToast();
  const users = useActiveUsers();
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(TeamInput),
    defaultValues: { name: team?.name ?? '', managerId: team?.manager?.id ?? null },
    reValidateMode: 'onChange',
  });
  const { register, formState: { errors: e } } = form;
  const current = team?.manager;
  const managers = users.data ? (current && !users.data.some((u) => u.id === current.id) ? [...users.data, current] : users.data) : current ? [current] : [];
  return (
    <FormShell
      form={form}
      label={team ? `Edit team ${team.name}` : 'New team'}
      fieldNames={FIELD_NAMES}
      submitLabel={team ? 'Save team' : 'Add team'}
      onCancel={onDone}
      onSave={async (values) => {
        const saved = await call('teams.save', team ? { ...values, id: team.id } : values);
        await refreshAdminQueries(client);
        toast.show({ message: `Team saved: ${saved.name}` });
        onDone();
      }}
    >
      <div className="form-grid">
        <Field id="team-name" label="Name" required error={e.name?.message}>
          <input id="team-name" type="text" autoComplete="off" autoFocus aria-required="true" {...register('name')} {...describedBy('team-name', e.name?.message)} />
        </Field>
        <Field id="team-manager" label="Manager" error={e.managerId?.message}>
          <select id="team-manager" {...register('managerId', { setValueAs: idOrNull })} {...describedBy('team-manager', e.managerId?.message)}>
            <option value="">No manager</option>
            {managers.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </FormShell>
  );
}
