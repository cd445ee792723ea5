import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { AssignmentSettings } from '../../../../shared/contract/territories';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { territoryKeys, useActiveUsers } from './queries';

/** The queue owner (who gets records no territory matches) and whether new records are assigned on create. */
export function AssignmentSettingsForm({ canEdit }: { canEdit: boolean }) {
  const settings = useQuery({ queryKey: territoryKeys.settings, queryFn: () => call('assignment.getSettings', {}) });
  if (settings.isError) return <ErrorBanner title="Could not load the settings" messages={[errorMessage(settings.error)]} />;
  if (!settings.data) return <p className="muted">Loading…</p>;
  return <SettingsFields loaded={settings.data} canEdit={canEdit} />;
}

function SettingsFields({ loaded, canEdit }: { loaded: AssignmentSettings; canEdit: boolean }) {
  const client = useQueryClient();
  const toast = useToast();
  const users = useActiveUsers();
  const [queueOwner, setQueueOwner] = useState(loaded.queueOwnerId === null ? '' : String(loaded.queueOwnerId));
  const [assignOnCreate, setAssignOnCreate] = useState(loaded.assignOnCreate);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const changed = queueOwner !== (loaded.queueOwnerId === null ? '' : String(loaded.queueOwnerId)) || assignOnCreate !== loaded.assignOnCreate;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    try {
      const saved = await call('assignment.saveSettings', { queueOwnerId: queueOwner ? Number(queueOwner) : null, assignOnCreate });
      client.setQueryData(territoryKeys.settings, saved);
      toast.show({ message: 'Assignment settings saved' });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="assignment-settings" onSubmit={(e) => void submit(e)} aria-label="Assignment settings">
      <ErrorBanner messages={failure ? [failure] : []} />
      <div className="assignment-settings__fields">
        <div className="field">
          <label htmlFor="assignment-queue-owner">Queue owner</label>
          <select id="assignment-queue-owner" value={queueOwner} disabled={!canEdit || saving} onChange={(e) => setQueueOwner(e.target.value)} aria-describedby="assignment-queue-owner-hint">
            <option value="">Nobody (the creator keeps the record)</option>
            {loaded.queueOwnerId !== null && !users.data?.some((u) => u.id === loaded.queueOwnerId) ? <option value={loaded.queueOwnerId}>User {loaded.queueOwnerId} (inactive)</option> : null}
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <p className="field__hint" id="assignment-queue-owner-hint">
            Owns the accounts and leads no territory matches.
          </p>
        </div>
        <div className="field">
          <span className="territory-form__label-spacer" aria-hidden="true">
            &nbsp;
          </span>
          <label className="check">
            <input type="checkbox" checked={assignOnCreate} disabled={!canEdit || saving} onChange={(e) => setAssignOnCreate(e.target.checked)} /> Assign new records by the territory rules
          </label>
          <p className="field__hint">When an account or lead is created (or imported) without an owner chosen.</p>
        </div>
        {canEdit ? (
          <div className="assignment-settings__save">
            <button type="submit" className="btn btn--primary" disabled={saving || !changed}>
              {saving ? 'Saving…' : 'Save settings'}
            </button>
          </div>
        ) : null}
      </div>
    </form>
  );
}
