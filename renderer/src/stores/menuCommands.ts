import { MenuCommandSchema } from '../../../shared/contract/events';
import { useEngagementStore } from './engagementStore';
import { selectCurrentJob, useImportStore } from './importStore';
import { useUiStore } from './uiStore';

/**
 * Carries out a command from the application menu (or a file the OS asked to open) with the same
 * actions the buttons use. A command that does not apply right now (Export with nothing open,
 * Import while an import runs) is ignored, as its disabled button would be.
 */
export function runMenuCommand(payload: unknown): void {
  const parsed = MenuCommandSchema.safeParse(payload);
  if (!parsed.success) return;
  const { command, path } = parsed.data;
  const engagement = useEngagementStore.getState();
  const imports = useImportStore.getState();
  const open = engagement.engagement != null;
  const importing = imports.starting || selectCurrentJob(imports)?.state === 'running';

  switch (command) {
    case 'newEngagement':
      void newEngagement();
      return;
    case 'openEngagement':
      void engagement.openFromDisk();
      return;
    case 'openRecent':
      if (path) void engagement.openPath(path);
      return;
    case 'openSample':
      void engagement.openSample();
      return;
    case 'importFiles':
    case 'importFolder':
      if (open && !importing) void imports.chooseAndStart({ directories: command === 'importFolder' });
      return;
    case 'export':
      if (open) useUiStore.getState().requestExport();
      return;
    case 'closeEngagement':
      if (open) void engagement.close();
      return;
  }
}

/** The form is on the start screen: close what is open (it is saved as it goes), then go to the form. */
async function newEngagement(): Promise<void> {
  const store = useEngagementStore.getState();
  if (store.engagement) await store.close();
  if (useEngagementStore.getState().engagement == null) useUiStore.getState().requestNewEngagement();
}
