import { useState } from 'react';
import type { Quote } from '../../../../shared/contract/quotes';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { errorMessage } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { formatBytes } from './labels';
import { saveAttachment } from './saveAttachment';

export interface QuoteDocumentsProps {
  quote: Quote;
}

/** The proposal PDFs kept with this version, each with its size and SHA-256, and a way to save a copy. */
export function QuoteDocuments({ quote }: QuoteDocumentsProps) {
  const toast = useToast();
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const save = async (id: number) => {
    setBusy(id);
    setFailure(null);
    try {
      const outcome = await saveAttachment(id);
      if (outcome.kind === 'saved') toast.show({ message: `Saved to ${outcome.path}` });
      else if (outcome.kind === 'downloaded') toast.show({ message: `Downloaded ${outcome.fileName}` });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section title="Documents">
      {failure ? (
        <p className="field__error" role="alert">
          Could not save the PDF: {failure}
        </p>
      ) : null}
      {quote.attachments.length === 0 ? (
        <p className="muted">No PDF yet. “Generate PDF” renders the proposal and keeps it here.</p>
      ) : (
        <table className="quote-table" aria-label="Documents">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">SHA-256</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {quote.attachments.map((a) => (
              <tr key={a.id}>
                <td>{a.fileName}</td>
                <td className="num">{formatBytes(a.byteSize)}</td>
                <td>
                  <code className="quote-hash" title={a.sha256}>
                    {a.sha256.slice(0, 16)}…
                  </code>
                </td>
                <td>{formatDateTime(a.createdAt)}</td>
                <td className="quote-table__actions">
                  <button type="button" className="btn btn--small" onClick={() => void save(a.id)} disabled={busy !== null} aria-label={`Save PDF ${a.fileName}`}>
                    {busy === a.id ? 'Saving…' : 'Save PDF'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
