import { NavLink } from 'react-router';

/** Users | Teams: the two pages of user administration. */
export function AdminTabs() {
  return (
    <nav className="admin-tabs" aria-label="User administration">
      <NavLink to="/admin/users">Users</NavLink>
      <NavLink to="/admin/teams">Teams</NavLink>
    </nav>
  );
}
