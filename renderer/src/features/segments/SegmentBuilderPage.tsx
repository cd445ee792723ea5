import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CHANNELS, SEGMENT_ENTITIES, type Channel, type Segment, type SegmentEntity } from '../../../../shared/contract/segments';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/ToastProvider';
import { call, CrmError } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import { GroupEditor } from './GroupEditor';
import { CHANNEL_LABELS, ENTITY_LABELS, ENTITY_NOUNS } from './labels';
import { LiveCount } from './LiveCount';
import { segmentKeys, useSegment } from './queries';
import { SegmentTabs } from './SegmentTabs';
import { countableGroup, emptyGroup, missingParts, toDraft, type DraftGroup } from './segmentDraft';
import './segments.css';

/** "root.items.1.items.0.value: …" → "Condition 2.1: …", the numbering the builder shows. */
function readableIssue(path: string, message: string): string {
  const steps = [...path.matchAll(/items\.(\d+)/g)].map((m) => Number(m[1]) + 1);
  return steps.length ? `Condition ${steps.join('.')}: ${message}` : path ? `${path}: ${message}` : message;
}

function serverMessages(error: unknown): string[] {
  if (error instanceof CrmError && error.issues?.length) return error.issues.map((i) => readableIssue(i.path, i.message));
  return [errorMessage(error)];
}

/** Build a segment: nested AND/OR groups of conditions, a live count, save, freeze into a list. */
export function SegmentBuilderPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const loaded = useSegment(id);
  if (id !== null && !loaded.data) {
    return (
      <div className="page">
        <SegmentTabs />
        {loaded.isError ? <ErrorBanner title="Cannot open the segment" messages={[errorMessage(loaded.error)]} /> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  return <SegmentBuilder key={loaded.data ? `${loaded.data.id}` : 'new'} saved={loaded.data ?? null} />;
}

function SegmentBuilder({ saved }: { saved: Segment | null }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  const [version, setVersion] = useState(saved?.version ?? null);
  const [name, setName] = useState(saved?.name ?? '');
  const [description, setDescription] = useState(saved?.description ?? '');
  const [entity, setEntity] = useState<SegmentEntity>(saved?.entity ?? 'contact');
  const [root, setRoot] = useState<DraftGroup>(() => (saved ? toDraft(saved.entity, saved.root) : emptyGroup()));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [listName, setListName] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');

  const countable = useMemo(() => countableGroup(entity, root), [entity, root]);
  const missing = useMemo(() => missingParts(entity, root), [entity, root]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: DraftGroup) => {
    setRoot(next);
    setDirty(true);
  };

  const save = async () => {
    setErrors([]);
    if (missing.size) {
      setShowMissing(true);
      setErrors([`${formatCount(missing.size, 'condition')} to complete before saving.`]);
      return;
    }
    if (!name.trim()) {
      setErrors(['Give the segment a name.']);
      return;
    }
    setBusy(true);
    try {
      const result = await call('segments.save', {
        ...(saved && version !== null ? { id: saved.id, version } : {}),
        name,
        description,
        entity,
        root: countable.root,
      });
      setVersion(result.version);
      setDirty(false);
      setShowMissing(false);
      client.setQueryData(segmentKeys.one(result.id), result);
      await client.invalidateQueries({ queryKey: segmentKeys.list });
      toast.show({ message: `Segment “${result.name}” saved` });
      if (!saved) navigate(`/segments/${result.id}`, { replace: true });
    } catch (error) {
      setErrors(serverMessages(error));
    } finally {
      setBusy(false);
    }
  };

  const freeze = async () => {
    if (!saved) return;
    setErrors([]);
    setBusy(true);
    try {
      const result = await call('segments.freeze', { segmentId: saved.id, name: listName.trim() || `${name} – ${new Date().toISOString().slice(0, 10)}`, channel: channel || null });
      await client.invalidateQueries({ queryKey: ['lists'] });
      const [one, many] = ENTITY_NOUNS[result.list.entity];
      toast.show({ message: `List “${result.list.name}” made with ${formatCount(result.added, one, many)}${result.leftOut ? `; ${result.leftOut} may not be reached by ${CHANNEL_LABELS[channel as Channel]}` : ''}` });
      navigate(`/lists/${result.list.id}`);
    } catch (error) {
      setErrors(serverMessages(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!saved) return;
    try {
      await call('segments.delete', { id: saved.id });
      await client.invalidateQueries({ queryKey: segmentKeys.list });
      toast.show({ message: `Segment “${saved.name}” deleted` });
      navigate('/segments');
    } catch (error) {
      setErrors(serverMessages(error));
      setConfirmDelete(false);
    }
  };

  return (
    <div className="page segment-builder">
      <SegmentTabs />
      <PageHeader
        title={saved ? saved.name : 'New segment'}
        breadcrumb={<Link to="/segments">Segments</Link>}
        subtitle={saved ? `${ENTITY_LABELS[saved.entity]} · version ${version}${dirty ? ' · unsaved changes' : ''}` : 'Pick who to look at, then add conditions; the count follows as you go.'}
        actions={
          <>
            {saved ? (
              <button type="button" className="btn btn--danger" onClick={() => setConfirmDelete(true)}>
                Delete
              </button>
            ) : null}
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save segment'}
            </button>
          </>
        }
      />
      <ErrorBanner title="Not saved" messages={errors} />
      <div className="segment-builder__columns">
        <div className="segment-builder__rule">
          <div className="form-grid segment-builder__head">
            <div className="field">
              <label htmlFor="segment-name">Name</label>
              <input
                id="segment-name"
                type="text"
                maxLength={100}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setDirty(true);
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="segment-entity">Look at</label>
              <select
                id="segment-entity"
                value={entity}
                disabled={Boolean(saved)}
                onChange={(e) => {
                  setEntity(e.target.value as SegmentEntity);
                  setRoot(emptyGroup());
                  setDirty(true);
                }}
              >
                {SEGMENT_ENTITIES.map((e) => (
                  <option key={e} value={e}>
                    {ENTITY_LABELS[e]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field--wide">
              <label htmlFor="segment-description">Description</label>
              <input
                id="segment-description"
                type="text"
                maxLength={500}
                value={description}
                onChange={(e) => {
                  setDescription(e.target.value);
                  setDirty(true);
                }}
              />
            </div>
          </div>
          <GroupEditor entity={entity} group={root} path="" depth={1} missing={showMissing ? missing : new Map()} onChange={change} />
        </div>
        <aside className="segment-builder__side">
          <LiveCount entity={entity} root={countable.root} leftOut={countable.leftOut} />
          <section className="section" aria-labelledby="freeze-title">
            <h2 id="freeze-title">Freeze into a static list</h2>
            <p className="field__hint">Copies who matches now into a target list; the list then stays as it is while the segment moves on.</p>
            {!saved || dirty ? <p className="muted">Save the segment first.</p> : null}
            <div className="field">
              <label htmlFor="freeze-name">List name</label>
              <input id="freeze-name" type="text" maxLength={100} placeholder={`${name || 'Segment'} – ${new Date().toISOString().slice(0, 10)}`} value={listName} onChange={(e) => setListName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="freeze-channel">For</label>
              <select id="freeze-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
                <option value="">Any channel (everyone who matches)</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABELS[c]}: only those who may be reached
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="btn" disabled={!saved || dirty || busy} onClick={() => void freeze()}>
              Freeze into list
            </button>
          </section>
        </aside>
      </div>
      {confirmDelete && saved ? (
        <ConfirmDialog title={`Delete “${saved.name}”?`} confirmLabel="Delete segment" onConfirm={() => void remove()} onCancel={() => setConfirmDelete(false)}>
          Lists frozen from it stay.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
