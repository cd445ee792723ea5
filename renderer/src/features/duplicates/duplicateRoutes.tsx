import { Route } from 'react-router';
import { DuplicatesPage } from './DuplicatesPage';

export const duplicateRoutes = [<Route key="duplicates" path="duplicates" element={<DuplicatesPage />} />];
