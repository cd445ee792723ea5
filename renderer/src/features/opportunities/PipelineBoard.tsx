import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Board } from '../../../../shared/contract/opportunities';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { errorMessage, isConflict } from '../../lib/formErrors';
import { useRecordChanged } from '../../lib/useRecordChanged';
import { BoardCardOverlay } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { LostReasonDialog } from './LostReasonDialog';
import { applyMove, findCard, type BoardCardData, type BoardColumnData } from './boardMove';
import { columnCoordinates } from './boardKeyboard';
import { OwnerOptions } from './OwnerOptions';
import { opportunityKeys, usePipelines } from './queries';
import './opportunities.css';

/** Cards per column: the backend counts and totals every card, but sends only this many. */
const CARDS_PER_COLUMN = 100;

const cardIdOf = (id: string | number) => Number(String(id).replace('card-', ''));
const stageIdOf = (id: string | number) => Number(String(id).replace('stage-', ''));

/** The pointer decides where a mouse drop lands; the keyboard has no pointer, so the card's rectangle does. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

interface PendingLost {
  card: BoardCardData;
  to: BoardColumnData;
}

/** The kanban of one pipeline: drag a card to another stage to move the opportunity. */
export function PipelineBoard() {
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const defaultPipeline = pipelines.data?.find((p) => p.isDefault) ?? pipelines.data?.[0];
  const pipelineId = Number(params.get('pipelineId')) || defaultPipeline?.id || 0;
  const ownerId = Number(params.get('ownerId')) || undefined;
  const key = opportunityKeys.board(pipelineId, ownerId);
  const board = useQuery({
    queryKey: key,
    queryFn: () => call('opportunities.board', { pipelineId, limit: CARDS_PER_COLUMN, ...(ownerId ? { ownerId } : {}) }),
    enabled: pipelineId > 0,
  });
  const [dragged, setDragged] = useState<BoardCardData | null>(null);
  const [pendingLost, setPendingLost] = useState<PendingLost | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Whether the dragged card has been over another column yet (the drag starts over its own). */
  const leftHome = useRef(false);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates, scrollBehavior: 'auto' }),
  );

  useRecordChanged((change) => {
    if (change.entity === 'opportunity') void client.invalidateQueries({ queryKey: ['opportunities', 'board'] });
  });

  const stageName = (id: string | number | undefined) =>
    id === undefined ? undefined : board.data?.columns.find((c) => c.stage.id === stageIdOf(id))?.stage.name;
  const cardName = (id: string | number) => (board.data ? findCard(board.data, cardIdOf(id))?.card.name : undefined) ?? 'The opportunity';

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => {
        leftHome.current = false;
        return  `Picked up ${cardName(active.id)}. Use the left and right arrow keys to choose a stage, Space to drop it, Escape to cancel.`;
      },
      onDragOver: ({ active, over }) => {
        // Entering its own column at the start would drown out "Picked up".
        const home = board.data ? findCard(board.data, cardIdOf(active.id))?.column.stage.id : undefined;
        if (over && stageIdOf(over.id) === home) return leftHome.current ? `${cardName(active.id)} is back over ${stageName(over.id)}.` : undefined;
        leftHome.current = true;
        return over ? `${cardName(active.id)} is over ${stageName(over.id)}.` : `${cardName(active.id)} is over no stage.`;
      },
      onDragEnd: ({ active, over }) => (over ? `${cardName(active.id)} was dropped on ${stageName(over.id)}.` : `${cardName(active.id)} was dropped back.`),
      onDragCancel: ({ active }) => `Moving ${cardName(active.id)} was cancelled.`,
    }),
    [board.data],
  );

  const move = async (card: BoardCardData, to: BoardColumnData, lostReason?: string) => {
    const before = client.getQueryData<Board>(key);
    setFailure(null);
    setNotice(null);
    await client.cancelQueries({ queryKey: key });
    if (before) client.setQueryData<Board>(key, applyMove(before, card.id, to.stage.id));
    try {
      const moved = await call('opportunities.move', { id: card.id, version: card.version, stageId: to.stage.id, ...(lostReason ? { lostReason } : {}) });
      client.setQueryData(opportunityKeys.one(moved.id), moved);
      setNotice(`${moved.name} moved to ${moved.stage.name}.`);
    } catch (error) {
      if (before) client.setQueryData<Board>(key, before);
      setFailure(
        isConflict(error)
          ? `${card.name} was changed by someone else, so it was not moved. The board has been reloaded: try again.`
          : `${card.name} was not moved: ${errorMessage(error)}`,
      );
    } finally {
      // The server's counts and totals replace the estimate (and show what others changed).
      void client.invalidateQueries({ queryKey: ['opportunities'] });
      void client.invalidateQueries({ queryKey: ['audit', 'opportunity', card.id] });
    }
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setDragged(board.data ? (findCard(board.data, cardIdOf(active.id))?.card ?? null) : null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    if (!over || !board.data) return;
    const found = findCard(board.data, cardIdOf(active.id));
    const to = board.data.columns.find((c) => c.stage.id === stageIdOf(over.id));
    if (!found || !to || found.column.stage.id === to.stage.id) return;
    if (to.stage.kind === 'lost') setPendingLost({ card: found.card, to });
    else void move(found.card, to);
  };

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <div className="page page--board">
      <PageHeader
        title="Pipeline"
        subtitle={board.data ? board.data.pipeline.name : undefined}
        actions={
          <>
            <Link className="btn" to="/opportunities">
              List
            </Link>
            <Link className="btn" to="/settings/pipelines">
              Edit pipelines
            </Link>
            <Link className="btn btn--primary" to="/opportunities/new">
              New opportunity
            </Link>
          </>
        }
      />
      <div className="board-filters">
        <label>
          Pipeline{' '}
          <select value={pipelineId || ''} onChange={(e) => setParam('pipelineId', e.target.value)}>
            {pipelines.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Owner{' '}
          <select value={ownerId ?? ''} onChange={(e) => setParam('ownerId', e.target.value)}>
            <OwnerOptions />
          </select>
        </label>
        <span className="board-filters__status" role="status">
          {board.isFetching && !board.isPending ? 'Updating…' : (notice ?? '')}
        </span>
      </div>
      <ErrorBanner title="Could not move the opportunity" messages={failure ? [failure] : []} />
      {pipelines.isError ? <ErrorBanner title="Could not load the pipelines" messages={[errorMessage(pipelines.error)]} /> : null}
      {board.isError ? <ErrorBanner title="Could not load the board" messages={[errorMessage(board.error)]} /> : null}
      {board.isPending && pipelineId ? <p className="muted">Loading…</p> : null}
      {board.data ? (
        <DndContext
          sensors={sensors}
          collisionDetection={collision}
          // Columns scroll sideways while a card is moved with the keyboard: measure them as they are now.
          measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragged(null)}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable: 'To move an opportunity to another stage, press Space on its handle, use the left and right arrow keys, then press Space again to drop it or Escape to cancel.',
            },
          }}
        >
          <div className="board" aria-label={`Stages of ${board.data.pipeline.name}`}>
            {board.data.columns.map((column) => (
              <BoardColumn key={column.stage.id} column={column} />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>{dragged ? <BoardCardOverlay card={dragged} /> : null}</DragOverlay>
        </DndContext>
      ) : null}
      {pendingLost ? (
        <LostReasonDialog
          opportunityName={pendingLost.card.name}
          stageName={pendingLost.to.stage.name}
          onCancel={() => setPendingLost(null)}
          onConfirm={(reason) => {
            const { card, to } = pendingLost;
            setPendingLost(null);
            void move(card, to, reason);
          }}
        />
      ) : null}
    </div>
  );
}
