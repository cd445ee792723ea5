import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../../../shared/money';
import { formatCount } from '../../lib/format';
import { BoardCard } from './BoardCard';
import type { BoardColumnData } from './boardMove';

export interface BoardColumnProps {
  column: BoardColumnData;
}

/** One stage: its count, totals per currency (never added across currencies) and its first cards. */
export const BoardColumn = memo(function BoardColumn({ column }: BoardColumnProps) {
  const { stage, count, totals, cards } = column;
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage.id}`, data: { stageId: stage.id } });
  const more = count - cards.length;
  return (
    <section ref={setNodeRef} className={`board-column board-column--${stage.kind}${isOver ? ' board-column--over' : ''}`} aria-label={stage.name}>
      <header className="board-column__head">
        <h2>
          {stage.name}{' '}
          <span className="board-column__count" title={formatCount(count, 'opportunity', 'opportunities')}>
            <span className="sr-only">{formatCount(count, 'opportunity', 'opportunities')}</span>
            <span aria-hidden="true">{count}</span>
          </span>
        </h2>
        <span className="board-column__probability">{stage.probability} %</span>
        <dl className="board-column__totals" aria-label={`Totals of ${stage.name}`}>
          {totals.length === 0 ? (
            <div>
              <dt className="sr-only">Total</dt>
              <dd className="muted">—</dd>
            </div>
          ) : (
            totals.map((t) => (
              <div key={t.currency} className="board-column__total">
                <dt className="sr-only">Total {t.currency}</dt>
                <dd className="board-column__amount">{formatMoney({ amountMinor: t.amountMinor, currency: t.currency })}</dd>
                <dt className="sr-only">Weighted {t.currency}</dt>
                <dd className="board-column__weighted" title="Weighted by probability">
                  weighted {formatMoney({ amountMinor: t.weightedMinor, currency: t.currency })}
                </dd>
              </div>
            ))
          )}
        </dl>
      </header>
      <div className="board-column__cards">
        {cards.map((card) => (
          <BoardCard key={card.id} card={card} />
        ))}
        {more > 0 ? (
          <p className="board-column__more">
            <Link to="/opportunities">{new Intl.NumberFormat('en-US').format(more)} more</Link>
          </p>
        ) : null}
      </div>
    </section>
  );
});
