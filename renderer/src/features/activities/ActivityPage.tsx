import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Activity, ActivityPatch } from '../../../../shared/contract/activities';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoadState } from '../../components/RecordLoadState';
import { RecycleBinBanner } from '../../components/RecycleBinBanner';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { useVersionedRecord } from '../../lib/useVersionedRecord';
import { ActivityForm } from './ActivityForm';
import { activityFormValues, toActivityPatch } from './activityFormValues';
import { activityLinks, TYPE_LABELS } from './activityLabels';
import { activityKeys, useActivitiesLive, useActivity, useInvalidateActivities } from './queries';
import { useIcsDownload } from './useIcsDownload';

/** One activity: edit it, delete it (with undo), or download a meeting's .ics. */
export function ActivityPage() {
  const id = Number(useParams().id);
  const activity = useActivity(id);
  if (!activity.isSuccess) return <RecordLoadState query={activity} noun="activity" />;
  return <ActivityEditor key={`${id}:${activity.data.deletedAt ?? ''}`} loaded={activity.data} />;
}

interface ActivityEditorProps {
  loaded: Activity;
}

function ActivityEditor({ loaded }: ActivityEditorProps) {
  useActivitiesLive();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const invalidate = useInvalidateActivities();
  const ics = useIcsDownload();
  const links = activityLinks(loaded);
  const home = links[0]?.path ?? '/my-day';
  const record = useVersionedRecord({
    loaded,
    queryKey: activityKeys.one,
    get: (id) => call('activities.get', { id }),
    update: (id, version, patch: ActivityPatch) => call('activities.update', { id, version, patch }),
  });
  const actions = useDeleteWithUndo({
    listPath: home,
    remove: async () => {
      await call('activities.delete', { id: loaded.id });
      await invalidate();
    },
    restore: async () => {
      await call('activities.restore', { id: loaded.id });
      await client.invalidateQueries({ queryKey: activityKeys.all });
    },
  });
  // Back to where the user came from (a record, my day, the calendar); a fresh window goes to the record.
  const close = () => (location.key !== 'default' ? navigate(-1) : navigate(home));
  const title = `${TYPE_LABELS[loaded.type]}: ${loaded.subject}`;
  const deleted = Boolean(loaded.deletedAt);

  return (
    <div className="page">
      <PageHeader
        title={title}
        subtitle={`Owner ${loaded.owner.name} · last changed ${formatDateTime(loaded.updatedAt)} by ${loaded.updatedBy.name}`}
        breadcrumb={
          links.length ? (
            <>
              {links.map((l, i) => (
                <span key={l.entity}>
                  {i > 0 ? ' · ' : null}
                  <Link to={l.path}>{l.name}</Link>
                </span>
              ))}
            </>
          ) : (
            <Link to="/my-day">My day</Link>
          )
        }
        actions={
          deleted ? null : (
            <>
              {loaded.type === 'meeting' ? (
                <button type="button" className="btn" onClick={() => void ics.meeting(loaded.id)} disabled={ics.busy}>
                  Download .ics
                </button>
              ) : null}
              <button type="button" className="btn btn--danger" onClick={() => void actions.remove(`${TYPE_LABELS[loaded.type]} deleted: ${loaded.subject}`)} disabled={actions.busy}>
                Delete
              </button>
            </>
          )
        }
      />
      {deleted ? <RecycleBinBanner noun={TYPE_LABELS[loaded.type].toLowerCase()} restoring={actions.busy} onRestore={actions.restore} /> : null}
      <ErrorBanner title="Something went wrong" messages={[actions.failure, ics.failure].filter((m): m is string => Boolean(m))} />
      {deleted ? null : (
        <ActivityForm
          label={`Edit ${TYPE_LABELS[loaded.type].toLowerCase()}`}
          editing
          defaultValues={activityFormValues(loaded)}
          submitLabel="Save"
          onCancel={close}
          onSave={async (values, changed) => {
            await record.save(toActivityPatch(values, changed));
            await invalidate();
            close();
          }}
          onReload={async () => activityFormValues(await record.reload())}
        />
      )}
    </div>
  );
}
