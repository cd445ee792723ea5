import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface CommentDialogProps {
  title: string;
  /** What happens, in a sentence or two. */
  children?: ReactNode;
  confirmLabel: string;
  commentLabel: string;
  /** A comment is required (sending a quote back), or optional (approving). */
  required?: boolean;
  busy?: boolean;
  error?: string | null;
  danger?: boolean;
  onConfirm: (comment: string) => void;
  onCancel: () => void;
}

/** A modal with a comment box: approve, send back, accept, reject. */
export function CommentDialog({ title, children, confirmLabel, commentLabel, required, busy, error, danger, onConfirm, onCancel }: CommentDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const shown = missing ? 'Enter a comment' : null;
  return (
    <dialog
      ref={ref}
      className="quote-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (required && !comment.trim()) {
            setMissing(true);
            return;
          }
          onConfirm(comment.trim());
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children ? <div className="quote-dialog__text">{children}</div> : null}
        <div className={`field${shown ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-comment`}>
            {commentLabel}
            {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
          </label>
          <textarea
            id={`${id}-comment`}
            rows={4}
            maxLength={1000}
            autoFocus
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              setMissing(false);
            }}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? `${id}-comment-error` : undefined}
          />
          {shown ? (
            <p className="field__error" id={`${id}-comment-error`}>
              {shown}
            </p>
          ) : null}
        </div>
        {error ? (
          <p className="quote-dialog__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="quote-dialog__actions">
          <button type="submit" className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
