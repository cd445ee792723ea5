import type { DraftHeading } from './draft';
import { MoveButtons } from './MoveButtons';

export interface HeadingRowProps {
  line: DraftHeading;
  position: number;
  error: string | undefined;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onChange: (text: string) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}

/** A group heading ("Hardware", "Services") between the lines of the proposal. */
export function HeadingRow({ line, position, error, canMoveUp, canMoveDown, onChange, onMove, onRemove }: HeadingRowProps) {
  const id = `line-${line.key}-heading`;
  const name = line.text.trim() || `heading ${position}`;
  const shown = error ?? (line.text.trim() === '' ? 'Enter a heading' : undefined);
  return (
    <tr className="quote-line quote-line--heading" data-line-key={line.key}>
      <td className="quote-line__move">
        <MoveButtons lineKey={line.key} name={name} canMoveUp={canMoveUp} canMoveDown={canMoveDown} onMove={onMove} />
      </td>
      <td colSpan={6}>
        <label htmlFor={id} className="sr-only">
          Group heading {position}
        </label>
        <input
          id={id}
          type="text"
          className="quote-line__heading-input"
          value={line.text}
          placeholder="Group heading, e.g. Hardware"
          maxLength={200}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-error` : undefined}
        />
        {shown ? (
          <p className="field__error" id={`${id}-error`}>
            {shown}
          </p>
        ) : null}
      </td>
      <td className="quote-line__actions">
        <button type="button" className="btn btn--ghost btn--small quote-line__remove" onClick={onRemove} aria-label={`Remove ${name}`} title="Remove heading">
          ✕
        </button>
      </td>
    </tr>
  );
}
