import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PORTAL_FIXTURES } from '../../support/e2ePaths';
import { expect, type Nhi } from '../../support/e2eFixtures';
import { writeLargeExport } from './largeExport';

export type Scheme = 'light' | 'dark';
export const SCHEMES: readonly Scheme[] = ['light', 'dark'];

/** Called at each screen of the journey, once the screen has settled, with the screen's name. */
export type Checkpoint = (name: string) => Promise<void>;

/**
 * The main journeys through every screen, in one colour scheme: the bundled sample (import, the
 * identities with the detail panel, overview, readiness, findings, settings with what changed, export,
 * saved views), then a new engagement importing files with problems (rejected rows, a broken file,
 * sources) and a large import cancelled. `at` runs at each screen: the screenshots spec takes a
 * picture there, the accessibility spec runs axe.
 */
export async function walkMainJourney(page: Page, nhi: Nhi, scheme: Scheme, at: Checkpoint): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });

  await nhi.open();
  await at('1-start');

  nhi.transport.hold('job:done');
  await page.getByRole('button', { name: 'Open the bundled sample' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', /\d/u);
  await at('2-import-running');
  await nhi.transport.release();
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
  await page.getByRole('tab', { name: /Identities/u }).click();
  const grid = page.getByRole('grid', { name: 'Identities' });
  await expect(grid).toHaveAttribute('data-state', 'ready');
  await at('3-import-done-identities');

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await grid.locator('[data-class="service_account"]').first().click();
  await expect(page.getByTestId('identity-detail')).toBeVisible();
  await at('4-identities-detail');
  // Worst verdicts first: a blocked automation account with its surfaces, then one that will break.
  await page.getByRole('button', { name: 'MFA readiness' }).click();
  await grid.locator('[data-identity-id]').first().click();
  await expect(page.getByTestId('readiness').locator('tr[data-effect="blocked"]')).toBeVisible();
  await at('4a-identity-blocked');
  await page.getByRole('searchbox', { name: 'Search identities' }).fill('svc-monitor');
  await expect(grid).toHaveAttribute('data-total', '1');
  await grid.locator('[data-identity-id]').first().click();
  await expect(page.getByTestId('readiness').locator('tr[data-effect="breaks"]')).toBeVisible();
  await page.getByTestId('identity-detail').getByTestId('readiness').scrollIntoViewIfNeeded();
  await at('4c-identity-will-break');
  await expect(page.getByTestId('findings').locator('[data-rule]').first()).toBeVisible();
  await page.getByTestId('findings').scrollIntoViewIfNeeded();
  await at('4d-identity-findings');
  await expect(page.getByTestId('activity')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('activity').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await at('4d2-identity-activity');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByTestId('top-risks').getByRole('listitem').first()).toBeVisible();
  await at('3a-overview');
  await page.getByRole('tab', { name: 'Readiness' }).click();
  await expect(page.getByTestId('readiness-view').locator('details[data-verdict="blocked"] tbody tr').first()).toBeVisible();
  await at('3a2-readiness');
  await page.getByRole('tab', { name: /Findings/u }).click();
  await expect(page.getByTestId('findings-total')).toHaveAttribute('data-state', 'ready');
  await at('3b-findings');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByTestId('settings-view').getByLabel('Longest secret lifetime (days)').fill('365');
  await page.getByTestId('settings-view').getByRole('button', { name: 'Apply and re-analyse' }).click();
  await expect(page.getByTestId('analysis-changes')).toBeVisible();
  await at('3c-settings-changed');
  await page.getByRole('tab', { name: /Identities/u }).click();
  // The re-analysis cleared the selection: select the same identity again.
  await expect(grid).toHaveAttribute('data-total', '1');
  await grid.locator('[data-identity-id]').first().click();
  await page.getByTestId('review').scrollIntoViewIfNeeded();
  await at('4e-identity-review');
  nhi.transport.shell['dialog:saveWorkbook'] = () => join(nhi.dir, `governance-${scheme}.xlsx`);
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByTestId('export-dialog').getByTestId('pseudonymize').check();
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Save workbook…' }).click();
  await expect(page.getByTestId('export-status')).toHaveAttribute('data-state', 'done');
  await at('4f-export-dialog');
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('searchbox', { name: 'Search identities' }).fill('');
  await expect(grid).toHaveAttribute('data-total', /\d{3}/u);
  await page.getByRole('searchbox', { name: 'Search identities' }).click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await at('4b-keyboard-focus');
  // Identities with a high finding, the findings and review columns, worst first, saved as a view.
  await page.getByRole('button', { name: 'Close details' }).click();
  await page.getByRole('group', { name: 'Filter by finding severity' }).getByRole('button', { name: /high/u }).click();
  await page.getByRole('button', { name: 'Columns' }).click();
  const columns = page.getByRole('dialog', { name: 'Choose columns' });
  for (const c of ['Findings', 'Worst finding severity', 'Review decision and status']) await columns.getByRole('checkbox', { name: c }).check();
  await page.keyboard.press('Escape');
  await grid.getByRole('button', { name: 'Worst finding' }).click();
  const viewsButton = page.getByRole('button', { name: /^Views/u });
  await viewsButton.click();
  await page.getByRole('dialog', { name: 'Saved views' }).getByLabel('Save the current view as').fill('High findings');
  await page.getByRole('dialog', { name: 'Saved views' }).getByRole('button', { name: 'Save' }).click();
  await expect(viewsButton).toHaveText(/High findings/u);
  await viewsButton.click();
  await expect(grid).toHaveAttribute('data-state', 'ready');
  await at('4g-identity-views');

  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  const broken = join(nhi.dir, 'broken.csv');
  writeFileSync(broken, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  nhi.transport.shell['dialog:saveEngagement'] = () => join(nhi.dir, `fabrikam-${scheme}.nhiaudit`);
  nhi.transport.shell['dialog:openFiles'] = () => [...readdirSync(PORTAL_FIXTURES).map((f) => join(PORTAL_FIXTURES, f)), broken];
  const form = page.getByRole('form', { name: 'New engagement' });
  await form.getByLabel('Customer').fill('Fabrikam Ltd');
  await form.getByLabel('Tenant').fill('fabrikam.onmicrosoft.com');
  await form.getByLabel('Auditor').fill('A. Auditor');
  await form.getByLabel('As-of date').fill('2026-11-20');
  await form.getByRole('button', { name: 'Choose…' }).click();
  await at('5-new-engagement-form');
  await form.getByRole('button', { name: 'Create engagement' }).click();
  await expect(page.getByTestId('overview-empty')).toBeVisible();
  await at('5b-new-engagement-empty');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
  // A new engagement opens on its overview, which fills in when the import has been analysed.
  await expect(page.getByTestId('top-risks')).toBeVisible();
  await at('6-import-with-problems');

  await page.getByRole('button', { name: /View 3 rejected rows/u }).click();
  await expect(page.getByRole('dialog', { name: 'Rejected rows' })).toBeVisible();
  await at('7-rejected-rows');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: /Sources/u }).click();
  await expect(page.getByRole('table', { name: 'Imported files' })).toBeVisible();
  await at('8-sources');

  // A large file in mid-import, then cancelled.
  const big = join(nhi.dir, 'InteractiveSignIns_2026-10-01_2026-10-31.csv');
  await writeLargeExport(big, 300_000);
  nhi.transport.shell['dialog:openFiles'] = () => [big];
  await page.getByRole('button', { name: 'Import files…' }).click();
  const activity = page.locator('[data-job-state]');
  await expect(activity.getByText('Rows read in this file')).toBeVisible();
  await expect(activity.locator('dd').nth(1)).not.toHaveText('—');
  await at('9-import-large-running');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(activity).not.toHaveAttribute('data-job-state', 'running');
  await at('10-import-cancelled');
}
