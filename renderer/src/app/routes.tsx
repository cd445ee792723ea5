import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AccountDetail } from '../features/accounts/AccountDetail';
import { AccountEditPage } from '../features/accounts/AccountEditPage';
import { AccountNewPage } from '../features/accounts/AccountNewPage';
import { AccountsGrid } from '../features/accounts/AccountsGrid';
import { ContactDetail } from '../features/contacts/ContactDetail';
import { ContactEditPage } from '../features/contacts/ContactEditPage';
import { ContactNewPage } from '../features/contacts/ContactNewPage';
import { ContactsGrid } from '../features/contacts/ContactsGrid';
import { Shell } from './Shell';

/**
 * Every module but the two grids people open first comes in a second chunk, loaded when one of its pages is opened
 * (or right after start, see prefetch below): the window starts without parsing the code of pipelines, quotes,
 * campaigns, charts and the rest.
 */
const MoreRoutes = lazy(() => import('./MoreRoutes'));

/** Fetched once the first page is up, so opening another module later does not wait for the disk. */
const PREFETCH_AFTER_MS = 1_500;

export function AppRoutes() {
  useEffect(() => {
    const timer = setTimeout(() => void import('./MoreRoutes'), PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
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
        <Route
          path="*"
          element={
            <Suspense fallback={<p className="page muted">Loading…</p>}>
              <MoreRoutes />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  );
}
