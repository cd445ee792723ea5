import { NavLink } from 'react-router';

/** Campaigns | ROI report: the pages across all campaigns. */
export function CampaignsTabs() {
  return (
    <nav className="campaign-tabs" aria-label="Campaign pages">
      <NavLink to="/campaigns" end>
        Campaigns
      </NavLink>
      <NavLink to="/campaigns/roi">ROI report</NavLink>
      <NavLink to="/my-calls">My calls</NavLink>
    </nav>
  );
}
