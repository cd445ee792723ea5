import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Tag } from '../../../../shared/contract/tags';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { SegmentTabs } from '../segments/SegmentTabs';
import '../segments/segments.css';
import { useTags } from './queries';
import { TagChip } from './TagChip';
import './tags.css';

function TagRow({ tag, onDelete }: { tag: Tag; onDelete: () => void }) {
  const client = useQueryClient();
  const [name, setName] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: (next: string) => call('tags.rename', { id: tag.id, name: next }),
    onSuccess: () => {
      setName(null);
      void client.invalidateQueries({ queryKey: ['tags'] });
    },
  });
  return (
    <tr>
      <td>
        {name === null ? (
          <TagChip tag={tag} />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              rename.mutate(name);
            }}
          >
            <input aria-label={`New name for ${tag.name}`} value={name} maxLength={60} autoFocus onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setName(null)} />{' '}
            <button type="submit" className="btn btn--small" disabled={rename.isPending}>
              Save
            </button>
          </form>
        )}
        {rename.error ? <p className="field__error">{errorMessage(rename.error)}</p> : null}
      </td>
      <td className="num">{tag.counts.contact}</td>
      <td className="num">{tag.counts.lead}</td>
      <td className="num">{tag.counts.account}</td>
      <td>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setName(tag.name)} aria-label={`Rename ${tag.name}`}>
          Rename
        </button>{' '}
        <button type="button" className="btn btn--small btn--ghost" onClick={onDelete} aria-label={`Delete ${tag.name}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}

/** Every tag with how many records carry it; administrators and marketing rename and delete them. */
export function TagsPage() {
  const client = useQueryClient();
  const tags = useTags();
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const remove = useMutation({
    mutationFn: (id: number) => call('tags.delete', { id }),
    onSuccess: () => {
      setDeleting(null);
      void client.invalidateQueries({ queryKey: ['tags'] });
    },
  });
  return (
    <div className="page">
      <SegmentTabs />
      <PageHeader title="Tags" subtitle="Labels on contacts, leads and accounts; add them on a record's page. Renaming and deleting is for administrators and marketing." />
      {tags.isError ? <ErrorBanner title="Cannot load the tags" messages={[errorMessage(tags.error)]} /> : null}
      {tags.data && tags.data.length === 0 ? <p className="muted">No tags yet: add one on a contact, lead or account page.</p> : null}
      {tags.data?.length ? (
        <table className="segment-table" aria-label="Tags">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col" className="num">Contacts</th>
              <th scope="col" className="num">Leads</th>
              <th scope="col" className="num">Accounts</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tags.data.map((t) => (
              <TagRow key={t.id} tag={t} onDelete={() => setDeleting(t)} />
            ))}
          </tbody>
        </table>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete the tag “${deleting.name}”?`}
          confirmLabel="Delete tag"
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onConfirm={() => remove.mutate(deleting.id)}
          onCancel={() => setDeleting(null)}
        >
          It comes off {deleting.counts.contact + deleting.counts.lead + deleting.counts.account} records; segments naming it will need changing.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
