import { useEffect, useRef, type RefObject } from 'react';
import { create } from 'zustand';

/**
 * Requests from the application menu that a screen carries out when it is showing: the menu lives
 * in Electron main, the dialogs and forms in components.
 */
interface UiState {
  /** Export… from the menu: the engagement screen shows its export dialog while this is set. */
  exportRequested: boolean;
  /** New engagement… from the menu: the start screen brings its form into view once. */
  newEngagementRequested: boolean;
  requestExport(): void;
  clearExportRequest(): void;
  requestNewEngagement(): void;
  clearNewEngagementRequest(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  exportRequested: false,
  newEngagementRequested: false,
  requestExport: () => set({ exportRequested: true }),
  clearExportRequest: () => set({ exportRequested: false }),
  requestNewEngagement: () => set({ newEngagementRequested: true }),
  clearNewEngagementRequest: () => set({ newEngagementRequested: false }),
}));

/** A ref for the new-engagement form's container: its first field takes the focus when the menu asks. */
export function useNewEngagementFocus<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  const requested = useUiStore((s) => s.newEngagementRequested);
  useEffect(() => {
    if (!requested) return;
    useUiStore.getState().clearNewEngagementRequest();
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [requested]);
  return ref;
}
