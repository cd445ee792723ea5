import { Link } from 'react-router';
import type { RoiRow } from '../../../../shared/contract/campaign-results';
import { formatCount } from '../../lib/format';
import { formatRate, formatRoi, money } from './campaignFormat';
import { CHANNEL_LABELS } from './labels';

export interface RoiTableProps {
  rows: readonly RoiRow[];
  label: string;
  /** The first column: the channel (one campaign) or the campaign with its channels under it (the report). */
  by: 'channel' | 'campaign';
}

const n = (v: number) => v.toLocaleString('en');

/** Reached, responded, leads, opportunities, won revenue, cost and ROI, a line per campaign or channel. */
export function RoiTable({ rows, label, by }: RoiTableProps) {
  return (
    <table className="campaign-table roi-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{by === 'channel' ? 'Channel' : 'Campaign'}</th>
          <th scope="col" className="num">
            Reached
          </th>
          <th scope="col" className="num">
            Responded
          </th>
          <th scope="col" className="num">
            Response rate
          </th>
          <th scope="col" className="num">
            Leads
          </th>
          <th scope="col" className="num">
            Opportunities
          </th>
          <th scope="col" className="num">
            Won
          </th>
          <th scope="col" className="num">
            Won revenue
          </th>
          <th scope="col" className="num">
            Cost
          </th>
          <th scope="col" className="num">
            ROI
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const whole = r.channel === null;
          const name =
            by === 'channel' ? (
              whole ? (
                'Whole campaign'
              ) : (
                CHANNEL_LABELS[r.channel!]
              )
            ) : whole ? (
              <Link to={`/campaigns/${r.campaignId}/roi`}>{r.campaignName}</Link>
            ) : (
              <span className="roi-table__channel">{CHANNEL_LABELS[r.channel!]}</span>
            );
          return (
            <tr key={`${r.campaignId}:${r.channel ?? 'all'}`} className={whole ? 'roi-table__total' : ''}>
              <th scope="row">{name}</th>
              <td className="num">{n(r.reached)}</td>
              <td className="num">{n(r.responded)}</td>
              <td className="num">{formatRate(r.responseRate)}</td>
              <td className="num">{n(r.leads)}</td>
              <td className="num">{n(r.opportunities)}</td>
              <td className="num">{n(r.wonOpportunities)}</td>
              <td className="num">
                {money(r.wonRevenueMinor, r.currency)}
                {r.otherCurrencyWins ? <div className="muted">+ {formatCount(r.otherCurrencyWins, 'win')} in other currencies</div> : null}
              </td>
              <td className="num">{money(r.costMinor, r.currency)}</td>
              <td className={`num${r.roiPercent !== null && r.roiPercent < 0 ? ' campaign-figures--bad' : ''}`}>{formatRoi(r.roiPercent)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
