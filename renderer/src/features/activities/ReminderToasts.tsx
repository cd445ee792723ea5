import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { EventPayload } from '../../../../shared/contract/events';
import { formatDateTime } from '../../lib/format';
import { TYPE_LABELS } from './activityLabels';
import './activities.css';

type Reminder = EventPayload<'reminder.due'>;

/** How long a reminder stays on screen unless dismissed. */
const REMINDER_MS = 60_000;

/**
 * Shows a toast for every `reminder.due` event, with the subject and a link to
 * the activity. Must be mounted once, inside the router, on every page (the Shell).
 */
export function ReminderToasts() {
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((activityId: number) => {
    setReminders((all) => all.filter((r) => r.activityId !== activityId));
    const timer = timers.current.get(activityId);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(activityId);
  }, []);

  useEffect(() => {
    if (!window.crm?.on) return undefined;
    const off = window.crm.on('reminder.due', (reminder) => {
      setReminders((all) => [...all.filter((r) => r.activityId !== reminder.activityId).slice(-3), reminder]);
      const old = timers.current.get(reminder.activityId);
      if (old !== undefined) window.clearTimeout(old);
      timers.current.set(
        reminder.activityId,
        window.setTimeout(() => dismiss(reminder.activityId), REMINDER_MS),
      );
    });
    const all = timers.current;
    return () => {
      off();
      for (const t of all.values()) window.clearTimeout(t);
      all.clear();
    };
  }, [dismiss]);

  return (
    <div className="reminder-toasts" role="status" aria-live="polite" aria-label="Reminders">
      {reminders.map((r) => (
        <div key={r.activityId} className="toast reminder-toast">
          <span className="toast__message">
            <strong>Reminder · {TYPE_LABELS[r.type]}:</strong> {r.subject}
            {r.at ? <span className="reminder-toast__at"> · {r.type === 'meeting' ? 'starts' : 'due'} {formatDateTime(r.at)}</span> : null}
          </span>
          <Link className="toast__action reminder-toast__link" to={`/activities/${r.activityId}`} onClick={() => dismiss(r.activityId)}>
            Open
          </Link>
          <button type="button" className="toast__close" aria-label={`Dismiss reminder ${r.subject}`} onClick={() => dismiss(r.activityId)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
