import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract/events';

export type Progress = EventPayload<'progress'>;

/**
 * Follows the main process's `progress` events while `track` runs a long call
 * (a preview, an apply, an undo). The call does not say its task id before it
 * ends, so the first task that reports after the call starts is the one shown.
 */
export function useProgress(): { progress: Progress | null; track: <T>(work: () => Promise<T>) => Promise<T> } {
  const [progress, setProgress] = useState<Progress | null>(null);
  const listening = useRef(false);
  const taskId = useRef<string | null>(null);

  useEffect(() => {
    if (!window.crm?.on) return undefined;
    return window.crm.on('progress', (update) => {
      if (!listening.current) return;
      if (taskId.current !== null && update.taskId !== taskId.current) return;
      taskId.current = update.taskId;
      // The last event says only that the task finished: keep the count it reached.
      setProgress((before) => (update.finished ? { ...update, label: 'Finishing', done: before?.total ?? before?.done ?? 0, total: before?.total ?? null } : update));
    });
  }, []);

  const track = useCallback(async <T,>(work: () => Promise<T>): Promise<T> => {
    listening.current = true;
    taskId.current = null;
    setProgress({ taskId: '', label: 'Starting', done: 0, total: null, finished: false });
    try {
      return await work();
    } finally {
      listening.current = false;
      setProgress(null);
    }
  }, []);

  return { progress, track };
}
