import { useState } from 'react';
import { call } from '../../lib/api';
import { downloadTextFile } from '../../lib/downloadFile';
import { errorMessage } from '../../lib/formErrors';

/** Fetches an iCalendar file from the backend and saves it as a download. */
export function useIcsDownload() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (fetchFile: () => Promise<{ filename: string; content: string }>) => {
    setBusy(true);
    setFailure(null);
    try {
      const file = await fetchFile();
      downloadTextFile(file.filename, file.content, 'text/calendar;charset=utf-8');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    failure,
    meeting: (id: number) => run(() => call('activities.exportIcs', { id })),
    range: (from: string, to: string) => run(() => call('calendar.exportIcs', { from, to })),
  };
}
