import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastSummary } from '../../../../shared/contract/opportunities';

import { compactMoney, toMajor } from './reportFormat';

export interface ForecastChartProps {
  summary: ForecastSummary;
}

export const FORECAST_SERIES = [
  { key: 'closedWonMinor', label: 'Closed won', color: '#2f9e58' },
  { key: 'commitMinor', label: 'Commit', color: '#1f5fbf' },
  { key: 'bestCaseMinor', label: 'Best case', color: '#6f9be0' },
  { key: 'pipelineMinor', label: 'Pipeline', color: '#b9c7dc' },
  { key: 'weightedMinor', label: 'Weighted', color: '#e0a336' },
] as const;

/** Per period: closed won, commit, best case, pipeline and weighted as bars, the quota as a line. */
export function ForecastChart({ summary }: ForecastChartProps) {
  const { currency } = summary;
  const data = summary.totals.map((t) => ({
    period: t.period,
    ...Object.fromEntries(FORECAST_SERIES.map((s) => [s.key, toMajor(t[s.key], currency)])),
    quota: t.quotaMinor === null ? null : toMajor(t.quotaMinor, currency),
  }));
  return (
    <div className="report-chart" role="img" aria-label={`Forecast in ${currency} per period against quota`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" />
          <YAxis tickFormatter={(v: number) => compactMoney(v, currency)} width={72} />
          <Tooltip
            formatter={(value) =>
              typeof value === 'number' ? new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value) : String(value ?? '')
            }
          />
          <Legend />
          {FORECAST_SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
          <Line dataKey="quota" name="Quota" stroke="#b42318" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
