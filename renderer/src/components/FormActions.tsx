export interface FormActionsProps {
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
}

/** Save and Cancel under a form, with the keyboard shortcuts spelled out. */
export function FormActions({ submitLabel, submitting, onCancel }: FormActionsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn--primary" disabled={submitting}>
        {submitting ? 'Saving…' : submitLabel}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <span className="form-actions__hint">Ctrl+S saves · Esc cancels</span>
    </div>
  );
}
