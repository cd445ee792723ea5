import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Line, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WinLoss } from '../../../../shared/contract/opportunities';
import { formatMoney } from '../../../../shared/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { ReportFilters } from './ReportFilters';
import { useReportParams } from './useReportParams';
import './opportunities.css';

type Stats = WinLoss['totals'];

/** Won and lost per period (or per owner), with the win rate as a line. */
function byKey(rows: WinLoss['rows'], key: (r: WinLoss['rows'][number]) => string) {
  const groups = new Map<string, { name: string; won: number; lost: number }>();
  for (const r of rows) {
    const name = key(r);
    const g = groups.get(name) ?? { name, won: 0, lost: 0 };
    g.won += r.won;
    g.lost += r.lost;
    groups.set(name, g);
  }
  return [...groups.values()].map((g) => ({ ...g, winRate: g.won + g.lost ? Math.round((g.won / (g.won + g.lost)) * 100) : null }));
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="report-tile">
      <div className="report-tile__label">{label}</div>
      <div className="report-tile__value">{value}</div>
    </div>
  );
}

function WonLostChart({ data, label }: { data: ReturnType<typeof byKey>; label: string }) {
  if (!data.length) return <p className="muted">Nothing was won or lost in this range.</p>;
  return (
    <div className="report-chart report-chart--small" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis yAxisId="count" allowDecimals={false} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit=" %" />
          <Tooltip />
          <Legend />
          <Bar yAxisId="count" dataKey="won" name="Won" stackId="n" fill="#2f9e58" isAnimationActive={false} />
          <Bar yAxisId="count" dataKey="lost" name="Lost" stackId="n" fill="#d9534f" isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="winRate" name="Win rate %" stroke="#1f5fbf" strokeWidth={2} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function LostReasonsChart({ stats }: { stats: Stats }) {
  if (!stats.lostReasons.length) return <p className="muted">No lost deals in this range.</p>;
  const data = stats.lostReasons.slice(0, 12);
  return (
    <div className="report-chart report-chart--small" role="img" aria-label="Lost reasons">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="reason" width={150} />
          <Tooltip />
          <Bar dataKey="count" name="Deals lost" fill="#d9534f" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Win rate, deal size, cycle length and why deals were lost, by owner and period. */
export function WinLossPage() {
  const filters = useReportParams();
  const { period, from, to, ownerId } = filters;
  const input = { period, from, to, ...(ownerId ? { ownerId } : {}) } as const;
  const report = useQuery({ queryKey: ['forecast', 'winLoss', input], queryFn: () => call('forecast.winLoss', input), placeholderData: (prev) => prev });

  const t = report.data?.totals;
  return (
    <div className="page">
      <PageHeader
        title="Win/loss"
        breadcrumb={<Link to="/forecast">Forecast</Link>}
      />
      <ReportFilters idPrefix="wl" label="Win/loss filters" report={filters} />
      {report.isError ? <ErrorBanner title="Could not load the report" messages={[errorMessage(report.error)]} /> : null}
      {report.isPending ? <p className="muted">Loading…</p> : null}
      {t && report.data ? (
        <>
          <div className="report-tiles">
            <Tile label="Win rate" value={t.winRatePercent === null ? '—' : `${t.winRatePercent} %`} />
            <Tile label="Won / lost" value={`${t.won} / ${t.lost}`} />
            <Tile label="Average deal size" value={t.averageDealSize.length ? t.averageDealSize.map((m) => formatMoney(m)).join(' · ') : '—'} />
            <Tile label="Average cycle" value={t.averageCycleDays === null ? '—' : `${t.averageCycleDays} days`} />
          </div>
          <div className="report-columns">
            <Section title="By period">
              <WonLostChart data={byKey(report.data.rows, (r) => r.period).sort((a, b) => a.name.localeCompare(b.name))} label="Won and lost per period" />
            </Section>
            <Section title="By owner">
              <WonLostChart data={byKey(report.data.rows, (r) => r.owner.name)} label="Won and lost per owner" />
            </Section>
            <Section title="Lost reasons">
              <LostReasonsChart stats={t} />
            </Section>
          </div>
        </>
      ) : null}
    </div>
  );
}
