import { useLiveQueries } from './useLiveQueries';

/** Keeps cached records fresh while the app runs; renders nothing. */
export function LiveQueries() {
  useLiveQueries();
  return null;
}
