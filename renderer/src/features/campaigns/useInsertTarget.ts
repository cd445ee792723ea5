import { useCallback, useRef, useState } from 'react';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

export interface InsertTarget {
  /** Call from a text control's onFocus: merge fields go into it, where its caret is. */
  track: (el: TextControl, apply: (value: string) => void) => void;
  /** Puts the text at the caret (replacing a selection) of the control last focused, then puts focus back there. */
  insert: (text: string) => void;
  /** A control has been focused, so a chip knows where to go. */
  ready: boolean;
}

/** Where the merge-field chips of one step insert: the subject or text last focused, at its caret. */
export function useInsertTarget(): InsertTarget {
  const target = useRef<{ el: TextControl; apply: (value: string) => void } | null>(null);
  const [ready, setReady] = useState(false);
  const track = useCallback((el: TextControl, apply: (value: string) => void) => {
    target.current = { el, apply };
    setReady(true);
  }, []);
  const insert = useCallback((text: string) => {
    const t = target.current;
    if (!t || !t.el.isConnected) return;
    // The caret stays on the control while a chip has focus, so it is still where the user left it.
    const start = t.el.selectionStart ?? t.el.value.length;
    const end = t.el.selectionEnd ?? start;
    t.apply(t.el.value.slice(0, start) + text + t.el.value.slice(end));
    const caret = start + text.length;
    requestAnimationFrame(() => {
      t.el.focus();
      t.el.setSelectionRange(caret, caret);
    });
  }, []);
  return { track, insert, ready };
}
