import { useState } from 'react';
import type { ToastOptions } from './ToastProvider';

export interface ToastData {
  id: number;
  message: string;
  action?: ToastOptions['action'] | undefined;
}

export interface ToastProps {
  toast: ToastData;
  onDismiss: (id: number) => void;
}

/** One message, optionally with an action button such as "Undo". */
export function Toast({ toast, onDismiss }: ToastProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const run = async () => {
    if (!toast.action) return;
    setBusy(true);
    try {
      await toast.action.run();
      onDismiss(toast.id);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };
  return (
    <div className="toast">
      <span className="toast__message">{failed ?? toast.message}</span>
      {toast.action && !failed ? (
        <button type="button" className="toast__action" onClick={run} disabled={busy}>
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
