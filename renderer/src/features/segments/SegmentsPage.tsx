import { Link } from 'react-router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { ENTITY_LABELS } from './labels';
import { useSegments } from './queries';
import { SegmentTabs } from './SegmentTabs';
import './segments.css';

/** Saved (dynamic) segments: each is a rule, counted afresh whenever it is opened. */
export function SegmentsPage() {
  const segments = useSegments();
  return (
    <div className="page">
      <SegmentTabs />
      <PageHeader
        title="Segments"
        subtitle="Rules over contacts, leads or accounts; their members are whoever matches at the time."
        actions={
          <Link className="btn btn--primary" to="/segments/new">
            New segment
          </Link>
        }
      />
      {segments.isError ? <ErrorBanner title="Cannot load the segments" messages={[errorMessage(segments.error)]} /> : null}
      {segments.data && segments.data.length === 0 ? <p className="muted">No segments yet.</p> : null}
      {segments.data?.length ? (
        <table className="segment-table" aria-label="Saved segments">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Of</th>
              <th scope="col">Description</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {segments.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/segments/${s.id}`}>{s.name}</Link>
                </td>
                <td>{ENTITY_LABELS[s.entity]}</td>
                <td>{s.description ?? ''}</td>
                <td>
                  {formatDateTime(s.updatedAt)} by {s.updatedBy.name}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
