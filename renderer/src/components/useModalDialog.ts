import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/** The dialog's elements Tab stops at, in order: focusable, enabled and laid out (not in a closed <details>). */
function tabStops(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/**
 * Opens a native <dialog> as a modal while the component is mounted and calls `onClose` when the
 * user closes it (Escape, a form with method="dialog"); the latest `onClose` is always the one called.
 * Tab and Shift+Tab go round the dialog's controls and never leave it, and when the dialog goes the
 * focus goes back to what had it before (the button that opened it), if that is still there.
 */
export function useModalDialog(onClose: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    dialog.showModal();
    const closed = (): void => latest.current();
    const trap = (e: KeyboardEvent): void => {
      if (e.key !== 'Tab' || !dialog.open) return;
      const stops = tabStops(dialog);
      const first = stops[0];
      const last = stops[stops.length - 1];
      const active = document.activeElement;
      const inside = active instanceof Node && dialog.contains(active);
      if (!first || !last) {
        e.preventDefault();
      } else if (e.shiftKey && (active === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('close', closed);
    document.addEventListener('keydown', trap);
    return () => {
      dialog.removeEventListener('close', closed);
      document.removeEventListener('keydown', trap);
      if (dialog.open) dialog.close();
      // The browser gives the focus back only to a dialog closed while still in the page; this one may be gone already.
      const active = document.activeElement;
      const lost = active == null || active === document.body || dialog.contains(active);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, []);
  return ref;
}
