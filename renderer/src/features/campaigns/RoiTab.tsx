import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { errorMessage } from '../../lib/formErrors';
import { AttributionToggle, type Attribution } from './AttributionToggle';
import { useCampaignContext } from './campaignContext';
import { formatRate, formatRoi, money } from './campaignFormat';
import { CHANNEL_LABELS } from './labels';
import { useRoi } from './queries';
import { RoiChart } from './RoiChart';
import { RoiTable } from './RoiTable';

/** This campaign's closed loop: per channel who was reached and answered, what it won and what it cost. */
export function RoiTab() {
  const { campaign } = useCampaignContext();
  const [attribution, setAttribution] = useState<Attribution>('last');
  const roi = useRoi([campaign.id], attribution);
  const rows = (roi.data ?? []).filter((r) => r.campaignId === campaign.id);
  const whole = rows.find((r) => r.channel === null);
  const channels = rows.filter((r) => r.channel !== null);
  return (
    <div className="campaign-roi">
      <AttributionToggle value={attribution} onChange={setAttribution} />
      {roi.isError ? <ErrorBanner title="Cannot load the ROI" messages={[errorMessage(roi.error)]} /> : null}
      {!roi.data && !roi.isError ? <p className="muted">Loading…</p> : null}
      {whole ? (
        <dl className="campaign-figures" role="group" aria-label="Return on investment">
          <div>
            <dt>Response rate</dt>
            <dd>{formatRate(whole.responseRate)}</dd>
          </div>
          <div>
            <dt>Responded</dt>
            <dd>{whole.responded.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Won revenue</dt>
            <dd>{money(whole.wonRevenueMinor, whole.currency)}</dd>
          </div>
          <div>
            <dt>Cost</dt>
            <dd>{money(whole.costMinor, whole.currency)}</dd>
          </div>
          <div>
            <dt>ROI</dt>
            <dd>{formatRoi(whole.roiPercent)}</dd>
          </div>
        </dl>
      ) : null}
      {rows.length ? (
        <>
          <RoiTable rows={[...channels, ...(whole ? [whole] : [])]} label="ROI per channel" by="channel" />
          <RoiChart
            currency={campaign.currency}
            label={`Cost and won revenue per channel in ${campaign.currency}`}
            // The campaign's cost is often booked on the whole campaign rather than per channel, so its bar comes too.
            bars={[...channels, ...(whole ? [whole] : [])].map((r) => ({ name: r.channel ? CHANNEL_LABELS[r.channel] : 'Whole campaign', costMinor: r.costMinor, wonRevenueMinor: r.wonRevenueMinor }))}
          />
        </>
      ) : roi.data ? (
        <p className="muted">Nothing to report yet.</p>
      ) : null}
    </div>
  );
}
