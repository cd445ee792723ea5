import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TagRef, Taggable } from '../../../../shared/contract/tags';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { tagKeys, useRecordTags, useTags } from './queries';
import { TagChip } from './TagChip';
import './tags.css';

export interface RecordTagsProps {
  entity: Taggable;
  id: number;
  /** A record in the recycle bin shows its tags but cannot change them. */
  readOnly?: boolean;
}

/**
 * A record's tags: chips with a remove button each, and a combobox that offers existing tags as you type
 * (arrow keys and Enter, or the mouse) and "Create tag …" when the text names none. Backspace in the empty
 * box removes the last tag.
 */
export function RecordTags({ entity, id, readOnly = false }: RecordTagsProps) {
  const client = useQueryClient();
  const mine = useRecordTags(entity, id);
  const all = useTags();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputId = useId();
  const listId = useId();
  const current = mine.data ?? [];

  const save = useMutation({
    mutationFn: async (next: { tagIds: number[]; create?: string }) => {
      let ids = next.tagIds;
      if (next.create) {
        const created = await call('tags.create', { name: next.create });
        ids = [...ids, created.id];
      }
      return call('tags.set', { entity, recordId: id, tagIds: ids });
    },
    onSuccess: (tags) => {
      client.setQueryData(tagKeys.forRecord(entity, id), tags);
      void client.invalidateQueries({ queryKey: tagKeys.all });
      void client.invalidateQueries({ queryKey: ['audit'] });
    },
  });

  const term = text.trim();
  const taken = new Set(current.map((t) => t.id));
  const matches = (all.data ?? []).filter((t) => !taken.has(t.id) && t.name.toLowerCase().includes(term.toLowerCase())).slice(0, 8);
  const exact = (all.data ?? []).some((t) => t.name.toLowerCase() === term.toLowerCase());
  const options: { key: string; label: string; pick: () => void }[] = [
    ...matches.map((t) => ({ key: `t${t.id}`, label: t.name, pick: () => add(t) })),
    ...(term && !exact ? [{ key: 'new', label: `Create tag "${term}"`, pick: () => create(term) }] : []),
  ];

  function add(t: TagRef) {
    save.mutate({ tagIds: [...current.map((c) => c.id), t.id] });
    setText('');
    setOpen(false);
  }
  function create(name: string) {
    save.mutate({ tagIds: current.map((c) => c.id), create: name });
    setText('');
    setOpen(false);
  }
  function remove(t: TagRef) {
    save.mutate({ tagIds: current.filter((c) => c.id !== t.id).map((c) => c.id) });
  }

  return (
    <div className="record-tags">
      <ul className="record-tags__chips" aria-label="Tags">
        {current.map((t) => (
          <li key={t.id}>
            <TagChip tag={t} onRemove={readOnly ? undefined : () => remove(t)} />
          </li>
        ))}
        {current.length === 0 && mine.isSuccess ? <li className="muted">No tags</li> : null}
      </ul>
      {readOnly ? null : (
        <div className="picker record-tags__add">
          <label htmlFor={inputId} className="sr-only">
            Add a tag
          </label>
          <input
            id={inputId}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open && options.length > 0}
            aria-controls={listId}
            aria-activedescendant={open && options[active] ? `${listId}-${options[active].key}` : undefined}
            placeholder="Add a tag…"
            value={text}
            maxLength={60}
            disabled={save.isPending}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => window.setTimeout(() => setOpen(false), 150)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(true);
                setActive((a) => Math.min(a + 1, options.length - 1));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                options[active]?.pick();
              } else if (e.key === 'Escape') {
                setOpen(false);
              } else if (e.key === 'Backspace' && text === '' && current.length) {
                remove(current[current.length - 1]!);
              }
            }}
          />
          {open && options.length ? (
            <ul className="picker__list" id={listId} role="listbox" aria-label="Tags to add">
              {options.map((o, i) => (
                <li
                  key={o.key}
                  id={`${listId}-${o.key}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'picker__option picker__option--active' : 'picker__option'}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    o.pick();
                  }}
                >
                  {o.label}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      {save.error ? <ErrorBanner title="Could not change the tags" messages={[save.error.message]} /> : null}
    </div>
  );
}
