import { QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router';
import { ToastProvider } from '../components/ToastProvider';
import { LiveQueries } from './LiveQueries';
import { queryClient } from './queryClient';
import { AppRoutes } from './routes';

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
