import { create } from 'zustand';
import type { EngagementInfo } from '../../../shared/contract/dto';
import { api, messageOf, unwrap } from '../api';
import { useImportStore } from './importStore';
import { refreshEngagementData, resetEngagementData } from './engagementData';

/** Which start-screen (or header) action an error or a pending call belongs to. */
export type EngagementAction = 'create' | 'open' | 'sample' | 'close';

export interface NewEngagementForm {
  name: string;
  customer: string;
  tenant: string;
  auditor: string;
  /** YYYY-MM-DD or empty. */
  asOf: string;
  path: string;
}

interface EngagementState {
  engagement: EngagementInfo | null;
  busy: EngagementAction | null;
  error: { action: EngagementAction; message: string } | null;
  /** Picks up an engagement the engine already has open (for example after a reload). */
  restore(): Promise<void>;
  create(form: NewEngagementForm): Promise<void>;
  openFromDisk(): Promise<void>;
  /** Opens a known file: a recent engagement, or one the OS asked the app to open. */
  openPath(path: string): Promise<void>;
  openSample(): Promise<void>;
  close(): Promise<void>;
  clearError(): void;
}

export const useEngagementStore = create<EngagementState>()((set, get) => {
  /** Runs one action with its busy flag; errors land next to the control that started it. */
  const run = async (action: EngagementAction, work: () => Promise<void>): Promise<void> => {
    if (get().busy) return;
    set({ busy: action, error: null });
    try {
      await work();
    } catch (err) {
      set({ error: { action, message: messageOf(err) } });
    } finally {
      set({ busy: null });
    }
  };

  const enter = (engagement: EngagementInfo): void => {
    resetEngagementData();
    set({ engagement });
    void refreshEngagementData();
  };

  return {
    engagement: null,
    busy: null,
    error: null,

    restore: async () => {
      const current = await unwrap(api().engagement_current({}));
      if (current) enter(current);
    },

    create: (form) =>
      run('create', async () => {
        const engagement = await unwrap(
          api().engagement_create({
            path: form.path,
            name: form.name.trim() || form.customer.trim(),
            customer: form.customer.trim(),
            tenant: form.tenant.trim(),
            auditor: form.auditor.trim(),
            asOf: form.asOf === '' ? null : form.asOf,
          }),
        );
        enter(engagement);
      }),

    openFromDisk: () =>
      run('open', async () => {
        const path = await unwrap(api().dialog_openEngagement({}));
        if (path == null) return;
        enter(await unwrap(api().engagement_open({ path })));
      }),

    openPath: (path) =>
      run('open', async () => {
        enter(await unwrap(api().engagement_open({ path })));
      }),

    openSample: () =>
      run('sample', async () => {
        const { engagement, jobId } = await unwrap(api().engagement_openSample({}));
        enter(engagement);
        useImportStore.getState().track(jobId);
      }),

    close: () =>
      run('close', async () => {
        await unwrap(api().engagement_close({}));
        resetEngagementData();
        set({ engagement: null });
      }),

    clearError: () => set({ error: null }),
  };
});
