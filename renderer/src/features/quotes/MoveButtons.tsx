export interface MoveButtonsProps {
  lineKey: string;
  name: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: -1 | 1) => void;
}

/** Reordering without dragging: two buttons a keyboard reaches with Tab; focus stays on the line as it moves. */
export function MoveButtons({ lineKey, name, canMoveUp, canMoveDown, onMove }: MoveButtonsProps) {
  return (
    <div className="quote-move">
      <button
        type="button"
        id={`move-up-${lineKey}`}
        className="quote-move__btn"
        disabled={!canMoveUp}
        onClick={() => onMove(-1)}
        aria-label={`Move up: ${name}`}
        title="Move up"
      >
        ▲
      </button>
      <button
        type="button"
        id={`move-down-${lineKey}`}
        className="quote-move__btn"
        disabled={!canMoveDown}
        onClick={() => onMove(1)}
        aria-label={`Move down: ${name}`}
        title="Move down"
      >
        ▼
      </button>
    </div>
  );
}
