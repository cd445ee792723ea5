import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Output } from '../../../../shared/contract';
import { SCAN_ENTITIES, type ScanEntity } from '../../../../shared/contract/duplicates';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount, formatDateTime } from '../../lib/format';
import { ProgressBar } from '../../components/ProgressBar';
import { useProgress } from '../../lib/useProgress';
import { ENTITY_LABELS, ENTITY_NOUNS, REASON_LABELS, RECORD_PATHS } from './duplicateLabels';
import { MergeDialog } from './MergeDialog';
import './duplicates.css';

type Scan = Output<'duplicates.scan'>;

/** Scan a kind of record for duplicates, merge a group, and un-merge from the history. */
export function DuplicatesPage() {
  const client = useQueryClient();
  const toast = useToast();
  const { progress, track } = useProgress();
  const [entity, setEntity] = useState<ScanEntity>('contact');
  const [scan, setScan] = useState<Scan | null>(null);
  const [scanning, setScanning] = useState(false);
  const [merging, setMerging] = useState<{ entity: ScanEntity; ids: number[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const merges = useQuery({ queryKey: ['duplicates', 'merges'], queryFn: () => call('duplicates.merges', { limit: 20 }) });

  const run = async () => {
    setFailure(null);
    setScanning(true);
    try {
      setScan(await track((taskId) => call('duplicates.scan', { entity, taskId })));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setScanning(false);
    }
  };

  const unmerge = async (mergeId: number) => {
    try {
      const { entity, restoredIds } = await call('duplicates.unmerge', { mergeId });
      toast.show({ message: `Un-merged: ${formatCount(restoredIds.length, ENTITY_NOUNS[entity])} back` });
      await client.invalidateQueries();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <div className="page duplicates-page">
      <PageHeader title="Duplicates" subtitle="Records that share an e-mail, a phone, or a name at the same company." />
      <div className="duplicates-toolbar">
        <div className="field">
          <label htmlFor="duplicates-entity">Look in</label>
          <select id="duplicates-entity" value={entity} onChange={(e) => setEntity(e.target.value as ScanEntity)}>
            {SCAN_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {ENTITY_LABELS[e]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn btn--primary" disabled={scanning} onClick={() => void run()}>
          {scanning ? 'Scanning…' : 'Find duplicates'}
        </button>
      </div>
      {scanning && progress ? <ProgressBar title="Comparing records" progress={progress} /> : null}
      <ErrorBanner title="Could not finish" messages={failure ? [failure] : []} />
      {scan ? (
        <section className="section" aria-labelledby="duplicates-result">
          <h2 id="duplicates-result">
            {formatCount(scan.groupCount, 'group')} of likely duplicates among {formatCount(scan.scanned, ENTITY_NOUNS[scan.entity])}
          </h2>
          <ul className="duplicate-groups" aria-label="Duplicate groups">
            {scan.groups.map((g) => (
              <li key={g.records.map((r) => r.id).join('-')} className="duplicate-group">
                <div className="duplicate-group__head">
                  <strong>{Math.round(g.confidence * 100)} %</strong> · {g.reasons.map((r) => REASON_LABELS[r]).join(', ')}
                  <button type="button" className="btn btn--small" onClick={() => setMerging({ entity: scan.entity, ids: g.records.map((r) => r.id) })}>
                    Merge…
                  </button>
                </div>
                <ul>
                  {g.records.map((r) => (
                    <li key={r.id}>
                      <Link to={`${RECORD_PATHS[scan.entity]}/${r.id}`}>{r.name}</Link> <span className="muted">{r.detail}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="merge-history">
        <h2 id="merge-history">Merges</h2>
        {merges.data?.length ? (
          <ul className="plain-list" aria-label="Merges">
            {merges.data.map((m) => (
              <li key={m.id}>
                {formatDateTime(m.createdAt)} · {m.createdBy.name}: {ENTITY_LABELS[m.entity].toLowerCase()} #{m.mergedIds.join(', #')} into <Link to={`${RECORD_PATHS[m.entity]}/${m.survivorId}`}>#{m.survivorId}</Link>
                {m.status === 'applied' ? (
                  <button type="button" className="btn btn--small" onClick={() => void unmerge(m.id)}>
                    Un-merge
                  </button>
                ) : (
                  <span className="muted"> · un-merged</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No merges yet.</p>
        )}
      </section>
      {merging ? (
        <MergeDialog
          entity={merging.entity}
          ids={merging.ids}
          onCancel={() => setMerging(null)}
          onDone={async (mergeId, survivorId) => {
            setMerging(null);
            setScan((s) => (s ? { ...s, groupCount: s.groupCount - 1, groups: s.groups.filter((g) => !g.records.some((r) => r.id === survivorId)) } : s));
            toast.show({ message: `${ENTITY_LABELS[merging.entity]} merged`, action: { label: 'Un-merge', run: () => unmerge(mergeId) } });
            await client.invalidateQueries();
          }}
        />
      ) : null}
    </div>
  );
}
