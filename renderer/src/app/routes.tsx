import { Navigate, Route, Routes } from 'react-router';
import { AccountDetail } from '../features/accounts/AccountDetail';
import { AccountEditPage } from '../features/accounts/AccountEditPage';
import { AccountNewPage } from '../features/accounts/AccountNewPage';
import { AccountsGrid } from '../features/accounts/AccountsGrid';
import { ContactDetail } from '../features/contacts/ContactDetail';
import { ContactEditPage } from '../features/contacts/ContactEditPage';
import { ContactNewPage } from '../features/contacts/ContactNewPage';
import { ContactsGrid } from '../features/contacts/ContactsGrid';
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
import { Shell } from './Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to="/accounts" replace />} />
        <Route path="accounts" element={<AccountsGrid />} />
        <Route path="accounts/new" element={<AccountNewPage />} />
        <Route path="accounts/:id" element={<AccountDetail />} />
        <Route path="accounts/:id/edit" element={<AccountEditPage />} />
        <Route path="contacts" element={<ContactsGrid />} />
        <Route path="contacts/new" element={<ContactNewPage />} />
        <Route path="contacts/:id" element={<ContactDetail />} />
        <Route path="contacts/:id/edit" element={<ContactEditPage />} />
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
      </Route>
    </Routes>
  );
}
