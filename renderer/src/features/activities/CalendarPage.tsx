import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CalendarItem } from '../../../../shared/contract/activities';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { addDays, formatTime, localDate, startOfDay, startOfWeek } from './activityTime';
import { useActivitiesLive, useCalendarRange } from './queries';
import { useIcsDownload } from './useIcsDownload';
import './activities.css';

type View = 'week' | 'month';

const monthTitle = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' });
const dayTitle = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const weekdayShort = new Intl.DateTimeFormat('en-GB', { weekday: 'short' });
const dayNumber = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** The days shown: a week from Monday, or the month's weeks from the Monday before its first day. */
function visibleRange(view: View, anchor: Date): { from: Date; to: Date } {
  if (view === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 7) };
  }
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
  return { from: startOfWeek(first), to: addDays(startOfWeek(last), 7) };
}

/** Whether an item belongs on the day [start, end): a meeting overlaps it, a task is due in it. */
function onDay(item: CalendarItem, start: Date, end: Date): boolean {
  const s = new Date(item.start).getTime();
  if (item.end) return s < end.getTime() && new Date(item.end).getTime() > start.getTime();
  return s >= start.getTime() && s < end.getTime();
}

/** Week and month views of the current user's meetings and tasks; export the visible range as .ics. */
export function CalendarPage() {
  useActivitiesLive();
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(() => startOfDay(new Date()));
  const { from, to } = useMemo(() => visibleRange(view, anchor), [view, anchor]);
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  const range = useCalendarRange(fromIso, toIso);
  const ics = useIcsDownload();

  const days: Date[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) days.push(d);
  const today = localDate();
  const move = (step: number) =>
    setAnchor((a) => (view === 'week' ? addDays(a, 7 * step) : new Date(a.getFullYear(), a.getMonth() + step, 1)));
  const title = view === 'week' ? `${dayNumber.format(from)} – ${dayTitle.format(addDays(to, -1))}` : monthTitle.format(anchor);

  return (
    <div className="page page--calendar">
      <PageHeader
        title="Calendar"
        subtitle={title}
        actions={
          <>
            <div className="chips" role="group" aria-label="View">
              <button type="button" className="chip" aria-pressed={view === 'week'} onClick={() => setView('week')}>
                Week
              </button>
              <button type="button" className="chip" aria-pressed={view === 'month'} onClick={() => setView('month')}>
                Month
              </button>
            </div>
            <button type="button" className="btn" onClick={() => move(-1)} aria-label={`Previous ${view}`}>
              ‹
            </button>
            <button type="button" className="btn" onClick={() => setAnchor(startOfDay(new Date()))}>
              Today
            </button>
            <button type="button" className="btn" onClick={() => move(1)} aria-label={`Next ${view}`}>
              ›
            </button>
            <button type="button" className="btn" onClick={() => void ics.range(fromIso, toIso)} disabled={ics.busy}>
              Export .ics
            </button>
          </>
        }
      />
      <ErrorBanner title="Something went wrong" messages={[range.error?.message, ics.failure].filter((m): m is string => Boolean(m))} />
      <div className={`calendar calendar--${view}`} role="grid" aria-label={`Calendar, ${title}`} aria-busy={range.isPending}>
        <div className="calendar__row calendar__row--head" role="row">
          {days.slice(0, 7).map((d) => (
            <div key={d.getDay()} className="calendar__weekday" role="columnheader">
              {weekdayShort.format(d)}
            </div>
          ))}
        </div>
        {Array.from({ length: days.length / 7 }, (_, w) => (
          <div key={w} className="calendar__row" role="row">
            {days.slice(w * 7, w * 7 + 7).map((d) => {
              const next = addDays(d, 1);
              const items = (range.data ?? []).filter((i) => onDay(i, d, next));
              const outside = view === 'month' && d.getMonth() !== anchor.getMonth();
              const key = localDate(d);
              return (
                <div
                  key={key}
                  role="gridcell"
                  aria-label={`${dayTitle.format(d)}, ${items.length} ${items.length === 1 ? 'item' : 'items'}`}
                  className={`calendar__day${key === today ? ' calendar__day--today' : ''}${outside ? ' calendar__day--outside' : ''}`}
                >
                  <div className="calendar__date">{view === 'week' ? dayNumber.format(d) : d.getDate()}</div>
                  <ul className="calendar__items">
                    {items.map((i) => (
                      <li key={`${i.type}:${i.id}`}>
                        <Link
                          to={`/activities/${i.id}`}
                          className={`calendar__item calendar__item--${i.type}${i.status === 'done' ? ' calendar__item--done' : ''}`}
                          title={[i.subject, i.location].filter(Boolean).join(' · ')}
                        >
                          <span className="calendar__time">{formatTime(i.start)}</span> {i.type === 'task' ? (i.status === 'done' ? '☑ ' : '☐ ') : ''}
                          {i.subject}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
