import { Link } from 'react-router';
import type { AssignmentRecord } from '../../../../shared/contract/territories';
import { formatDateTime } from '../../lib/format';
import { ENTITY_LABELS, REASON_LABELS, recordPath } from './labels';

export interface AssignmentMovesTableProps {
  moves: AssignmentRecord[];
  label: string;
  /** A batch's moves name their records; one record's history does not need to. */
  showRecord?: boolean;
  /** A batch's moves all share when and by whom: the batch row says it. */
  showWhenBy?: boolean;
}

function Change({ from, to }: { from: string | null; to: string | null }) {
  if (from === to) return <>{to ?? <span className="muted">—</span>}</>;
  return (
    <>
      <span className="owner-change__from">{from ?? <span className="muted">none</span>}</span>
      <span className="owner-change__arrow" aria-label="to">
        {' → '}
      </span>
      <span className="owner-change__to">{to ?? <span className="muted">none</span>}</span>
    </>
  );
}

/** Owner changes: which record, from whom to whom, between which territories, why, when and by whom. */
export function AssignmentMovesTable({ moves, label, showRecord = true, showWhenBy = true }: AssignmentMovesTableProps) {
  if (!moves.length) return <p className="muted">No owner changes.</p>;
  return (
    <table className="territory-table" aria-label={label}>
      <thead>
        <tr>
          {showRecord ? <th scope="col">Record</th> : null}
          <th scope="col">Owner</th>
          <th scope="col">Territory</th>
          <th scope="col">Why</th>
          {showWhenBy ? <th scope="col">When</th> : null}
          {showWhenBy ? <th scope="col">By</th> : null}
        </tr>
      </thead>
      <tbody>
        {moves.map((m) => (
          <tr key={m.id}>
            {showRecord ? (
              <td>
                <span className="tag tag--entity">{ENTITY_LABELS[m.entity]}</span> <Link to={recordPath(m.entity, m.recordId)}>{m.recordName}</Link>
              </td>
            ) : null}
            <td>
              <Change from={m.from?.name ?? null} to={m.to.name} />
            </td>
            <td>
              <Change from={m.fromTerritory?.name ?? null} to={m.toTerritory?.name ?? null} />
            </td>
            <td>{REASON_LABELS[m.reason]}</td>
            {showWhenBy ? <td className="territory-table__when">{formatDateTime(m.at)}</td> : null}
            {showWhenBy ? <td>{m.by.name}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
