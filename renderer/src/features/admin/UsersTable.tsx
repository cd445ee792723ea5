import type { User } from '../../../../shared/contract/users';
import { ROLE_LABELS } from './labels';

export interface UsersTableProps {
  users: User[];
  selectedId: number | null;
  /** Absent: the table is read-only (not an administrator). */
  onEdit?: ((user: User) => void) | undefined;
}

export function UsersTable({ users, selectedId, onEdit }: UsersTableProps) {
  if (!users.length) return <p className="muted">No users.</p>;
  return (
    <table className="admin-table" aria-label="Users">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">E-mail</th>
          <th scope="col">Role</th>
          <th scope="col">Team</th>
          <th scope="col">Manager</th>
          <th scope="col" className="num">
            Capacity
          </th>
          <th scope="col">Status</th>
          {onEdit ? (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} className={[u.active ? '' : 'admin-table__inactive', u.id === selectedId ? 'admin-table__selected' : ''].join(' ').trim() || undefined}>
            <th scope="row">{u.name}</th>
            <td>{u.email ?? <span className="muted">—</span>}</td>
            <td>{ROLE_LABELS[u.role]}</td>
            <td>{u.team?.name ?? <span className="muted">—</span>}</td>
            <td>{u.manager?.name ?? <span className="muted">—</span>}</td>
            <td className="num">{u.capacity}</td>
            <td>{u.active ? 'Active' : 'Inactive'}</td>
            {onEdit ? (
              <td className="admin-table__actions">
                <button type="button" className="btn btn--small" aria-label={`Edit ${u.name}`} onClick={() => onEdit(u)}>
                  Edit
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
