import { useEffect, useId, useRef, useState } from 'react';

export interface PickedRecord {
  id: number;
  name: string;
}

export interface RecordPickerProps {
  id: string;
  value: PickedRecord | null;
  onChange: (value: PickedRecord | null) => void;
  onBlur?: () => void;
  /** Records whose name starts with the text. */
  search: (text: string) => Promise<PickedRecord[]>;
  placeholder?: string;
  invalid?: boolean;
  describedById?: string | undefined;
}

/**
 * A type-ahead combobox: type the start of a name (or press Arrow Down for the
 * first matches), pick with the arrow keys and Enter or the mouse. Clearing the
 * text clears the choice.
 */
export function RecordPicker({ id, value, onChange, onBlur, search, placeholder, invalid, describedById }: RecordPickerProps) {
  const [text, setText] = useState(value?.name ?? '');
  const [options, setOptions] = useState<PickedRecord[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const request = useRef(0);

  useEffect(() => setText(value?.name ?? ''), [value?.id, value?.name]);

  const lookup = async (t: string) => {
    const mine = ++request.current;
    const found = await search(t).catch(() => []);
    if (mine !== request.current) return;
    setOptions(found);
    setActive(0);
    setOpen(true);
  };

  const choose = (record: PickedRecord | null) => {
    onChange(record);
    setText(record?.name ?? '');
    setOpen(false);
  };

  return (
    <div className="picker">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedById}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            onChange(null);
            setOpen(false);
          } else void lookup(e.target.value);
        }}
        onBlur={() => {
          // Let a click on an option land before the list closes.
          window.setTimeout(() => {
            setOpen(false);
            setText(value?.name ?? '');
          }, 150);
          onBlur?.();
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) void lookup(text);
            else setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open) {
            e.preventDefault();
            const option = options[active];
            if (option) choose(option);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      {open ? (
        <ul className="picker__list" id={listId} role="listbox" aria-label="Matches">
          {options.length === 0 ? <li className="picker__empty">No matches</li> : null}
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${o.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'picker__option picker__option--active' : 'picker__option'}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              {o.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
