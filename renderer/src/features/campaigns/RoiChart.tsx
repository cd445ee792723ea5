import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactMoney, toMajor } from '../opportunities/reportFormat';

export interface RoiChartBar {
  name: string;
  costMinor: number;
  wonRevenueMinor: number;
}

export interface RoiChartProps {
  bars: readonly RoiChartBar[];
  currency: string;
  label: string;
}

/** Cost against won revenue, side by side per channel or campaign, in one currency. */
export function RoiChart({ bars, currency, label }: RoiChartProps) {
  const data = bars.map((b) => ({ name: b.name, cost: toMajor(b.costMinor, currency), won: toMajor(b.wonRevenueMinor, currency) }));
  const full = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return (
    <div className="roi-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis tickFormatter={(v: number) => compactMoney(v, currency)} width={72} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? full.format(value) : String(value ?? ''))} />
          <Legend />
          <Bar dataKey="cost" name="Cost" fill="#b9c7dc" isAnimationActive={false} />
          <Bar dataKey="won" name="Won revenue" fill="#2f9e58" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
