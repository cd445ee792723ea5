import { useEffect, useRef } from 'react';

/** True for Ctrl+K, or Cmd+K on a Mac keyboard. */
export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

/**
 * Ctrl/Cmd+K anywhere in the window calls `onToggle`. Listens in the capture
 * phase so a grid or an editor that keeps its keys to itself cannot swallow it.
 */
export function usePaletteHotkey(onToggle: () => void): void {
  const latest = useRef(onToggle);
  latest.current = onToggle;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event) || event.repeat) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

/** "⌘K" on a Mac, "Ctrl K" elsewhere: what the header hint shows. */
export function paletteShortcutLabel(): string {
  return /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl K';
}
