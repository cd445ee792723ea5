import { useRef, useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { applyServerIssues, errorMessage, isConflict } from '../lib/formErrors';
import { changedFields } from '../lib/patch';
import { useFormShortcuts } from '../lib/useFormShortcuts';
import { ConflictBanner } from './ConflictBanner';
import { ErrorBanner } from './ErrorBanner';
import { FormActions } from './FormActions';

export interface FormShellProps<Values extends FieldValues, Output extends Record<string, unknown>> {
  form: UseFormReturn<Values, unknown, Output>;
  /** The form's accessible name, e.g. "Account". */
  label: string;
  /** Top-level field names: a server issue on one of them shows at that field, any other in the banner. */
  fieldNames: readonly string[];
  submitLabel: string;
  /** Gets the whole validated record (create) and the fields the user changed (edit). */
  onSave: (values: Output, changed: Partial<Output>) => Promise<void>;
  onCancel: () => void;
  /** Edit only: loads the saved record again after a conflict; the form is reset to what it returns. */
  onReload?: (() => Promise<Values>) | undefined;
  children: ReactNode;
}

/**
 * The frame of a record form: submit with server errors put onto fields, the
 * conflict banner with Reload, Ctrl+S / Esc, and the Save/Cancel bar.
 */
export function FormShell<Values extends FieldValues, Output extends Record<string, unknown>>({
  form,
  label,
  fieldNames,
  submitLabel,
  onSave,
  onCancel,
  onReload,
  children,
}: FormShellProps<Values, Output>) {
  // Read while rendering: react-hook-form only tracks the form state a render reads.
  const { isSubmitting, dirtyFields } = form.formState;
  const [conflict, setConflict] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [reloading, setReloading] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useFormShortcuts(() => formRef.current?.requestSubmit(), onCancel);

  const submit = form.handleSubmit(async (values) => {
    setGeneral([]);
    try {
      // The dirty flags are keyed by the form's fields, which the output shares; TypeScript cannot see that generically.
      await onSave(values, changedFields(values, dirtyFields as Partial<Record<keyof Output, unknown>>));
      setConflict(null);
    } catch (error) {
      if (isConflict(error)) setConflict(error.message);
      else setGeneral(applyServerIssues(error, form.setError, fieldNames));
    }
  });

  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      form.reset(await onReload());
      setConflict(null);
    } catch (error) {
      setGeneral([errorMessage(error)]);
    } finally {
      setReloading(false);
    }
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={label}>
      {conflict ? <ConflictBanner message={conflict} onReload={reload} reloading={reloading} /> : null}
      <ErrorBanner messages={general} />
      {children}
      <FormActions submitLabel={submitLabel} submitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
