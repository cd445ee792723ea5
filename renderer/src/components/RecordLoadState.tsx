import { errorMessage } from '../lib/formErrors';
import { ErrorBanner } from './ErrorBanner';

export interface RecordLoadStateProps {
  /** A query that has not succeeded (yet). */
  query: { isPending: boolean; error: unknown };
  /** "account", for "Cannot open this account". */
  noun: string;
}

/** What a record's page shows until its record has loaded: a loading line or why it cannot open. */
export function RecordLoadState({ query, noun }: RecordLoadStateProps) {
  if (query.isPending) return <p className="page muted">Loading…</p>;
  return (
    <div className="page">
      <ErrorBanner title={`Cannot open this ${noun}`} messages={[errorMessage(query.error)]} />
    </div>
  );
}
