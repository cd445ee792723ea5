import { Route } from 'react-router';
import { LeadConvertPage } from './LeadConvertPage';
import { LeadDetail } from './LeadDetail';
import { LeadEditPage } from './LeadEditPage';
import { LeadNewPage } from './LeadNewPage';
import { LeadsGrid } from './LeadsGrid';
import { ScoringRulesPage } from './ScoringRulesPage';

/** The leads feature's pages, mounted inside the shell by app/routes.tsx. */
export const leadRoutes = [
  <Route key="leads" path="leads" element={<LeadsGrid />} />,
  <Route key="leads-new" path="leads/new" element={<LeadNewPage />} />,
  <Route key="leads-scoring" path="leads/scoring" element={<ScoringRulesPage />} />,
  <Route key="leads-detail" path="leads/:id" element={<LeadDetail />} />,
  <Route key="leads-edit" path="leads/:id/edit" element={<LeadEditPage />} />,
  <Route key="leads-convert" path="leads/:id/convert" element={<LeadConvertPage />} />,
];
