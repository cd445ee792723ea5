import { Navigate, Route, useParams } from 'react-router';
import { ForecastPage } from './ForecastPage';
import { OpportunitiesGrid } from './OpportunitiesGrid';
import { OpportunityDetail } from './OpportunityDetail';
import { OpportunityEditPage } from './OpportunityEditPage';
import { OpportunityNewPage } from './OpportunityNewPage';
import { PipelineAdminPage } from './PipelineAdminPage';
import { PipelineBoard } from './PipelineBoard';
import { WinLossPage } from './WinLossPage';

function PipelineEditRedirect() {
  return <Navigate to={`/settings/pipelines?id=${useParams().id ?? ''}`} replace />;
}

/** The opportunities feature's pages, mounted inside the shell by app/routes.tsx. */
export const opportunityRoutes = [
  <Route key="opportunities" path="opportunities" element={<OpportunitiesGrid />} />,
  <Route key="opportunities-new" path="opportunities/new" element={<OpportunityNewPage />} />,
  <Route key="opportunities-one" path="opportunities/:id" element={<OpportunityDetail />} />,
  <Route key="opportunities-edit" path="opportunities/:id/edit" element={<OpportunityEditPage />} />,
  <Route key="pipeline" path="pipeline" element={<PipelineBoard />} />,
  <Route key="pipelines-admin" path="settings/pipelines" element={<PipelineAdminPage />} />,
  <Route key="pipeline-edit" path="pipelines/:id/edit" element={<PipelineEditRedirect />} />,
  <Route key="forecast" path="forecast" element={<ForecastPage />} />,
  <Route key="win-loss" path="win-loss" element={<WinLossPage />} />,
];
