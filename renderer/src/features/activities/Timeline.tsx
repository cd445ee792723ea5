import { useState } from 'react';
import { Link } from 'react-router';
import { TIMELINE_KINDS, type LinkedEntity, type TimelineItem, type TimelineKind } from '../../../../shared/contract/activities';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../lib/format';
import { KIND_LABELS, TYPE_LABELS } from './activityLabels';
import { useTimeline } from './queries';
import { useIcsDownload } from './useIcsDownload';

export interface TimelineProps {
  entity: LinkedEntity;
  id: number;
}

/** Which kinds a record can have: stage changes only belong to accounts and opportunities. */
function kindsOf(entity: LinkedEntity): TimelineKind[] {
  return TIMELINE_KINDS.filter((k) => k !== 'stage_change' || entity === 'account' || entity === 'opportunity');
}

/** Activities, notes, stage changes and field changes of a record, newest first, with filter chips and "Load more". */
export function Timeline({ entity, id }: TimelineProps) {
  const available = kindsOf(entity);
  const [shown, setShown] = useState<TimelineKind[]>(available);
  const timeline = useTimeline(entity, id, shown);
  const ics = useIcsDownload();
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  const toggle = (kind: TimelineKind) =>
    setShown((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : available.filter((k) => k === kind || current.includes(k))));

  return (
    <div className="timeline">
      <div className="chips" role="group" aria-label="Show in the timeline">
        <button type="button" className="chip" aria-pressed={shown.length === available.length} onClick={() => setShown(available)}>
          All
        </button>
        {available.map((kind) => (
          <button key={kind} type="button" className="chip" aria-pressed={shown.includes(kind)} onClick={() => toggle(kind)}>
            {KIND_LABELS[kind]}
          </button>
        ))}
      </div>
      <ErrorBanner title="Cannot download the calendar file" messages={ics.failure ? [ics.failure] : []} />
      {timeline.isError ? <ErrorBanner title="Cannot load the timeline" messages={[timeline.error.message]} /> : null}
      {shown.length === 0 ? (
        <p className="muted">Pick what to show.</p>
      ) : timeline.isPending ? (
        <p className="muted">Loading timeline…</p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="timeline__list" aria-label="Timeline">
          {items.map((item) => (
            <TimelineEntry key={item.key} item={item} onDownload={(activityId) => void ics.meeting(activityId)} downloading={ics.busy} />
          ))}
        </ol>
      )}
      {timeline.hasNextPage ? (
        <button type="button" className="btn btn--small" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
          {timeline.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}

interface TimelineEntryProps {
  item: TimelineItem;
  onDownload: (activityId: number) => void;
  downloading: boolean;
}

function badge(item: TimelineItem): string {
  if (item.activity) return TYPE_LABELS[item.activity.type];
  return item.kind === 'stage_change' ? 'Stage' : 'Change';
}

function TimelineEntry({ item, onDownload, downloading }: TimelineEntryProps) {
  const activity = item.activity;
  const done = activity?.type === 'task' && activity.status === 'done';
  return (
    <li className={`timeline__item timeline__item--${activity ? activity.type : item.kind}`}>
      <span className="timeline__badge">{badge(item)}</span>
      <div className="timeline__body">
        <div className="timeline__head">
          <span className={done ? 'timeline__title timeline__title--done' : 'timeline__title'}>{item.title}</span>
          {done ? <span className="tag">Done</span> : null}
          <time dateTime={item.at} className="timeline__time">
            {formatDateTime(item.at)}
          </time>
        </div>
        {item.details ? <p className="timeline__details">{item.details}</p> : null}
        <div className="timeline__meta">
          {item.who ? <span className="muted">{item.who.name}</span> : null}
          {activity ? (
            <Link to={`/activities/${activity.id}`} aria-label={`Open ${item.title}`}>
              Open
            </Link>
          ) : null}
          {activity?.type === 'meeting' ? (
            <button type="button" className="btn btn--small btn--ghost" onClick={() => onDownload(activity.id)} disabled={downloading} aria-label={`Download .ics of ${item.title}`}>
              Download .ics
            </button>
          ) : null}
        </div>
      </div>
    </li>
  );
}
