import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type Over,
} from '@dnd-kit/core';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Territory } from '../../../../shared/contract/territories';
import { formatCount } from '../../lib/format';
import { METHOD_LABELS } from './labels';
import { describeRule } from './territoryDraft';
import { ROOT_DROP, describeMove, idOfDnd, nodeDndId, planMove, treeCollision, zoneAt, zoneCoordinates, type DropTarget, type MoveTo } from './treeMove';

export interface TerritoryTreeProps {
  tree: Territory[];
  selectedId: number | null;
  canEdit: boolean;
  onSelect: (id: number) => void;
  onMove: (id: number, to: MoveTo) => void;
}

/** Where the pointer (mouse) or the dragged row's middle (keyboard) is now. */
function pointerY(event: { activatorEvent: Event | null; delta: { y: number }; active: Active }): number | null {
  const start = event.activatorEvent as Partial<PointerEvent> | null;
  if (start && typeof start.clientY === 'number') return start.clientY + event.delta.y;
  const rect = event.active.rect.current.translated;
  return rect ? rect.top + rect.height / 2 : null;
}

function targetOf(over: Over | null, y: number | null): DropTarget | null {
  if (!over || y === null) return null;
  const id = idOfDnd(over.id);
  return id === null ? { id: null, zone: 'inside' } : { id, zone: zoneAt(over.rect, y) };
}

const sameTarget = (a: DropTarget | null, b: DropTarget | null) => a?.id === b?.id && a?.zone === b?.zone;

function ruleSummary(t: Territory): string {
  if (!t.rules.length) return 'No rules of its own';
  return t.rules.map((r) => describeRule(r.rule)).join(' · ');
}

interface NodeProps {
  territory: Territory;
  selected: boolean;
  canEdit: boolean;
  drop: DropTarget['zone'] | 'refused' | null;
  onSelect: (id: number) => void;
}

/** One row: drag handle, name with method and members, and its record counts. Drops land before, into or after it. */
const TreeNode = memo(function TreeNode({ territory: t, selected, canEdit, drop, onSelect }: NodeProps) {
  const dndId = nodeDndId(t.id);
  const drag = useDraggable({ id: dndId, disabled: !canEdit });
  const droppable = useDroppable({ id: dndId });
  const setRef = useCallback(
    (el: HTMLElement | null) => {
      drag.setNodeRef(el);
      droppable.setNodeRef(el);
    },
    [drag.setNodeRef, droppable.setNodeRef],
  );
  const metaId = `territory-${t.id}-meta`;
  const nameId = `territory-${t.id}-name`;
  return (
    <li
      className={['tree-node', selected ? 'tree-node--selected' : '', t.active ? '' : 'tree-node--inactive', drag.isDragging ? 'tree-node--dragging' : '', drop ? `tree-node--drop-${drop}` : '']
        .filter(Boolean)
        .join(' ')}
      aria-label={t.name}
      data-territory-id={t.id}
    >
      <div ref={setRef} className="tree-node__row" style={{ paddingLeft: 6 + t.depth * 22 }}>
        {t.depth > 0 ? <span className="tree-node__elbow" aria-hidden="true" /> : null}
        {canEdit ? (
          <button type="button" className="tree-node__handle" aria-label={`Drag ${t.name}`} {...drag.attributes} {...drag.listeners}>
            <span aria-hidden="true">⋮⋮</span>
          </button>
        ) : null}
        <button type="button" className="tree-node__select" aria-current={selected ? 'true' : undefined} aria-labelledby={nameId} aria-describedby={metaId} onClick={() => onSelect(t.id)} title={ruleSummary(t)}>
          <span className="tree-node__name" id={nameId}>
            {t.name}
            {t.active ? null : <span className="tag">inactive</span>}
          </span>
          <span className="tree-node__meta" id={metaId}>
            <span>{METHOD_LABELS[t.method]}</span>
            <span>{t.method === 'fixed' ? (t.fixedOwner?.name ?? 'no owner') : formatCount(t.members.length, 'member')}</span>
            <span className="sr-only">
              {formatCount(t.accountCount, 'account')}, {formatCount(t.leadCount, 'open lead')}
            </span>
          </span>
        </button>
        <span className="tree-node__counts" aria-hidden="true">
          <span>
            <strong>{new Intl.NumberFormat('en-US').format(t.accountCount)}</strong> {t.accountCount === 1 ? 'account' : 'accounts'}
          </span>
          <span>
            <strong>{new Intl.NumberFormat('en-US').format(t.leadCount)}</strong> {t.leadCount === 1 ? 'lead' : 'leads'}
          </span>
        </span>
      </div>
    </li>
  );
});

function RootDrop({ active }: { active: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: ROOT_DROP });
  return (
    <div ref={setNodeRef} className={`tree-root-drop${isOver ? ' tree-root-drop--over' : ''}${active ? ' tree-root-drop--visible' : ''}`} aria-hidden="true">
      Drop here to move to the top level
    </div>
  );
}

/**
 * The territory tree in tree order. Drag a row's handle onto another row to put
 * it under that territory, or onto the upper or lower edge of a row to place it
 * before or after; the keyboard does the same with Space and the arrow keys.
 */
export function TerritoryTree({ tree, selectedId, canEdit, onSelect, onMove }: TerritoryTreeProps) {
  const [draggedId, setDraggedId] = useState<number | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  const lastTarget = useRef<DropTarget | null>(null);
  const lastSaid = useRef('');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: zoneCoordinates, scrollBehavior: 'auto' }),
  );
  const name = (dndId: string | number) => tree.find((t) => t.id === idOfDnd(dndId))?.name ?? 'The territory';

  const track = (event: DragMoveEvent) => {
    const next = targetOf(event.over, pointerY(event));
    lastTarget.current = next;
    setTarget((before) => (sameTarget(before, next) ? before : next));
  };

  const plan = (dndId: string | number, to: DropTarget | null) => {
    const id = idOfDnd(dndId);
    return id === null || !to ? null : planMove(tree, id, to);
  };

  const say = (active: Active, over: Over | null): string | undefined => {
    const to = targetOf(over, active.rect.current.translated ? active.rect.current.translated.top + active.rect.current.translated.height / 2 : null);
    const move = plan(active.id, to);
    // Over its own place at the start: "Picked up" stays until the first real change.
    if (!move && lastSaid.current === '') return undefined;
    const text = move ? `${name(active.id)} would go ${describeMove(tree, idOfDnd(active.id)!, move)}.` : `${name(active.id)} would stay where it is.`;
    if (text === lastSaid.current) return undefined;
    lastSaid.current = text;
    return text;
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      lastSaid.current = '';
      return `Picked up ${name(active.id)}. Use the up and down arrow keys to choose a place, Space to drop it, Escape to cancel.`;
    },
    onDragOver: ({ active, over }) => say(active, over),
    onDragMove: ({ active, over }) => say(active, over),
    onDragEnd: ({ active, over }) => {
      const move = plan(active.id, targetOf(over, active.rect.current.translated ? active.rect.current.translated.top + active.rect.current.translated.height / 2 : null));
      return move ? `${name(active.id)} was moved ${describeMove(tree, idOfDnd(active.id)!, move)}.` : `${name(active.id)} was dropped back.`;
    },
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled.`,
  };

  const end = (event: DragEndEvent) => {
    const to = targetOf(event.over, pointerY(event)) ?? lastTarget.current;
    const id = idOfDnd(event.active.id);
    setDraggedId(null);
    setTarget(null);
    lastTarget.current = null;
    const move = id === null ? null : plan(event.active.id, to);
    if (id !== null && move) onMove(id, move);
  };

  const preview = draggedId !== null && target ? plan(nodeDndId(draggedId), target) : null;
  const dragged = tree.find((t) => t.id === draggedId) ?? null;
  const zoneOf = useMemo(() => {
    return (id: number): NodeProps['drop'] => {
      if (draggedId === null || !target || target.id !== id || id === draggedId) return null;
      return preview ? target.zone : 'refused';
    };
  }, [draggedId, target, preview]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={treeCollision}
      onDragStart={({ active }) => setDraggedId(idOfDnd(active.id))}
      onDragMove={track}
      onDragOver={track}
      onDragEnd={end}
      onDragCancel={() => {
        setDraggedId(null);
        setTarget(null);
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move a territory, press Space on its handle, use the up and down arrow keys to place it before, into or after another territory, then press Space again to drop it or Escape to cancel. The Position controls beside the form do the same.',
        },
      }}
    >
      <ol className="territory-tree" aria-label="Territory tree">
        {tree.map((t) => (
          <TreeNode key={t.id} territory={t} selected={t.id === selectedId} canEdit={canEdit} drop={zoneOf(t.id)} onSelect={onSelect} />
        ))}
      </ol>
      {canEdit ? <RootDrop active={draggedId !== null} /> : null}
      <p className="territory-tree__hint" aria-live="polite">
        {dragged ? (preview ? `Drop to move ${dragged.name} ${describeMove(tree, dragged.id, preview)}.` : `Drop on a territory to put ${dragged.name} under it, or on its upper or lower edge to place it beside.`) : ''}
      </p>
      <DragOverlay dropAnimation={null}>
        {dragged ? (
          <div className="tree-node__overlay">
            <span aria-hidden="true">⋮⋮</span> {dragged.name}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
