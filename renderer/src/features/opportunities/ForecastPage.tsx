import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
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
import { useUsers } from './queries';
import { thisYear } from './reportFormat';
import './opportunities.css';

/** Forecast per month or quarter in one currency (no conversion), against quota. */
export function ForecastPage() {
  const [params, setParams] = useSearchParams();
  const users = useUsers();
  const year = thisYear();
  const period = params.get('period') === 'month' ? 'month' : 'quarter';
  const from = params.get('from') || year.from;
  const to = params.get('to') || year.to;
  const ownerId = Number(params.get('ownerId')) || undefined;
  const currency = params.get('currency') || 'EUR';
  const input = { period, from, to, currency, ...(ownerId ? { ownerId } : {}) } as const;
  const summary = useQuery({ queryKey: ['forecast', 'summary', input], queryFn: () => call('forecast.summary', input), placeholderData: (prev) => prev });

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

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
      <div className="report-filters" role="group" aria-label="Forecast filters">
        <Field id="fc-period" label="Period">
          <select id="fc-period" value={period} onChange={(e) => set('period', e.target.value)}>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
          </select>
        </Field>
        <Field id="fc-from" label="From">
          <input id="fc-from" type="date" value={from} onChange={(e) => set('from', e.target.value)} />
        </Field>
        <Field id="fc-to" label="To">
          <input id="fc-to" type="date" value={to} onChange={(e) => set('to', e.target.value)} />
        </Field>
        <Field id="fc-owner" label="Owner">
          <select id="fc-owner" value={ownerId ?? ''} onChange={(e) => set('ownerId', e.target.value)}>
            <option value="">Everyone</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="fc-currency" label="Currency">
          <select id="fc-currency" value={currency} onChange={(e) => set('currency', e.target.value)}>
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      </div>
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
