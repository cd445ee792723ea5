import { useState } from 'react';
import type { Activity } from '../../../../shared/contract/activities';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { useInvalidateActivities } from './queries';

export interface CompleteTaskCheckboxProps {
  task: Pick<Activity, 'id' | 'version' | 'subject' | 'status'>;
  onError: (message: string) => void;
}

/** Ticking the box marks the task done (with the version shown); a done task stays ticked. */
export function CompleteTaskCheckbox({ task, onError }: CompleteTaskCheckboxProps) {
  const invalidate = useInvalidateActivities();
  const [busy, setBusy] = useState(false);
  const done = task.status === 'done';
  return (
    <input
      type="checkbox"
      className="task-check"
      aria-label={`Complete ${task.subject}`}
      checked={done || busy}
      disabled={done || busy}
      onChange={async () => {
        setBusy(true);
        try {
          await call('activities.complete', { id: task.id, version: task.version });
        } catch (error) {
          onError(errorMessage(error));
        } finally {
          await invalidate();
          setBusy(false);
        }
      }}
    />
  );
}
