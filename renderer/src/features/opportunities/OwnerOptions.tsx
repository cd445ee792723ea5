import { useUsers } from './queries';

/** "Everyone" and each active user, for an owner filter's <select>; the empty value means everyone. */
export function OwnerOptions() {
  const users = useUsers();
  return (
    <>
      <option value="">Everyone</option>
      {users.data?.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </>
  );
}
