import type { StageChange } from '../../../../shared/contract/opportunities';
import { formatMoney } from '../../../../shared/money';
import { formatDateTime } from '../../lib/format';

export interface StageHistoryTableProps {
  changes: StageChange[] | undefined;
  loading: boolean;
}

/** Every stage an opportunity went through, oldest first. */
export function StageHistoryTable({ changes, loading }: StageHistoryTableProps) {
  if (loading) return <p className="muted">Loading…</p>;
  if (!changes?.length) return <p className="muted">No stage changes yet.</p>;
  return (
    <table className="opp-table" aria-label="Stage history">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col" className="num">Amount</th>
          <th scope="col" className="num">Probability</th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.id}>
            <td>{formatDateTime(c.changedAt)}</td>
            <td>{c.fromStage?.name ?? <span className="muted">—</span>}</td>
            <td>{c.toStage.name}</td>
            <td className="num">{formatMoney(c.amount)}</td>
            <td className="num">{c.probability} %</td>
            <td>{c.changedBy.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
