import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a native <dialog> as a modal while the component is mounted and calls `onClose` when the
 * user closes it (Escape, a form with method="dialog"); the latest `onClose` is always the one called.
 */
export function useModalDialog(onClose: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    const closed = (): void => latest.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, []);
  return ref;
}
