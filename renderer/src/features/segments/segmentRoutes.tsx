import { Route } from 'react-router';
import { ListPage } from './ListPage';
import { ListsPage } from './ListsPage';
import { SegmentBuilderPage } from './SegmentBuilderPage';
import { SegmentsPage } from './SegmentsPage';
import { SuppressionsPage } from './SuppressionsPage';
import { TagsPage } from '../tags/TagsPage';

/** The segments feature's pages, mounted inside the shell by app/routes.tsx. */
export const segmentRoutes = [
  <Route key="segments" path="segments" element={<SegmentsPage />} />,
  <Route key="segments-new" path="segments/new" element={<SegmentBuilderPage />} />,
  <Route key="segment" path="segments/:id" element={<SegmentBuilderPage />} />,
  <Route key="lists" path="lists" element={<ListsPage />} />,
  <Route key="list" path="lists/:id" element={<ListPage />} />,
  <Route key="suppressions" path="suppressions" element={<SuppressionsPage />} />,
  <Route key="tags" path="tags" element={<TagsPage />} />,
];
