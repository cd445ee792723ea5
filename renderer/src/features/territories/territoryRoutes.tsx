import { Route } from 'react-router';
import { AssignmentHistoryPage } from './AssignmentHistoryPage';
import { FallbackQueuePage } from './FallbackQueuePage';
import { RealignPage } from './RealignPage';
import { TerritoriesPage } from './TerritoriesPage';

/** The territories feature's pages, mounted inside the shell by app/routes.tsx. */
export const territoryRoutes = [
  <Route key="territories" path="territories" element={<TerritoriesPage />} />,
  <Route key="territories-realign" path="territories/realign" element={<RealignPage />} />,
  <Route key="territories-history" path="territories/history" element={<AssignmentHistoryPage />} />,
  <Route key="territories-queue" path="territories/queue" element={<FallbackQueuePage />} />,
];
