import { useEffect, useRef, useState } from 'react';

export interface LostReasonDialogProps {
  opportunityName: string;
  stageName: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why an opportunity was lost before it goes into a lost stage. */
export function LostReasonDialog({ opportunityName, stageName, onConfirm, onCancel }: LostReasonDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="opp-dialog"
      aria-labelledby="lost-reason-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          const text = reason.trim();
          if (!text) {
            setError('A lost reason is required');
            return;
          }
          onConfirm(text);
        }}
      >
        <h2 id="lost-reason-title">Move {opportunityName} to {stageName}</h2>
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label htmlFor="lost-reason">Why was it lost?</label>
          <input
            id="lost-reason"
            type="text"
            autoFocus
            autoComplete="off"
            maxLength={300}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'lost-reason-error' : undefined}
          />
          {error ? (
            <p className="field__error" id="lost-reason-error">
              {error}
            </p>
          ) : null}
        </div>
        <div className="opp-dialog__actions">
          <button type="submit" className="btn btn--primary">
            Move
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
