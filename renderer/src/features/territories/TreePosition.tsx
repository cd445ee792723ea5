import { useState } from 'react';
import type { Territory } from '../../../../shared/contract/territories';
import { subtreeIds } from './queries';
import type { MoveTo } from './treeMove';

export interface TreePositionProps {
  territory: Territory;
  tree: Territory[];
  busy: boolean;
  onMove: (to: MoveTo) => void;
}

/** Where the selected territory sits, without a mouse: choose a new parent, or step it up or down among its siblings. */
export function TreePosition({ territory: t, tree, busy, onMove }: TreePositionProps) {
  const [parent, setParent] = useState(t.parentId === null ? '' : String(t.parentId));
  const [shownFor, setShownFor] = useState(t.parentId);
  // The tree changed under us (a drag): show the territory's parent as it is now.
  if (shownFor !== t.parentId) {
    setShownFor(t.parentId);
    setParent(t.parentId === null ? '' : String(t.parentId));
  }
  const excluded = subtreeIds(tree, t.id);
  const siblings = tree.filter((s) => s.parentId === t.parentId);
  const index = siblings.findIndex((s) => s.id === t.id);
  const chosen = parent === '' ? null : Number(parent);
  const childCount = tree.filter((c) => c.parentId === chosen && c.id !== t.id).length;
  return (
    <div className="territory-position" role="group" aria-label={`Position of ${t.name}`}>
      <label htmlFor="territory-parent">Parent</label>
      <select id="territory-parent" value={parent} disabled={busy} onChange={(e) => setParent(e.target.value)}>
        <option value="">None (top level)</option>
        {tree
          .filter((o) => !excluded.has(o.id))
          .map((o) => (
            <option key={o.id} value={o.id}>
              {`${'\u2003'.repeat(o.depth)}${o.name}`}
            </option>
          ))}
      </select>
      <button type="button" className="btn btn--small" disabled={busy || chosen === t.parentId} onClick={() => onMove({ parentId: chosen, position: childCount })}>
        Move here
      </button>
      <span className="territory-position__sep" aria-hidden="true" />
      <button type="button" className="btn btn--small" aria-label={`Move ${t.name} up`} disabled={busy || index <= 0} onClick={() => onMove({ parentId: t.parentId, position: index - 1 })}>
        ▲ Up
      </button>
      <button
        type="button"
        className="btn btn--small"
        aria-label={`Move ${t.name} down`}
        disabled={busy || index < 0 || index >= siblings.length - 1}
        onClick={() => onMove({ parentId: t.parentId, position: index + 1 })}
      >
        ▼ Down
      </button>
    </div>
  );
}
