import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ASSIGNMENT_METHODS, type Territory } from '../../../../shared/contract/territories';
import type { User } from '../../../../shared/contract/users';
import { CrmError } from '../../../../shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, describedBy } from '../../components/Field';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { useFormShortcuts } from '../../lib/useFormShortcuts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { METHOD_HINTS, METHOD_LABELS } from './labels';
import { MatchCount } from './MatchCount';
import { MembersEditor } from './MembersEditor';
import { RulesEditor } from './RulesEditor';
import { addIssue, draftOf, newDraft, noErrors, validateDraft, type DraftErrors, type TerritoryDraft } from './territoryDraft';

export interface TerritoryFormProps {
  /** The territory being edited; null for a new one under `parentId`. */
  territory: Territory | null;
  parentId: number | null;
  parentName: string | null;
  users: User[];
  canEdit: boolean;
  onSaved: (saved: Territory) => void;
  onClose: () => void;
  onDeleted: () => void;
}

function OwnerSelect({ id, value, users, empty, disabled, error, onChange }: { id: string; value: number | null; users: User[]; empty: string; disabled: boolean; error: string | undefined; onChange: (v: number | null) => void }) {
  return (
    <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} {...describedBy(id, error)}>
      <option value="">{empty}</option>
      {value !== null && !users.some((u) => u.id === value) ? <option value={value}>User {value} (inactive)</option> : null}
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}

/** A territory's name, method, owners, members and ordered rules, with the live count of what the rules match. */
export function TerritoryForm({ territory, parentId, parentName, users, canEdit, onSaved, onClose, onDeleted }: TerritoryFormProps) {
  const client = useQueryClient();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<TerritoryDraft>(() => (territory ? draftOf(territory) : newDraft(parentId)));
  const [errors, setErrors] = useState<DraftErrors>(noErrors);
  const [failure, setFailure] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteFailure, setDeleteFailure] = useState<string | null>(null);
  const disabled = !canEdit || saving;
  // The tree's drag and Position controls move a territory: saving keeps where it is now.
  const currentParent = territory ? territory.parentId : parentId;

  const set = <K extends keyof TerritoryDraft>(key: K, value: TerritoryDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (key !== 'rules' && key in errors.fields) setErrors((e) => ({ ...e, fields: { ...e.fields, [key]: undefined } }));
  };

  const reset = () => {
    if (!territory) onClose();
    else {
      setDraft(draftOf(territory));
      setErrors(noErrors());
      setFailure([]);
    }
  };
  useFormShortcuts(() => formRef.current?.requestSubmit(), () => (confirmDelete ? undefined : reset()));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || !canEdit) return;
    const checked = validateDraft({ ...draft, parentId: currentParent });
    setErrors(checked.errors);
    setFailure(checked.errors.general);
    if (!checked.input) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await call('territories.save', checked.input);
      await client.invalidateQueries({ queryKey: ['territories'] });
      toast.show({ message: `Territory saved: ${saved.name}` });
      setErrors(noErrors());
      setFailure([]);
      onSaved(saved);
    } catch (error) {
      const next = noErrors();
      if (error instanceof CrmError && error.issues?.length) {
        for (const issue of error.issues) addIssue(next, issue.path ? issue.path.split('.') : [], issue.message, draft.rules);
        next.general.unshift(error.message);
      } else next.general.push(errorMessage(error));
      setErrors(next);
      setFailure(next.general);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    setDeleteFailure(null);
    if (!territory) return;
    try {
      await call('territories.delete', { id: territory.id });
      await client.invalidateQueries({ queryKey: ['territories'] });
      toast.show({ message: `Territory deleted: ${territory.name}` });
      onDeleted();
    } catch (error) {
      setDeleteFailure(errorMessage(error));
    }
  };

  const f = errors.fields;
  return (
    <form ref={formRef} className="form territory-form" onSubmit={(e) => void submit(e)} noValidate aria-label={territory ? `Edit ${territory.name}` : 'New territory'}>
      <ErrorBanner messages={failure} />
      <ErrorBanner title="Could not delete" messages={deleteFailure ? [deleteFailure] : []} />
      <div className="form-grid territory-form__grid">
        <Field id="territory-name" label="Name" error={f.name} required>
          <input id="territory-name" type="text" value={draft.name} maxLength={100} disabled={disabled} autoFocus={!territory} onChange={(e) => set('name', e.target.value)} {...describedBy('territory-name', f.name)} />
        </Field>
        <Field id="territory-method" label="Assignment method" error={f.method} hint={METHOD_HINTS[draft.method]}>
          <select id="territory-method" value={draft.method} disabled={disabled} onChange={(e) => set('method', e.target.value as TerritoryDraft['method'])}>
            {ASSIGNMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </Field>
        {draft.method === 'fixed' ? (
          <Field id="territory-fixed-owner" label="Fixed owner" error={f.fixedOwnerId} required>
            <OwnerSelect id="territory-fixed-owner" value={draft.fixedOwnerId} users={users} empty="Choose the owner…" disabled={disabled} error={f.fixedOwnerId} onChange={(v) => set('fixedOwnerId', v)} />
          </Field>
        ) : null}
        <Field id="territory-fallback-owner" label="Fallback owner" error={f.fallbackOwnerId} hint="Takes the records when no member can.">
          <OwnerSelect id="territory-fallback-owner" value={draft.fallbackOwnerId} users={users} empty="None (the parent’s, then the queue)" disabled={disabled} error={f.fallbackOwnerId} onChange={(v) => set('fallbackOwnerId', v)} />
        </Field>
        <div className="field territory-form__active">
          <span className="territory-form__label-spacer" aria-hidden="true">
            &nbsp;
          </span>
          <label className="check">
            <input type="checkbox" checked={draft.active} disabled={disabled} onChange={(e) => set('active', e.target.checked)} /> Active
          </label>
          <p className="field__hint">An inactive territory takes no records.</p>
        </div>
      </div>
      {f.parentId ? <p className="field__error">Parent: {f.parentId}</p> : null}
      <MembersEditor
        memberIds={draft.memberIds}
        users={users}
        saved={territory?.members ?? []}
        method={draft.method}
        error={f.memberIds}
        disabled={disabled}
        onChange={(ids) => set('memberIds', ids)}
      />
      <RulesEditor rules={draft.rules} errors={errors.rules} disabled={disabled} onChange={(rules) => set('rules', rules)} />
      <MatchCount parentId={currentParent} parentName={parentName} rules={draft.rules} />
      <div className="form-actions">
        {canEdit ? (
          <>
            <button type="submit" className="btn btn--primary" disabled={saving}>
              {saving ? 'Saving…' : territory ? 'Save territory' : 'Create territory'}
            </button>
            <button type="button" className="btn" onClick={reset} disabled={saving}>
              {territory ? 'Revert changes' : 'Cancel'}
            </button>
            {territory ? (
              <button type="button" className="btn btn--danger territory-form__delete" onClick={() => setConfirmDelete(true)} disabled={saving}>
                Delete territory
              </button>
            ) : null}
          </>
        ) : (
          <span className="muted">Only sales managers and administrators change territories.</span>
        )}
        <span className="form-actions__hint">Ctrl+S saves · Esc {territory ? 'reverts' : 'cancels'}</span>
      </div>
      {confirmDelete && territory ? (
        <ConfirmDialog title={`Delete ${territory.name}?`} confirmLabel="Delete territory" tone="danger" onConfirm={() => void remove()} onCancel={() => setConfirmDelete(false)}>
          <p>Its records keep their owners and find a new territory at the next realignment. A territory with children cannot be deleted.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
