import { Navigate, Route } from 'react-router';
import { TeamsPage } from './TeamsPage';
import { UsersPage } from './UsersPage';

/** The user administration pages, mounted inside the shell by app/routes.tsx. */
export const adminRoutes = [
  <Route key="admin" path="admin" element={<Navigate to="/admin/users" replace />} />,
  <Route key="admin-users" path="admin/users" element={<UsersPage />} />,
  <Route key="admin-teams" path="admin/teams" element={<TeamsPage />} />,
];
