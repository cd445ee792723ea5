import { Route } from 'react-router';

/** The opportunities feature's pages, mounted inside the shell by app/routes.tsx. */
export const opportunityRoutes = [<Route key="opportunities" path="opportunities" element={<p>Opportunities are coming.</p>} />];
