import { Route } from 'react-router';

/** The leads feature's pages, mounted inside the shell by app/routes.tsx. */
export const leadRoutes = [<Route key="leads" path="leads" element={<p>Leads are coming.</p>} />];
