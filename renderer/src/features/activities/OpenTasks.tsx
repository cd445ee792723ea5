import { useState } from 'react';
import { Link } from 'react-router';
import type { LinkedEntity } from '../../../../shared/contract/activities';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../lib/format';
import { PRIORITY_LABELS } from './activityLabels';
import { CompleteTaskCheckbox } from './CompleteTaskCheckbox';
import { useOpenTasks } from './queries';

export interface OpenTasksProps {
  entity: LinkedEntity;
  id: number;
}

/** The record's tasks still to do, soonest due first; tick one to complete it. */
export function OpenTasks({ entity, id }: OpenTasksProps) {
  const tasks = useOpenTasks(entity, id);
  const [failure, setFailure] = useState<string | null>(null);
  if (tasks.isPending) return <p className="muted">Loading tasks…</p>;
  if (tasks.isError) return <ErrorBanner title="Cannot load the tasks" messages={[tasks.error.message]} />;
  const now = new Date().toISOString();
  const sorted = [...tasks.data].sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.id - b.id);
  return (
    <div>
      <ErrorBanner title="Could not complete the task" messages={failure ? [failure] : []} />
      {sorted.length === 0 ? (
        <p className="muted">No open tasks.</p>
      ) : (
        <ul className="task-list" aria-label="Open tasks">
          {sorted.map((t) => (
            <li key={t.id} className="task-list__item">
              <CompleteTaskCheckbox task={t} onError={setFailure} />
              <Link to={`/activities/${t.id}`}>{t.subject}</Link>
              {t.priority === 'high' ? <span className="tag tag--high">{PRIORITY_LABELS.high}</span> : null}
              {t.dueAt ? (
                <span className={t.dueAt < now ? 'task-list__due task-list__due--overdue' : 'task-list__due'}>
                  {t.dueAt < now ? 'Overdue · ' : 'Due '}
                  {formatDateTime(t.dueAt)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
