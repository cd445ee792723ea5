import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';

type Outcome = { recorded: number; errors: { line: number; message: string }[] };

/** Responses from a CSV (columns email, response, date, note): all or nothing, with the reason for each bad line. */
export function ImportResponses({ campaignId }: { campaignId: number }) {
  const client = useQueryClient();
  const toast = useToast();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    setFailure(null);
    try {
      const csv = await file.text();
      const result = await call('campaigns.importResponses', { campaignId, csv });
      setOutcome(result);
      if (!result.errors.length) {
        await client.invalidateQueries({ queryKey: ['campaigns'] });
        toast.show({ message: `${formatCount(result.recorded, 'response')} imported` });
      }
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="campaign-import">
      <div className="field">
        <label htmlFor={`${id}-file`}>CSV file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        <p className="field__hint" id={`${id}-hint`}>
          Columns: email, response (replied, called_back, registered, bought, unsubscribed), date, note. Nothing is recorded unless every line is right.
        </p>
      </div>
      <div>
        <button type="button" className="btn" disabled={!file || busy} onClick={() => void run()}>
          {busy ? 'Importing…' : 'Import responses'}
        </button>
      </div>
      <ErrorBanner title="Cannot import" messages={failure ? [failure] : []} />
      {outcome?.errors.length ? (
        <div className="banner banner--error" role="alert">
          <div className="banner__text">
            <strong>Nothing imported: {formatCount(outcome.errors.length, 'line')} to correct</strong>
            <table className="campaign-table campaign-import__errors" aria-label="Lines to correct">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {outcome.errors.map((e) => (
                  <tr key={`${e.line}:${e.message}`}>
                    <td className="num">{e.line}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {outcome && !outcome.errors.length ? <p role="status">{formatCount(outcome.recorded, 'response')} imported.</p> : null}
    </div>
  );
}
