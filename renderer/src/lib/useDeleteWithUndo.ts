import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useToast } from '../components/ToastProvider';
import { errorMessage } from './formErrors';

export interface DeleteWithUndoOptions {
  /** Moves the record to the recycle bin (and refreshes what showed it). */
  remove: () => Promise<void>;
  /** Takes it out again; the toast's Undo runs this too. */
  restore: () => Promise<void>;
  /** Where to go once deleted: the record's own page has nothing left to do. */
  listPath: string;
}

export interface DeleteWithUndo {
  /** True while a delete or restore runs, so neither can be started twice. */
  busy: boolean;
  failure: string | null;
  /** Deletes, leaves for the list and offers Undo in a toast with `message`. */
  remove: (message: string) => Promise<void>;
  /** Restores from the recycle bin banner. */
  restore: () => Promise<void>;
}

/** Delete (with an Undo toast) and restore of one record, with a shared busy flag and failure. */
export function useDeleteWithUndo({ remove, restore, listPath }: DeleteWithUndoOptions): DeleteWithUndo {
  const navigate = useNavigate();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  return {
    busy,
    failure,
    remove: async (message) => {
      setBusy(true);
      setFailure(null);
      try {
        await remove();
        navigate(listPath);
        toast.show({ message, action: { label: 'Undo', run: restore } });
      } catch (error) {
        setFailure(errorMessage(error));
        // Only on failure: on success the page is left, so there is nothing to re-enable.
        setBusy(false);
      }
    },
    restore: async () => {
      setBusy(true);
      try {
        await restore();
      } catch (error) {
        setFailure(errorMessage(error));
      } finally {
        setBusy(false);
      }
    },
  };
}
