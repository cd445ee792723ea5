import type { TagRef } from '../../../../shared/contract/tags';

export interface TagChipProps {
  tag: TagRef;
  /** Shows a remove button when given. */
  onRemove?: (() => void) | undefined;
}

/** A tag as a small coloured label, optionally with its own remove button. */
export function TagChip({ tag, onRemove }: TagChipProps) {
  return (
    <span className="tag-chip" style={tag.colour ? { borderColor: tag.colour, background: `${tag.colour}22` } : undefined}>
      {tag.name}
      {onRemove ? (
        <button type="button" className="tag-chip__remove" aria-label={`Remove tag ${tag.name}`} onClick={onRemove}>
          ×
        </button>
      ) : null}
    </span>
  );
}
