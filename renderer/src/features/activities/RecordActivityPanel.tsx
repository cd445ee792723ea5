import { useState } from 'react';
import type { ActivityType } from '../../../../shared/contract/activities';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { ActivityForm } from './ActivityForm';
import { newActivityFormValues, toActivityInput } from './activityFormValues';
import { TYPE_LABELS } from './activityLabels';
import { OpenTasks } from './OpenTasks';
import { useActivitiesLive, useInvalidateActivities } from './queries';
import { Timeline } from './Timeline';
import './activities.css';

export interface RecordActivityPanelProps {
  entity: 'lead' | 'contact' | 'account' | 'opportunity';
  id: number;
}

const QUICK_ACTIONS: { type: ActivityType; label: string; submit: string }[] = [
  { type: 'call', label: 'Log call', submit: 'Save call' },
  { type: 'task', label: 'New task', submit: 'Create task' },
  { type: 'meeting', label: 'New meeting', submit: 'Create meeting' },
  { type: 'note', label: 'Add note', submit: 'Save note' },
];

/** Activities and the timeline of one record: quick actions, open tasks, and everything that happened. */
export function RecordActivityPanel({ entity, id }: RecordActivityPanelProps) {
  useActivitiesLive();
  const [adding, setAdding] = useState<ActivityType | null>(null);
  const invalidate = useInvalidateActivities();
  const toast = useToast();
  const action = QUICK_ACTIONS.find((a) => a.type === adding);

  return (
    <div className="activity-panel">
      <Section
        title="Activities"
        actions={QUICK_ACTIONS.map((a) => (
          <button key={a.type} type="button" className="btn btn--small" aria-pressed={adding === a.type} onClick={() => setAdding(a.type)}>
            {a.label}
          </button>
        ))}
      >
        {action ? (
          <div className="activity-panel__form">
            <ActivityForm
              key={action.type}
              label={action.label}
              defaultValues={newActivityFormValues(action.type)}
              submitLabel={action.submit}
              onCancel={() => setAdding(null)}
              onSave={async (values) => {
                const created = await call('activities.create', toActivityInput(values, entity, id));
                setAdding(null);
                await invalidate();
                toast.show({ message: `${TYPE_LABELS[created.type]} saved: ${created.subject}` });
              }}
            />
          </div>
        ) : null}
        <h3 className="activity-panel__subhead">Open tasks</h3>
        <OpenTasks entity={entity} id={id} />
      </Section>
      <Section title="Timeline">
        <Timeline entity={entity} id={id} />
      </Section>
    </div>
  );
}
