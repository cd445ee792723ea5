import { Route } from 'react-router';

/** The activities feature's pages, mounted inside the shell by app/routes.tsx. */
export const activityRoutes = [<Route key="activities" path="activities" element={<p>Activities are coming.</p>} />];
