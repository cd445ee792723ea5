import type { ForecastSummary } from '../../../../shared/contract/opportunities';
import { formatMoney } from '../../../../shared/money';
import { FORECAST_SERIES } from './ForecastChart';

export interface ForecastTableProps {
  summary: ForecastSummary;
}

/** The chart's figures, compact, one row per period. */
export function ForecastTable({ summary }: ForecastTableProps) {
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney({ amountMinor: minor, currency: summary.currency }));
  return (
    <table className="opp-table" aria-label="Forecast figures">
      <thead>
        <tr>
          <th scope="col">Period</th>
          {FORECAST_SERIES.map((s) => (
            <th key={s.key} scope="col" className="num">
              {s.label}
            </th>
          ))}
          <th scope="col" className="num">
            Quota
          </th>
          <th scope="col" className="num">
            Attainment
          </th>
        </tr>
      </thead>
      <tbody>
        {summary.totals.map((t) => (
          <tr key={t.period}>
            <th scope="row">{t.period}</th>
            {FORECAST_SERIES.map((s) => (
              <td key={s.key} className="num">
                {money(t[s.key])}
              </td>
            ))}
            <td className="num">{money(t.quotaMinor)}</td>
            <td className="num">{t.quotaMinor ? `${Math.round((t.closedWonMinor / t.quotaMinor) * 100)} %` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
