import { Link, NavLink, Outlet, useParams } from 'react-router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import type { CampaignContext } from './campaignContext';
import { dateRange } from './campaignFormat';
import { TYPE_LABELS } from './labels';
import { useCampaign } from './queries';
import { StatusActions } from './StatusActions';
import { StatusBadge } from './StatusBadge';
import { useCampaignLive } from './useCampaignLive';
import './campaigns.css';

const SECTIONS = [
  ['', 'Details'],
  ['journey', 'Journey'],
  ['progress', 'Progress'],
  ['members', 'Members'],
  ['letters', 'Letters'],
  ['responses', 'Responses'],
  ['roi', 'ROI'],
] as const;

/** One campaign: its status and actions on top, its sections as tabs (each its own address, so Back works). */
export function CampaignPage() {
  const id = Number(useParams().id);
  const campaign = useCampaign(id);
  useCampaignLive(id);
  const c = campaign.data;
  if (!c) {
    return (
      <div className="page">
        {campaign.isError ? <ErrorBanner title="Cannot open the campaign" messages={[errorMessage(campaign.error)]} /> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  const context: CampaignContext = { campaign: c };
  return (
    <div className="page campaign-page">
      <PageHeader
        title={c.name}
        breadcrumb={
          <>
            <Link to="/campaigns">Campaigns</Link>
            {c.parent ? (
              <>
                {' / '}
                <Link to={`/campaigns/${c.parent.id}`}>{c.parent.name}</Link>
              </>
            ) : null}
          </>
        }
        subtitle={
          <>
            <StatusBadge status={c.status} /> {[TYPE_LABELS[c.type], c.startDate || c.endDate ? dateRange(c.startDate, c.endDate) : null, formatCount(c.memberCount, 'member'), formatCount(c.responseCount, 'response'), `owner ${c.owner.name}`]
              .filter(Boolean)
              .join(' · ')}
          </>
        }
        actions={<StatusActions campaign={c} />}
      />
      <nav className="campaign-tabs" aria-label="Campaign sections">
        {SECTIONS.map(([path, label]) => (
          <NavLink key={label} to={path ? `/campaigns/${c.id}/${path}` : `/campaigns/${c.id}`} end>
            {label}
          </NavLink>
        ))}
      </nav>
      <Outlet context={context} />
    </div>
  );
}
