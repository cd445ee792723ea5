import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Toast, type ToastData } from './Toast';

export interface ToastOptions {
  message: string;
  /** A button in the toast, e.g. "Undo". */
  action?: { label: string; run: () => void | Promise<void> };
  /** Milliseconds on screen; 10 s with an action, 5 s without. */
  timeoutMs?: number;
}

interface ToastApi {
  show(options: ToastOptions): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export interface ToastProviderProps {
  children: ReactNode;
}

/** Holds the toasts of the app and shows them in a polite live region. */
export function ToastProvider({ children }: ToastProviderProps) {
  const [toasts, setToasts] = useState<ToastData[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);

  const show = useCallback(
    (options: ToastOptions) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-2), { id, message: options.message, action: options.action }]);
      window.setTimeout(() => dismiss(id), options.timeoutMs ?? (options.action ? 10_000 : 5_000));
    },
    [dismiss],
  );

  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <Toast key={t.id} toast={t} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a ToastProvider');
  return api;
}
