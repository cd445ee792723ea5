import { Route } from 'react-router';
import { SettingsPage } from './SettingsPage';

/** The settings feature's pages, mounted inside the shell by app/routes.tsx. */
export const settingsRoutes = [<Route key="settings" path="settings" element={<SettingsPage />} />];
