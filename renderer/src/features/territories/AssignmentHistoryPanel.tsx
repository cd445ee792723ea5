import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { AssignmentMovesTable } from './AssignmentMovesTable';
import { territoryKeys } from './queries';
import './territories.css';

export interface AssignmentHistoryPanelProps {
  entity: 'account' | 'lead' | 'contact' | 'opportunity';
  recordId: number;
}

/** A closed disclosure on a record's page: who owned it when, in which territory, and why it changed. Loads when opened. */
export function AssignmentHistoryPanel({ entity, recordId }: AssignmentHistoryPanelProps) {
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: territoryKeys.recordHistory(entity, recordId),
    queryFn: () => call('assignment.history', { entity, recordId, limit: 100 }),
    enabled: open,
  });
  return (
    <details className="section assignment-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="assignment-history__summary">
        <h2>Assignment history</h2>
        {history.data ? <span className="muted assignment-history__count">{history.data.length === 1 ? '1 change' : `${history.data.length} changes`}</span> : null}
      </summary>
      <div className="assignment-history__body">
        {history.isError ? <p className="field__error">Could not load the assignment history: {errorMessage(history.error)}</p> : null}
        {open && history.isPending ? <p className="muted">Loading…</p> : null}
        {history.data ? <AssignmentMovesTable moves={history.data} label="Assignment history" showRecord={false} /> : null}
      </div>
    </details>
  );
}
