import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SUPPRESSION_KINDS, type SuppressionKind } from '../../../../shared/suppression';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/ToastProvider';
import { call, CrmError } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount, formatDateTime } from '../../lib/format';
import { SUPPRESSION_LABELS } from './labels';
import { segmentKeys } from './queries';
import { SegmentTabs } from './SegmentTabs';
import './segments.css';

const PAGE = 100;

const HINTS: Record<SuppressionKind, string> = {
  email: 'One address per line. Compared without regard to the case of A–Z.',
  domain: 'One domain per line (example.com or @example.com): every address at exactly that domain.',
  phone: 'One number per line, in any spelling: numbers are compared on their last eight digits.',
};

/** Addresses, domains and numbers never to be contacted, whichever record carries them. */
export function SuppressionsPage() {
  const client = useQueryClient();
  const toast = useToast();
  const [kind, setKind] = useState<SuppressionKind>('email');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [filterKind, setFilterKind] = useState<SuppressionKind | ''>('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const entries = useQuery({
    queryKey: segmentKeys.suppressions(filterKind, search, offset),
    queryFn: () => call('suppressions.list', { ...(filterKind ? { kind: filterKind } : {}), ...(search.trim() ? { search } : {}), offset, limit: PAGE }),
    placeholderData: keepPreviousData,
  });

  const add = async () => {
    const values = text.split('\n').map((v) => v.trim()).filter(Boolean);
    setErrors([]);
    if (!values.length) {
      setErrors(['Type at least one entry.']);
      return;
    }
    setBusy(true);
    try {
      const result = await call('suppressions.add', { kind, values, reason });
      setText('');
      await client.invalidateQueries({ queryKey: ['suppressions'] });
      await client.invalidateQueries({ queryKey: ['segments'] });
      toast.show({ message: `${formatCount(result.added, 'entry', 'entries')} added${result.alreadyListed ? `, ${result.alreadyListed} already listed` : ''}` });
    } catch (error) {
      setErrors(error instanceof CrmError && error.issues?.length ? error.issues.map((i) => `Line ${Number(i.path.split('.')[1] ?? 0) + 1}: ${i.message}`) : [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: number, entered: string) => {
    setErrors([]);
    try {
      await call('suppressions.remove', { ids: [id] });
      await client.invalidateQueries({ queryKey: ['suppressions'] });
      await client.invalidateQueries({ queryKey: ['segments'] });
      toast.show({ message: `${entered} may be contacted again` });
    } catch (error) {
      setErrors([errorMessage(error)]);
    }
  };

  const total = entries.data?.total ?? 0;
  return (
    <div className="page">
      <SegmentTabs />
      <PageHeader title="Suppression list" subtitle="Never contacted, by any campaign channel, whatever their records say." />
      <ErrorBanner title="Not done" messages={errors} />
      <form
        className="form suppression-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div className="form-grid">
          <div className="field">
            <label htmlFor="suppression-kind">Kind</label>
            <select id="suppression-kind" value={kind} onChange={(e) => setKind(e.target.value as SuppressionKind)}>
              {SUPPRESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SUPPRESSION_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="suppression-reason">Reason</label>
            <input id="suppression-reason" type="text" maxLength={300} placeholder="e.g. Asked not to be contacted" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="field field--wide">
            <label htmlFor="suppression-values">Entries</label>
            <textarea id="suppression-values" rows={4} value={text} aria-describedby="suppression-hint" onChange={(e) => setText(e.target.value)} />
            <p className="field__hint" id="suppression-hint">
              {HINTS[kind]}
            </p>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            Add to the suppression list
          </button>
        </div>
      </form>
      <section className="section suppression-entries" aria-labelledby="suppression-entries-title">
        <div className="section__head">
          <h2 id="suppression-entries-title">{formatCount(total, 'entry', 'entries')}</h2>
          <div className="suppression-filters">
            <select aria-label="Show kind" value={filterKind} onChange={(e) => { setFilterKind(e.target.value as SuppressionKind | ''); setOffset(0); }}>
              <option value="">All kinds</option>
              {SUPPRESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SUPPRESSION_LABELS[k]}
                </option>
              ))}
            </select>
            <input type="text" aria-label="Search the suppression list" placeholder="Search…" value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} />
          </div>
        </div>
        {entries.isError ? <ErrorBanner title="Cannot load the list" messages={[errorMessage(entries.error)]} /> : null}
        <table className="segment-table" aria-label="Suppressed entries">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Entered</th>
              <th scope="col">Compared as</th>
              <th scope="col">Reason</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(entries.data?.rows ?? []).map((s) => (
              <tr key={s.id}>
                <td>{SUPPRESSION_LABELS[s.kind]}</td>
                <td>{s.entered}</td>
                <td>
                  <code>{s.value}</code>
                </td>
                <td>{s.reason ?? ''}</td>
                <td>
                  {formatDateTime(s.createdAt)} by {s.createdBy.name}
                </td>
                <td>
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove ${s.entered}`} onClick={() => void remove(s.id, s.entered)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {total > PAGE ? (
          <div className="suppression-pager">
            <button type="button" className="btn btn--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <span>
              {offset + 1}–{Math.min(offset + PAGE, total)} of {total.toLocaleString('en')}
            </span>
            <button type="button" className="btn btn--small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
