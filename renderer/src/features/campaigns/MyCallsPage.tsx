import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import { CallCard } from './CallCard';
import { CampaignsTabs } from './CampaignsTabs';
import { Pager } from './Pager';
import { useCalls, useCurrentUser } from './queries';
import './campaigns.css';

const PAGE = 25;

/** The calls campaigns have put on my list: open ones to make, or the ones done. Managers may see everyone's. */
export function MyCallsPage() {
  const me = useCurrentUser().data?.user;
  const manager = me?.role === 'admin' || me?.role === 'sales_manager';
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const [mine, setMine] = useState(true);
  const [offset, setOffset] = useState(0);
  const calls = useCalls(mine, status, offset, PAGE);
  const data = calls.data;
  return (
    <div className="page">
      <CampaignsTabs />
      <PageHeader title="My calls" subtitle={data ? formatCount(data.total, status === 'open' ? 'call to make' : 'call made', status === 'open' ? 'calls to make' : 'calls made') : 'Loading…'} />
      <div className="campaign-toolbar">
        <fieldset className="roi-attribution">
          <legend>Show</legend>
          <label className="check">
            <input type="radio" name="calls-status" checked={status === 'open'} onChange={() => (setStatus('open'), setOffset(0))} /> To make
          </label>
          <label className="check">
            <input type="radio" name="calls-status" checked={status === 'done'} onChange={() => (setStatus('done'), setOffset(0))} /> Done
          </label>
        </fieldset>
        {manager ? (
          <label className="check">
            <input type="checkbox" checked={!mine} onChange={(e) => (setMine(!e.target.checked), setOffset(0))} /> Everyone's calls
          </label>
        ) : null}
      </div>
      {calls.isError ? <ErrorBanner title="Cannot load the calls" messages={[errorMessage(calls.error)]} /> : null}
      {data && data.total === 0 ? <p className="muted">{status === 'open' ? 'No calls to make. Campaign call steps put them here.' : 'No calls made yet.'}</p> : null}
      <div className="call-list">
        {data?.rows.map((item) => (
          <CallCard key={`${item.id}:${item.status}`} item={item} />
        ))}
      </div>
      {data ? <Pager label="Calls pages" offset={offset} limit={PAGE} total={data.total} onChange={setOffset} /> : null}
    </div>
  );
}
