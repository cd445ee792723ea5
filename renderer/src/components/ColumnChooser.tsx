import { useEffect, useId, useRef, useState } from 'react';

export interface ChooserColumn {
  colId: string;
  label: string;
  visible: boolean;
}

export interface ColumnChooserProps {
  /** Reads the columns and whether each is shown, when the menu opens. */
  getColumns: () => ChooserColumn[];
  onToggle: (colId: string, visible: boolean) => void;
}

/** A "Columns" menu of checkboxes (the columns tool panel is Enterprise-only). */
export function ColumnChooser({ getColumns, onToggle }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const [columns, setColumns] = useState<ChooserColumn[]>([]);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const toggleMenu = () => {
    if (!open) setColumns(getColumns());
    setOpen(!open);
  };

  const shown = columns.filter((c) => c.visible).length;
  return (
    <div className="column-chooser" ref={root}>
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls={panelId} onClick={toggleMenu}>
        Columns
      </button>
      {open ? (
        <fieldset
          className="column-chooser__panel"
          id={panelId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <legend>Show columns</legend>
          {columns.map((c) => (
            <label key={c.colId} className="column-chooser__item">
              <input
                type="checkbox"
                checked={c.visible}
                // Keep at least one column on screen.
                disabled={c.visible && shown === 1}
                onChange={(e) => {
                  const visible = e.target.checked;
                  setColumns((all) => all.map((x) => (x.colId === c.colId ? { ...x, visible } : x)));
                  onToggle(c.colId, visible);
                }}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
