import { paletteShortcutLabel } from './usePaletteHotkey';
import './palette.css';

export interface SearchButtonProps {
  onOpen: () => void;
}

/** The header's way into the command palette, with its shortcut. */
export function SearchButton({ onOpen }: SearchButtonProps) {
  const shortcut = paletteShortcutLabel();
  return (
    <button type="button" className="shell-search" onClick={onOpen} aria-keyshortcuts="Control+K Meta+K">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span>Search…</span>
      <kbd aria-hidden="true">{shortcut}</kbd>
    </button>
  );
}
