import { Route, Routes } from 'react-router';
import { activityRoutes } from '../features/activities/activityRoutes';
import { leadRoutes } from '../features/leads/leadRoutes';
import { opportunityRoutes } from '../features/opportunities/opportunityRoutes';
import { catalogRoutes } from '../features/catalog/catalogRoutes';
import { settingsRoutes } from '../features/settings/settingsRoutes';
import { quoteRoutes } from '../features/quotes/quoteRoutes';
import { adminRoutes } from '../features/admin/adminRoutes';
import { territoryRoutes } from '../features/territories/territoryRoutes';
import { importRoutes } from '../features/imports/importRoutes';
import { duplicateRoutes } from '../features/duplicates/duplicateRoutes';
import { segmentRoutes } from '../features/segments/segmentRoutes';
import { campaignRoutes } from '../features/campaigns/campaignRoutes';
import { NotFound } from './NotFound';

/** The pages of every module but accounts and contacts (app/routes.tsx loads this chunk on demand). */
export default function MoreRoutes() {
  return (
    <Routes>
      {leadRoutes}
      {opportunityRoutes}
      {activityRoutes}
      {catalogRoutes}
      {settingsRoutes}
      {quoteRoutes}
      {adminRoutes}
      {territoryRoutes}
      {importRoutes}
      {duplicateRoutes}
      {segmentRoutes}
      {campaignRoutes}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
