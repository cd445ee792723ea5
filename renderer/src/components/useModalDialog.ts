import { useEffect, useRef } from 'react';

/** A <dialog> shown modally while the component is mounted (focus trapped, Esc handled by the caller's onCancel). */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
