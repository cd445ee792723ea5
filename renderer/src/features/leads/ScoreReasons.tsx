import type { ScoreReason } from '../../../../shared/contract/leads';
import './leads.css';

export interface ScoreReasonsProps {
  score: number;
  reasons: ScoreReason[];
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The lead's score and the rules that made it, e.g. "Rated hot +20". */
export function ScoreReasons({ score, reasons }: ScoreReasonsProps) {
  return (
    <div className="lead-score">
      <p className="lead-score__total">
        <span className="lead-score__number" aria-label={`Score ${score}`}>
          {score}
        </span>{' '}
        points
      </p>
      {reasons.length === 0 ? (
        <p className="muted">No scoring rule applies yet.</p>
      ) : (
        <ul className="plain-list lead-score__reasons" aria-label="Score reasons">
          {reasons.map((r, i) => (
            <li key={`${r.label}-${i}`} className={r.points < 0 ? 'lead-score__reason lead-score__reason--minus' : 'lead-score__reason'}>
              {r.label} {signed(r.points)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
