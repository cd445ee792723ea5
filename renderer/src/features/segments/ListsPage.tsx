import { Link } from 'react-router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { CHANNEL_LABELS, ENTITY_LABELS } from './labels';
import { useTargetLists } from './queries';
import { SegmentTabs } from './SegmentTabs';
import './segments.css';

/** Static target lists, newest first: frozen from a segment or filled by hand. */
export function ListsPage() {
  const lists = useTargetLists();
  return (
    <div className="page">
      <SegmentTabs />
      <PageHeader title="Target lists" subtitle="Fixed sets of records; a list made for a channel admits only those who may be reached on it." />
      {lists.isError ? <ErrorBanner title="Cannot load the lists" messages={[errorMessage(lists.error)]} /> : null}
      {lists.data && lists.data.length === 0 ? <p className="muted">No lists yet: open a segment and freeze it into one.</p> : null}
      {lists.data?.length ? (
        <table className="segment-table" aria-label="Target lists">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Of</th>
              <th scope="col">For</th>
              <th scope="col" className="num">
                Members
              </th>
              <th scope="col">From segment</th>
              <th scope="col">Made</th>
            </tr>
          </thead>
          <tbody>
            {lists.data.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/lists/${l.id}`}>{l.name}</Link>
                </td>
                <td>{ENTITY_LABELS[l.entity]}</td>
                <td>{l.channel ? CHANNEL_LABELS[l.channel] : 'Any channel'}</td>
                <td className="num">{l.memberCount.toLocaleString('en')}</td>
                <td>{l.segment ? <Link to={`/segments/${l.segment.id}`}>{l.segment.name}</Link> : <span className="muted">—</span>}</td>
                <td>
                  {formatDateTime(l.createdAt)} by {l.createdBy.name}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
