import { Route } from 'react-router';
import { QuoteComparePage } from './QuoteComparePage';
import { QuotePage } from './QuotePage';
import { QuotesGrid } from './QuotesGrid';

/** The quotes feature's pages, mounted inside the shell by app/routes.tsx. */
export const quoteRoutes = [
  <Route key="quotes" path="quotes" element={<QuotesGrid />} />,
  <Route key="quotes-one" path="quotes/:id" element={<QuotePage />} />,
  <Route key="quotes-compare" path="quotes/:id/compare" element={<QuoteComparePage />} />,
];
