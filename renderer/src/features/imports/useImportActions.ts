import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportBatch } from '../../../../shared/contract/imports';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { downloadTextFile } from '../../lib/downloadFile';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import { useProgress } from '../../lib/useProgress';
import { refreshAfterImport } from './queries';

/** Undo an import (with progress) and download its error file: used by the wizard's result and by the history. */
export function useImportActions() {
  const client = useQueryClient();
  const toast = useToast();
  const { progress, track } = useProgress();
  const [undoing, setUndoing] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const undo = async (importId: number): Promise<ImportBatch | null> => {
    setFailure(null);
    setUndoing(importId);
    try {
      const result = await track((taskId) => call('imports.undo', { importId, taskId }));
      toast.show({ message: `Import undone: ${formatCount(result.deleted, 'record')} to the recycle bin, ${formatCount(result.restored, 'record')} restored` });
      return result.batch;
    } catch (error) {
      setFailure(errorMessage(error));
      return null;
    } finally {
      setUndoing(null);
      await refreshAfterImport(client);
    }
  };

  const downloadErrors = async (importId: number) => {
    setFailure(null);
    try {
      const { fileName, csv } = await call('imports.errors', { importId });
      downloadTextFile(fileName, csv, 'text/csv;charset=utf-8');
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return { undo, downloadErrors, undoing, progress, failure };
}
