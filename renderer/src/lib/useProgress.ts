import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../shared/contract/events';

export type Progress = EventPayload<'progress'>;

/**
 * Follows the main process's `progress` events while `track` runs a long call
 * (a preview, an apply, an undo); the call is given a task id of its own, so
 * only its events move the bar.
 */
export function useProgress(): { progress: Progress | null; track: <T>(work: (taskId: string) => Promise<T>) => Promise<T> } {
  const [progress, setProgress] = useState<Progress | null>(null);
  const listening = useRef(false);
  const taskId = useRef<string | null>(null);

  useEffect(() => {
    if (!window.crm?.on) return undefined;
    return window.crm.on('progress', (update) => {
      if (!listening.current || update.taskId !== taskId.current) return;
      setProgress(update.finished ? { ...update, label: 'Finishing' } : update);
    });
  }, []);

  const track = useCallback(async <T,>(work: (taskId: string) => Promise<T>): Promise<T> => {
    listening.current = true;
    const id = crypto.randomUUID();
    taskId.current = id;
    setProgress({ taskId: id, label: 'Starting', done: 0, total: null, finished: false });
    try {
      return await work(id);
    } finally {
      listening.current = false;
      setProgress(null);
    }
  }, []);

  return { progress, track };
}
