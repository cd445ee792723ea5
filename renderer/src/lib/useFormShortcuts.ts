import { useEffect, useRef } from 'react';

/** Ctrl/Cmd+S saves, Esc cancels, while the form is on screen. */
export function useFormShortcuts(onSave: () => void, onCancel: () => void): void {
  const handlers = useRef({ onSave, onCancel });
  handlers.current = { onSave, onCancel };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        handlers.current.onSave();
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        const target = event.target as HTMLElement | null;
        // An open picker list closes first; its own handler prevents default.
        if (target?.getAttribute('aria-expanded') === 'true') return;
        event.preventDefault();
        handlers.current.onCancel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
