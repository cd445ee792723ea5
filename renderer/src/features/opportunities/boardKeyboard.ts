import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow Left/Right jump the dragged card to the middle of the previous/next
 * column instead of nudging it 25 px; Up/Down keep the default nudge.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect || (event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left)) {
    const step = 25;
    if (event.code === KeyboardCode.Down) return { ...currentCoordinates, y: currentCoordinates.y + step };
    if (event.code === KeyboardCode.Up) return { ...currentCoordinates, y: currentCoordinates.y - step };
    return undefined;
  }
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const columns = droppableContainers
    .getEnabled()
    .map((c) => droppableRects.get(c.id))
    .filter((r): r is NonNullable<typeof r> => Boolean(r))
    .sort((a, b) => a.left - b.left);
  const target =
    event.code === KeyboardCode.Right ? columns.find((r) => r.left + r.width / 2 > centre + 1) : [...columns].reverse().find((r) => r.left + r.width / 2 < centre - 1);
  if (!target) return currentCoordinates;
  return { x: currentCoordinates.x + (target.left + target.width / 2 - centre), y: currentCoordinates.y };
};
