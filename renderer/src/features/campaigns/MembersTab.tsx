import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { errorMessage } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { ENTITY_LABELS, RECORD_PATHS } from '../segments/labels';
import { useCampaignContext } from './campaignContext';
import { CHANNEL_LABELS, TOUCH_LABELS } from './labels';
import { Pager } from './Pager';
import { useCampaignMembers } from './queries';

const PAGE = 50;
const MEMBER_STATUS = { active: 'In the journey', done: 'Done', left: 'Left' } as const;

/** Who is enrolled, a page at a time, with the last step that reached each and whether they responded. */
export function MembersTab() {
  const { campaign } = useCampaignContext();
  const [offset, setOffset] = useState(0);
  const members = useCampaignMembers(campaign.id, offset, PAGE);
  const data = members.data;
  return (
    <div>
      {members.isError ? <ErrorBanner title="Cannot load the members" messages={[errorMessage(members.error)]} /> : null}
      {data && data.total === 0 ? <p className="muted">{campaign.status === 'planned' ? 'Members are enrolled when the campaign starts.' : 'Nobody is enrolled.'}</p> : null}
      {data?.rows.length ? (
        <>
          <table className="campaign-table" aria-label="Members">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Status</th>
                <th scope="col">Variant</th>
                <th scope="col">Last touch</th>
                <th scope="col">Responded</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`${RECORD_PATHS[m.entity]}/${m.recordId}`}>{m.name}</Link>
                    {m.entity !== 'contact' ? <span className="tag">{ENTITY_LABELS[m.entity].replace(/s$/, '')}</span> : null}
                  </td>
                  <td>{m.email ?? <span className="muted">—</span>}</td>
                  <td>{MEMBER_STATUS[m.status]}</td>
                  <td>{m.variant ?? <span className="muted">—</span>}</td>
                  <td>
                    {m.lastTouch ? (
                      <>
                        Step {m.lastTouch.position} ({CHANNEL_LABELS[m.lastTouch.channel]}): {TOUCH_LABELS[m.lastTouch.status].toLowerCase()}, {formatDateTime(m.lastTouch.at)}
                        {m.lastTouch.reason ? <div className="muted">{m.lastTouch.reason}</div> : null}
                      </>
                    ) : (
                      <span className="muted">Not yet</span>
                    )}
                  </td>
                  <td>{m.responded ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Members pages" offset={offset} limit={PAGE} total={data.total} onChange={setOffset} />
        </>
      ) : null}
    </div>
  );
}
