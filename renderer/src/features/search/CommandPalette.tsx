import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_TEXT_MAX } from '../../../../shared/contract/search';
import { matchCommands } from './commands';
import { PaletteOption } from './PaletteOption';
import { navigableItems, paletteSections, type PaletteItem } from './paletteItems';
import { useGlobalSearch } from './queries';
import './palette.css';

export interface CommandPaletteProps {
  open: boolean;
  onClose: () => void;
}

/** Ctrl/Cmd+K: find any record or run a command, by keyboard alone. Mounted fresh on every opening. */
export function CommandPalette({ open, onClose }: CommandPaletteProps) {
  return open ? <PaletteDialog onClose={onClose} /> : null;
}

interface PaletteDialogProps {
  onClose: () => void;
}

const FOCUSABLE = 'input, button, [href], [tabindex]:not([tabindex="-1"])';

function PaletteDialog({ onClose }: PaletteDialogProps) {
  const navigate = useNavigate();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const search = useGlobalSearch(text);

  // Where focus was before the palette opened (read once, before any effect moves it).
  const [returnTo] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const mounted = useRef(false);

  // A modal <dialog> makes the rest of the page inert; focus goes back where it was on close.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    mounted.current = true;
    if (dialog && !dialog.open) dialog.showModal();
    inputRef.current?.focus();
    return () => {
      mounted.current = false;
      if (dialog?.open) dialog.close();
      window.requestAnimationFrame(() => {
        // React's StrictMode re-mounts at once in development: then the palette is still open.
        if (mounted.current) return;
        // After a navigation the old element may be gone: then the page's main region takes focus.
        if (returnTo && returnTo.isConnected && returnTo !== document.body) returnTo.focus();
        else document.getElementById('main')?.focus();
      });
    };
  }, [returnTo]);

  const commands = useMemo(() => matchCommands(text), [text]);
  const sections = useMemo(() => paletteSections(commands, search.result), [commands, search.result]);
  const navigable = useMemo(() => navigableItems(sections), [sections]);
  const navKeys = navigable.map((i) => i.key).join('|');
  useEffect(() => setActive(0), [navKeys]);
  const activeItem: PaletteItem | undefined = navigable[Math.min(active, navigable.length - 1)];
  const optionId = (item: PaletteItem) => `${listId}-${item.key.replace(/[^\w-]/g, '-')}`;

  const activeId = activeItem ? optionId(activeItem) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const run = (item: PaletteItem | undefined) => {
    if (!item?.to) return;
    onClose();
    void navigate(item.to);
  };

  const move = (delta: number) => {
    if (navigable.length === 0) return;
    setActive((a) => (Math.min(a, navigable.length - 1) + delta + navigable.length) % navigable.length);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // The page underneath never sees keys typed here (its Esc would cancel a form, Ctrl+S would save it).
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      run(activeItem);
    } else if (e.key === 'Tab') {
      // Keep focus inside: cycle between the dialog's own controls.
      const focusable = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
      if (focusable.length === 0) return;
      e.preventDefault();
      const at = focusable.indexOf(document.activeElement as HTMLElement);
      focusable[(at + (e.shiftKey ? -1 : 1) + focusable.length) % focusable.length]?.focus();
    }
  };

  const words = search.settledText.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
  const hitCount = sections.filter((s) => s.key !== 'commands').reduce((n, s) => n + s.items.length, 0);
  const comingSoon = sections.some((s) => s.items.some((i) => i.to === null));
  const searched = text.trim() !== '' && !search.pending;
  const status = search.error
    ? 'Search failed.'
    : searched
      ? `${hitCount === 0 ? 'No records match' : `${hitCount} ${hitCount === 1 ? 'record' : 'records'} found`}${commands.length > 0 ? `, ${commands.length} ${commands.length === 1 ? 'command' : 'commands'}` : ''}.`
      : '';

  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (e.target === dialogRef.current) onClose();
      }}
    >
      <div className="palette__panel">
        <h2 id={titleId} className="sr-only">
          Search and commands
        </h2>
        <div className="palette__search">
          <svg className="palette__glass" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <input
            ref={inputRef}
            type="text"
            className="palette__input"
            role="combobox"
            aria-label="Search records and commands"
            aria-expanded={sections.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeId}
            autoComplete="off"
            spellCheck={false}
            maxLength={SEARCH_TEXT_MAX}
            placeholder="Search accounts, contacts, leads, opportunities… or type a command"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {search.pending ? <span className="palette__spinner" aria-hidden="true" /> : null}
          <button type="button" className="palette__close" onClick={onClose}>
            Esc<span className="sr-only"> (close)</span>
          </button>
        </div>
        <div id={listId} role="listbox" aria-label="Results" className="palette__results">
          {sections.map((section) => (
            <div key={section.key} role="group" aria-labelledby={`${listId}-${section.key}`} className="palette__group">
              <div id={`${listId}-${section.key}`} className="palette__group-label" role="presentation">
                {section.label}
                {section.more > 0 ? <span className="palette__more"> · {section.more} more</span> : null}
              </div>
              {section.items.map((item) => (
                <PaletteOption
                  key={item.key}
                  id={optionId(item)}
                  item={item}
                  active={item.key === activeItem?.key}
                  words={item.type === 'command' ? text.split(/\s+/).filter(Boolean) : words}
                  onPoint={() => setActive(navigable.findIndex((n) => n.key === item.key))}
                  onRun={() => run(item)}
                />
              ))}
            </div>
          ))}
        </div>
        {search.error ? <p className="palette__empty palette__empty--error">The search failed: {search.error.message}</p> : null}
        {!search.error && searched && hitCount === 0 ? <p className="palette__empty">No records match “{text.trim()}”.</p> : null}
        <div role="status" className="sr-only">
          {status}
        </div>
        <div className="palette__footer" aria-hidden="true">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> move
          </span>
          <span>
            <kbd>Enter</kbd> open
          </span>
          <span>
            <kbd>Esc</kbd> close
          </span>
          {comingSoon ? <span className="palette__footer-note">Leads and opportunities open once their pages exist</span> : null}
        </div>
      </div>
    </dialog>
  );
}
