import { QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router';
import { ToastProvider } from '../components/ToastProvider';
import { queryClient } from './queryClient';
import { AppRoutes } from './routes';
import { useLiveQueries } from './useLiveQueries';

function LiveQueries() {
  useLiveQueries();
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <HashRouter>
          <LiveQueries />
          <AppRoutes />
        </HashRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
}
