import { Navigate, Route } from 'react-router';
import { ActivityPage } from './ActivityPage';
import { CalendarPage } from './CalendarPage';
import { MyDayPage } from './MyDayPage';

/** The activities feature's pages, mounted inside the shell by app/routes.tsx. */
export const activityRoutes = [
  <Route key="my-day" path="my-day" element={<MyDayPage />} />,
  <Route key="calendar" path="calendar" element={<CalendarPage />} />,
  <Route key="activity" path="activities/:id" element={<ActivityPage />} />,
  <Route key="activities" path="activities" element={<Navigate to="/my-day" replace />} />,
];
