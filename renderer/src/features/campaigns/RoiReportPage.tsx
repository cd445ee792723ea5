import { useState } from 'react';
import type { RoiRow } from '../../../../shared/contract/campaign-results';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/formErrors';
import { AttributionToggle, type Attribution } from './AttributionToggle';
import { CampaignsTabs } from './CampaignsTabs';
import { useRoi } from './queries';
import { RoiChart } from './RoiChart';
import { RoiTable } from './RoiTable';
import './campaigns.css';

/** Rows by currency, each campaign's total line followed by its channels. */
function byCurrency(rows: readonly RoiRow[]): Map<string, RoiRow[]> {
  const groups = new Map<string, RoiRow[]>();
  const order = [...rows].sort((a, b) => a.campaignId - b.campaignId || (a.channel === null ? -1 : b.channel === null ? 1 : a.channel.localeCompare(b.channel)));
  for (const r of order) groups.set(r.currency, [...(groups.get(r.currency) ?? []), r]);
  return groups;
}

/** Every campaign's closed loop side by side, with first- or last-touch attribution. */
export function RoiReportPage() {
  const [attribution, setAttribution] = useState<Attribution>('last');
  const roi = useRoi(null, attribution);
  const groups = byCurrency(roi.data ?? []);
  return (
    <div className="page">
      <CampaignsTabs />
      <PageHeader title="Campaign ROI" subtitle="Reached, responded, leads, opportunities and won revenue against cost, per campaign and channel." />
      <AttributionToggle value={attribution} onChange={setAttribution} />
      {roi.isError ? <ErrorBanner title="Cannot load the report" messages={[errorMessage(roi.error)]} /> : null}
      {roi.data && roi.data.length === 0 ? <p className="muted">No campaigns to report on yet.</p> : null}
      {[...groups].map(([currency, rows]) => {
        const totals = rows.filter((r) => r.channel === null);
        return (
          <section key={currency} className="section" aria-label={`Campaigns in ${currency}`}>
            {groups.size > 1 ? <h2>In {currency}</h2> : null}
            <RoiChart currency={currency} label={`Cost and won revenue per campaign in ${currency}`} bars={totals.map((r) => ({ name: r.campaignName, costMinor: r.costMinor, wonRevenueMinor: r.wonRevenueMinor }))} />
            <RoiTable rows={rows} label={`ROI per campaign in ${currency}`} by="campaign" />
          </section>
        );
      })}
    </div>
  );
}
