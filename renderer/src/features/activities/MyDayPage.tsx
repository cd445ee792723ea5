import { useState } from 'react';
import { Link } from 'react-router';
import type { Activity } from '../../../../shared/contract/activities';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime } from '../../lib/format';
import { activityLinks, PRIORITY_LABELS } from './activityLabels';
import { addDays, browserTimeZone, formatTime, localDate } from './activityTime';
import { CompleteTaskCheckbox } from './CompleteTaskCheckbox';
import { useActivitiesLive, useMyDay } from './queries';
import './activities.css';

/** The current user's overdue tasks and the day's tasks and meetings, in the browser's time zone. */
export function MyDayPage() {
  useActivitiesLive();
  const today = localDate();
  const [date, setDate] = useState(today);
  const timeZone = browserTimeZone();
  const day = useMyDay(date, timeZone);
  const [failure, setFailure] = useState<string | null>(null);
  const shift = (days: number) => setDate(localDate(addDays(new Date(`${date}T12:00:00`), days)));

  return (
    <div className="page">
      <PageHeader
        title="My day"
        subtitle={`${formatDate(date)}${date === today ? ' (today)' : ''} · ${timeZone}`}
        actions={
          <>
            <button type="button" className="btn" onClick={() => shift(-1)} aria-label="Previous day">
              ‹
            </button>
            <button type="button" className="btn" onClick={() => setDate(today)} disabled={date === today}>
              Today
            </button>
            <button type="button" className="btn" onClick={() => shift(1)} aria-label="Next day">
              ›
            </button>
          </>
        }
      />
      <ErrorBanner title="Could not complete the task" messages={failure ? [failure] : []} />
      {day.isError ? <ErrorBanner title="Cannot load your day" messages={[day.error.message]} /> : null}
      {day.isPending ? (
        <p className="muted">Loading…</p>
      ) : day.data ? (
        <div className="my-day">
          <Section title="Overdue">
            <TaskList label="Overdue tasks" tasks={day.data.overdue} empty="Nothing overdue." showDate onError={setFailure} />
          </Section>
          <Section title="Tasks">
            <TaskList label="Tasks of the day" tasks={day.data.tasks} empty="No tasks due this day." onError={setFailure} />
          </Section>
          <Section title="Meetings">
            {day.data.meetings.length === 0 ? (
              <p className="muted">No meetings this day.</p>
            ) : (
              <ul className="task-list" aria-label="Meetings">
                {day.data.meetings.map((m) => (
                  <li key={m.id} className="task-list__item">
                    <span className="task-list__when">
                      {formatTime(m.startsAt!)}–{formatTime(m.endsAt!)}
                    </span>
                    <Link to={`/activities/${m.id}`}>{m.subject}</Link>
                    {m.location ? <span className="muted">{m.location}</span> : null}
                    <RecordLinks activity={m} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      ) : null}
    </div>
  );
}

interface TaskListProps {
  /** The list's accessible name. */
  label: string;
  tasks: Activity[];
  empty: string;
  showDate?: boolean;
  onError: (message: string) => void;
}

function TaskList({ label, tasks, empty, showDate, onError }: TaskListProps) {
  if (!tasks.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="task-list" aria-label={label}>
      {tasks.map((t) => (
        <li key={t.id} className={t.status === 'done' ? 'task-list__item task-list__item--done' : 'task-list__item'}>
          <CompleteTaskCheckbox task={t} onError={onError} />
          {t.dueAt ? <span className="task-list__when">{showDate ? formatDateTime(t.dueAt) : formatTime(t.dueAt)}</span> : null}
          <Link to={`/activities/${t.id}`}>{t.subject}</Link>
          {t.status === 'done' ? <span className="tag">Done</span> : null}
          {t.priority === 'high' ? <span className="tag tag--high">{PRIORITY_LABELS.high}</span> : null}
          <RecordLinks activity={t} />
        </li>
      ))}
    </ul>
  );
}

function RecordLinks({ activity }: { activity: Activity }) {
  const links = activityLinks(activity);
  if (!links.length) return null;
  return (
    <span className="task-list__links">
      {links.map((l) => (
        <Link key={l.entity} to={l.path}>
          {l.name}
        </Link>
      ))}
    </span>
  );
}
