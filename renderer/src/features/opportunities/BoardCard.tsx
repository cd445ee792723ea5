import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../../../shared/money';
import { formatDate } from '../../lib/format';
import type { BoardCardData } from './boardMove';

export interface BoardCardProps {
  card: BoardCardData;
  /** Drawn in the drag overlay: no drag handle wiring, no link. */
  overlay?: boolean;
}

/** Memoised apart from the draggable wrapper: dnd-kit re-renders every draggable on each pointer move, and formatting money is not free. */
const CardBody = memo(function CardBody({ card, overlay }: BoardCardProps) {
  return (
    <div className="board-card__body">
      {overlay ? (
        <span className="board-card__name">{card.name}</span>
      ) : (
        <Link className="board-card__name" to={`/opportunities/${card.id}`}>
          {card.name}
        </Link>
      )}
      {card.accountName ? <span className="board-card__account">{card.accountName}</span> : null}
      <span className="board-card__figures">
        <span className="board-card__amount">{formatMoney(card.amount)}</span>
        <span className="board-card__probability">{card.probability} %</span>
      </span>
      {card.expectedCloseDate ? <span className="board-card__close">Close {formatDate(card.expectedCloseDate)}</span> : null}
    </div>
  );
});

/** One opportunity on the board; dragged by its handle (mouse, touch or keyboard). */
export const BoardCard = memo(function BoardCard({ card }: BoardCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `card-${card.id}`, data: { cardId: card.id } });
  return (
    <article ref={setNodeRef} className={`board-card${isDragging ? ' board-card--dragging' : ''}`} aria-label={card.name} data-card-id={card.id}>
      <button type="button" className="board-card__handle" aria-label={`Move ${card.name}`} {...attributes} {...listeners}>
        <span aria-hidden="true">⋮⋮</span>
      </button>
      <CardBody card={card} />
    </article>
  );
});

/** What follows the pointer while a card is dragged. */
export function BoardCardOverlay({ card }: { card: BoardCardData }) {
  return (
    <div className="board-card board-card--overlay">
      <span className="board-card__handle" aria-hidden="true">
        ⋮⋮
      </span>
      <CardBody card={card} overlay />
    </div>
  );
}
