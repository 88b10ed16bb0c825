import { useCoverageStore } from './coverageStore';
import { useFindingsStore } from './findingsStore';
import { useIdentitiesStore } from './identitiesStore';
import { useImportStore } from './importStore';
import { useSavedViewsStore } from './savedViewsStore';
import { useSettingsStore } from './settingsStore';
import { useSourcesStore } from './sourcesStore';
import { useSummaryStore } from './summaryStore';
import { useViewStore } from './viewStore';

/** Forgets everything loaded from the previous engagement. */
export function resetEngagementData(): void {
  useImportStore.getState().reset();
  useIdentitiesStore.getState().reset();
  useSourcesStore.getState().reset();
  useSummaryStore.getState().reset();
  useCoverageStore.getState().reset();
  useFindingsStore.getState().reset();
  useSettingsStore.getState().reset();
  useViewStore.getState().reset();
  useSavedViewsStore.getState().reset();
}

/** Reloads what the engagement screen shows, after opening an engagement or finishing an import. */
export async function refreshEngagementData(): Promise<void> {
  await Promise.all([
    useSummaryStore.getState().load(),
    useSourcesStore.getState().load(),
    useCoverageStore.getState().load(),
    useIdentitiesStore.getState().reload({ clearSelection: true }),
    useFindingsStore.getState().load(),
  ]);
}
