import { useState } from 'react';
import type { User } from '../../../../shared/contract/users';
import type { Territory } from '../../../../shared/contract/territories';

export interface MembersEditorProps {
  memberIds: number[];
  /** Active users, to add from. */
  users: User[];
  /** The saved members, for names and capacities of users no longer active. */
  saved: Territory['members'];
  method: Territory['method'];
  error: string | undefined;
  disabled: boolean;
  onChange: (ids: number[]) => void;
}

/** The reps of a territory, in round-robin order: add from the active users, reorder, remove; capacity beside each. */
export function MembersEditor({ memberIds, users, saved, method, error, disabled, onChange }: MembersEditorProps) {
  const [adding, setAdding] = useState('');
  const byId = new Map<number, { name: string; capacity: number; active: boolean }>();
  for (const m of saved) byId.set(m.id, m);
  for (const u of users) byId.set(u.id, { name: u.name, capacity: u.capacity, active: u.active });
  const candidates = users.filter((u) => !memberIds.includes(u.id));
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= memberIds.length) return;
    const next = [...memberIds];
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
  };
  const add = () => {
    const id = Number(adding);
    if (!id || memberIds.includes(id)) return;
    onChange([...memberIds, id]);
    setAdding('');
  };
  return (
    <fieldset className={`form-section territory-members${error ? ' territory-members--invalid' : ''}`} aria-describedby={error ? 'territory-members-error' : undefined}>
      <legend>Members</legend>
      <p className="field__hint">
        {method === 'round_robin'
          ? 'New records go to each member in turn, in this order.'
          : method === 'least_loaded'
            ? 'The member with the least work for their capacity takes the next record (capacity 200 takes twice as much as 100).'
            : 'A fixed territory gives everything to its owner; members are kept for when the method changes.'}
      </p>
      {memberIds.length ? (
        <ol className="territory-members__list" aria-label="Members in round-robin order">
          {memberIds.map((id, index) => {
            const m = byId.get(id);
            const name = m?.name ?? `User ${id}`;
            return (
              <li key={id} className="territory-member" aria-label={name}>
                <span className="territory-member__order" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="territory-member__name">
                  {name}
                  {m && !m.active ? <span className="tag">inactive</span> : null}
                </span>
                <span className="territory-member__capacity" title="Capacity: a relative weight for least-loaded assignment">
                  Capacity {m?.capacity ?? '—'}
                </span>
                <span className="territory-member__buttons">
                  <button type="button" className="btn btn--small" aria-label={`Move ${name} up`} disabled={disabled || index === 0} onClick={() => move(index, -1)}>
                    ▲
                  </button>
                  <button type="button" className="btn btn--small" aria-label={`Move ${name} down`} disabled={disabled || index === memberIds.length - 1} onClick={() => move(index, 1)}>
                    ▼
                  </button>
                  <button type="button" className="btn btn--small btn--danger" aria-label={`Remove ${name}`} disabled={disabled} onClick={() => onChange(memberIds.filter((x) => x !== id))}>
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">No members: records go to the fallback owner, then the parent territory’s.</p>
      )}
      {error ? (
        <p className="field__error" id="territory-members-error">
          {error}
        </p>
      ) : null}
      <div className="territory-members__add">
        <label htmlFor="territory-add-member">Add member</label>
        <select id="territory-add-member" value={adding} disabled={disabled || candidates.length === 0} onChange={(e) => setAdding(e.target.value)}>
          <option value="">{candidates.length ? 'Choose a user…' : 'Everyone is a member'}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} (capacity {u.capacity})
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={disabled || !adding} onClick={add}>
          Add
        </button>
      </div>
    </fieldset>
  );
}
