import { KeyboardCode, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { Territory } from '../../../../shared/contract/territories';
import { subtreeIds } from './queries';

/** Where a dragged territory would land relative to the row it is over. */
export type DropZone = 'before' | 'inside' | 'after';
export interface DropTarget {
  /** A territory, or null for the "top level" strip under the tree. */
  id: number | null;
  zone: DropZone;
}
export interface MoveTo {
  parentId: number | null;
  position: number;
}

export const ROOT_DROP = 'root';
export const nodeDndId = (id: number) => `t-${id}`;
export const idOfDnd = (dndId: string | number): number | null => (String(dndId) === ROOT_DROP ? null : Number(String(dndId).slice(2)));

/** The upper and lower 30 % of a row drop beside it; the middle drops into it. */
export function zoneAt(rect: { top: number; height: number }, y: number): DropZone {
  const r = (y - rect.top) / rect.height;
  return r < 0.3 ? 'before' : r > 0.7 ? 'after' : 'inside';
}

const childrenOf = (tree: Territory[], parentId: number | null, without: number) => tree.filter((t) => t.parentId === parentId && t.id !== without);

/**
 * The territories.move input for a drop, or null when the drop changes nothing
 * or would put a territory under itself. "After" a territory with children
 * means first among its children: that is where the gap is on screen.
 */
export function planMove(tree: Territory[], draggedId: number, target: DropTarget): MoveTo | null {
  const dragged = tree.find((t) => t.id === draggedId);
  if (!dragged) return null;
  let to: MoveTo;
  if (target.id === null) {
    to = { parentId: null, position: childrenOf(tree, null, draggedId).length };
  } else {
    if (subtreeIds(tree, draggedId).has(target.id)) return null;
    const over = tree.find((t) => t.id === target.id);
    if (!over) return null;
    const kids = childrenOf(tree, over.id, draggedId);
    if (target.zone === 'inside') to = { parentId: over.id, position: kids.length };
    else if (target.zone === 'after' && kids.length > 0) to = { parentId: over.id, position: 0 };
    else {
      const index = childrenOf(tree, over.parentId, draggedId).findIndex((s) => s.id === over.id);
      to = { parentId: over.parentId, position: target.zone === 'before' ? index : index + 1 };
    }
  }
  const now = tree.filter((t) => t.parentId === dragged.parentId).findIndex((t) => t.id === draggedId);
  if (to.parentId === dragged.parentId && to.position === now) return null;
  return to;
}

/** "under EMEA, first", "under EMEA, after DACH", "at the top level, last", for announcements and the drop hint. */
export function describeMove(tree: Territory[], draggedId: number, to: MoveTo): string {
  const siblings = childrenOf(tree, to.parentId, draggedId);
  const parent = to.parentId === null ? 'at the top level' : `under ${tree.find((t) => t.id === to.parentId)?.name ?? 'its parent'}`;
  if (siblings.length === 0) return parent;
  if (to.position === 0) return `${parent}, first`;
  if (to.position >= siblings.length) return `${parent}, last`;
  return `${parent}, after ${siblings[to.position - 1]!.name}`;
}

/**
 * The droppable under a point: the pointer for a mouse, the middle of the
 * dragged row for the keyboard (which has no pointer).
 */
export const treeCollision: CollisionDetection = ({ pointerCoordinates, collisionRect, droppableRects, droppableContainers }) => {
  const x = pointerCoordinates?.x ?? collisionRect.left + collisionRect.width / 2;
  const y = pointerCoordinates?.y ?? collisionRect.top + collisionRect.height / 2;
  for (const container of droppableContainers) {
    const r = droppableRects.get(container.id);
    if (r && y >= r.top && y < r.top + r.height && x >= r.left && x <= r.left + r.width) {
      return [{ id: container.id, data: { droppableContainer: container, value: 1 } }];
    }
  }
  return [];
};

/**
 * Arrow Up/Down step the dragged row to the next drop position (before a row,
 * into it, after it, the top-level strip) instead of nudging it 25 px.
 */
export const zoneCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect || (event.code !== KeyboardCode.Down && event.code !== KeyboardCode.Up)) return undefined;
  event.preventDefault();
  const centre = collisionRect.top + collisionRect.height / 2;
  const stops: number[] = [];
  for (const c of droppableContainers.getEnabled()) {
    const r = droppableRects.get(c.id);
    if (!r) continue;
    if (String(c.id) === ROOT_DROP) stops.push(r.top + r.height / 2);
    else stops.push(r.top + r.height * 0.15, r.top + r.height * 0.5, r.top + r.height * 0.85);
  }
  stops.sort((a, b) => a - b);
  const target = event.code === KeyboardCode.Down ? stops.find((s) => s > centre + 1) : [...stops].reverse().find((s) => s < centre - 1);
  if (target === undefined) return currentCoordinates;
  return { x: currentCoordinates.x, y: currentCoordinates.y + (target - centre) };
};
