import type { SearchKind } from '../../../../shared/contract/search';
import { Highlight } from './Highlight';
import type { PaletteItem } from './paletteItems';

const BADGES: Record<SearchKind | 'command', string> = { account: 'A', contact: 'C', lead: 'L', opportunity: 'O', command: '›' };

export interface PaletteOptionProps {
  id: string;
  item: PaletteItem;
  active: boolean;
  words: string[];
  onPoint: () => void;
  onRun: () => void;
}

/** One row of the results listbox; focus stays in the text box (aria-activedescendant). */
export function PaletteOption({ id, item, active, words, onPoint, onRun }: PaletteOptionProps) {
  const disabled = item.to === null;
  const kind = item.type === 'command' ? 'command' : item.hit.kind;
  const className = ['palette__option', active ? 'palette__option--active' : '', disabled ? 'palette__option--disabled' : ''].filter(Boolean).join(' ');
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-disabled={disabled || undefined}
      className={className}
      onMouseMove={disabled ? undefined : onPoint}
      onMouseDown={(e) => e.preventDefault()}
      onClick={disabled ? undefined : onRun}
    >
      <span className={`palette__badge palette__badge--${kind}`} aria-hidden="true">
        {BADGES[kind]}
      </span>
      {item.type === 'command' ? (
        <span className="palette__text">
          <span className="palette__title">
            <Highlight text={item.command.label} words={words} />
          </span>
        </span>
      ) : (
        <span className="palette__text">
          <span className="palette__title">
            <Highlight text={item.hit.title || '(no name)'} words={words} />
          </span>
          {item.hit.subtitle ? <span className="palette__subtitle">{item.hit.subtitle}</span> : null}
        </span>
      )}
      {disabled ? <span className="palette__tag">coming soon</span> : null}
      {active && !disabled ? (
        <span className="palette__enter" aria-hidden="true">
          ↵
        </span>
      ) : null}
    </div>
  );
}
