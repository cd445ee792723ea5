import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { IMPORT_TARGETS, type ImportTarget } from '../../../../shared/imports/fields';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { TARGET_LABELS } from './importLabels';
import { uploadFile } from './uploadFile';

export type Inspected = Output<'imports.inspect'> & { fileId: string; target: ImportTarget };

/** Step 1: what to import into, and the file (sent to the main process, then read for its encoding, delimiter and columns). */
export function FileStep({ onInspected }: { onInspected: (inspected: Inspected) => void }) {
  const [target, setTarget] = useState<ImportTarget>('contacts');
  const [sent, setSent] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFailure(null);
    setSent({ done: 0, total: file.size });
    try {
      const fileId = await uploadFile(file, (done, total) => setSent({ done, total }));
      const inspected = await call('imports.inspect', { fileId, target });
      onInspected({ ...inspected, fileId, target });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSent(null);
    }
  };

  return (
    <section className="section import-step" aria-labelledby="import-file-title">
      <h2 id="import-file-title">1. Choose the file</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="import-target">Import into</label>
          <select id="import-target" value={target} onChange={(e) => setTarget(e.target.value as ImportTarget)}>
            {IMPORT_TARGETS.map((t) => (
              <option key={t} value={t}>
                {TARGET_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">File (CSV or vCard)</label>
          <input id="import-file" type="file" accept=".csv,.tsv,.txt,.vcf,text/csv,text/tab-separated-values,text/vcard" disabled={sent !== null} onChange={(e) => void choose(e.target.files?.[0])} />
          <span className="field__hint">CSV (comma, semicolon or tab separated; UTF-8, UTF-16 or Windows-1252; the first row names the columns) or a vCard file (.vcf, versions 2.1, 3.0 and 4.0) of contacts.</span>
        </div>
      </div>
      {sent ? (
        <p role="status">
          Reading the file… {sent.total ? Math.round((sent.done / sent.total) * 100) : 100} %
        </p>
      ) : null}
      <ErrorBanner title="This file cannot be imported" messages={failure ? [failure] : []} />
    </section>
  );
}
