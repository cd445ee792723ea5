import { useState } from 'react';
import { Link } from 'react-router';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../../shared/contract/campaigns';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/formErrors';
import { CampaignsTabs } from './CampaignsTabs';
import { dateRange, money } from './campaignFormat';
import { STATUS_LABELS, TYPE_LABELS } from './labels';
import { useCampaigns } from './queries';
import { StatusBadge } from './StatusBadge';
import './campaigns.css';

/** The filter's choices: one status, the ones still running, or all. */
const FILTERS: Record<string, readonly CampaignStatus[]> = {
  all: [],
  open: ['planned', 'active', 'paused'],
  ...Object.fromEntries(CAMPAIGN_STATUSES.map((s) => [s, [s]])),
};

/** Every campaign, newest first, with its money and reach; filter by status. */
export function CampaignsPage() {
  const [filter, setFilter] = useState('all');
  const campaigns = useCampaigns(FILTERS[filter] ?? []);
  const rows = campaigns.data ?? [];
  return (
    <div className="page">
      <CampaignsTabs />
      <PageHeader
        title="Campaigns"
        subtitle="Plan a campaign, give it an audience and a journey of e-mails, letters, calls and SMS, then start it."
        actions={
          <Link className="btn btn--primary" to="/campaigns/new">
            New campaign
          </Link>
        }
      />
      <div className="campaign-toolbar">
        <label htmlFor="campaign-status-filter">Status</label>
        <select id="campaign-status-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="all">All</option>
          <option value="open">Not finished (planned, active, paused)</option>
          {CAMPAIGN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <span className="muted" aria-live="polite">
          {campaigns.data ? `${rows.length.toLocaleString('en')} campaign${rows.length === 1 ? '' : 's'}` : 'Loading…'}
        </span>
      </div>
      {campaigns.isError ? <ErrorBanner title="Cannot load the campaigns" messages={[errorMessage(campaigns.error)]} /> : null}
      {campaigns.data && rows.length === 0 ? <p className="muted">No campaigns{filter === 'all' ? ' yet' : ' with this status'}.</p> : null}
      {rows.length ? (
        <table className="campaign-table" aria-label="Campaigns">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Dates</th>
              <th scope="col" className="num">
                Budget
              </th>
              <th scope="col" className="num">
                Actual cost
              </th>
              <th scope="col">Owner</th>
              <th scope="col" className="num">
                Members
              </th>
              <th scope="col" className="num">
                Responses
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                  {c.parent ? <div className="muted campaign-table__sub">in {c.parent.name}</div> : null}
                </td>
                <td>{TYPE_LABELS[c.type]}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>{dateRange(c.startDate, c.endDate)}</td>
                <td className="num">{money(c.budgetMinor, c.currency)}</td>
                <td className="num">{money(c.actualCostMinor, c.currency)}</td>
                <td>{c.owner.name}</td>
                <td className="num">{c.memberCount.toLocaleString('en')}</td>
                <td className="num">{c.responseCount.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
