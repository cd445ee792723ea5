import { Route } from 'react-router';
import { ImportHistoryPage } from './ImportHistoryPage';
import { ImportPage } from './ImportPage';

/** The import feature's pages, mounted inside the shell by app/routes.tsx. */
export const importRoutes = [
  <Route key="import" path="import" element={<ImportPage />} />,
  <Route key="import-history" path="import/history" element={<ImportHistoryPage />} />,
];
