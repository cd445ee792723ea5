import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { COMMON_CURRENCIES } from '../../components/MoneyInput';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { ForecastChart } from './ForecastChart';
import { ForecastTable } from './ForecastTable';
import { QuotaEditor } from './QuotaEditor';
import { ReportFilters } from './ReportFilters';
import { useReportParams } from './useReportParams';
import './opportunities.css';

/** Forecast per month or quarter in one currency (no conversion), against quota. */
export function ForecastPage() {
  const report = useReportParams();
  const { params, period, from, to, ownerId, set } = report;
  const currency = params.get('currency') || 'EUR';
  const input = { period, from, to, currency, ...(ownerId ? { ownerId } : {}) } as const;
  const summary = useQuery({ queryKey: ['forecast', 'summary', input], queryFn: () => call('forecast.summary', input), placeholderData: (prev) => prev });

  return (
    <div className="page">
      <PageHeader
        title="Forecast"
        subtitle={`${currency}; amounts in other currencies are not converted`}
        actions={
          <Link className="btn" to="/win-loss">
            Win/loss
          </Link>
        }
      />
      <ReportFilters idPrefix="fc" label="Forecast filters" report={report}>
        <Field id="fc-currency" label="Currency">
          <select id="fc-currency" value={currency} onChange={(e) => set('currency', e.target.value)}>
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      </ReportFilters>
      {summary.isError ? <ErrorBanner title="Could not load the forecast" messages={[errorMessage(summary.error)]} /> : null}
      {summary.isPending ? <p className="muted">Loading…</p> : null}
      {summary.data ? (
        <Section title="Forecast against quota">
          <ForecastChart summary={summary.data} />
          <ForecastTable summary={summary.data} />
        </Section>
      ) : null}
      <Section title="Quotas">
        <QuotaEditor currency={currency} year={Number(from.slice(0, 4))} period={period} />
      </Section>
    </div>
  );
}
