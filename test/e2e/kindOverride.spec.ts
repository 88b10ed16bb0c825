import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_FIXTURES } from '../support/e2ePaths';
import { expect, test } from '../support/e2eFixtures';

const SHOTS = process.env.NHI_SHOTS_DIR ?? join(__dirname, '..', '..', 'test-results', 'screenshots');

test('a sign-in CSV whose name does not say its kind is refused with advice, then imported as the kind chosen', async ({ page, nhi }) => {
  mkdirSync(SHOTS, { recursive: true });
  const renamed = join(nhi.dir, 'signins.csv');
  copyFileSync(join(PORTAL_FIXTURES, 'InteractiveSignIns_2026-11-01_2026-11-02.csv'), renamed);
  const users = join(PORTAL_FIXTURES, 'exportUsers_2026-11-2.csv');
  nhi.transport.shell['dialog:saveEngagement'] = () => join(nhi.dir, 'kinds.nhiaudit');
  nhi.transport.shell['dialog:openFiles'] = () => [renamed, users];

  await nhi.open();
  await page.getByRole('form', { name: 'New engagement' }).getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  const activity = page.locator('[data-job-state]');
  await expect(activity).toHaveAttribute('data-job-state', 'done');
  const results = page.getByRole('table', { name: 'Import results per file' });
  const row = results.locator('tr[data-file="signins.csv"]');
  await expect(row).toHaveAttribute('data-outcome', 'failed');
  await expect(row).toContainText('does not say whether it holds interactive or non-interactive sign-ins');
  await expect(results.locator(`tr[data-file="exportUsers_2026-11-2.csv"]`).getByRole('button', { name: 'Choose kind…' })).toHaveCount(0);

  await row.getByRole('button', { name: 'Choose kind…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose the kind of this file' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('signins.csv');
  // An ambiguous detection offers only its candidates.
  await expect(dialog.getByRole('radio')).toHaveCount(2);
  await expect(dialog.getByRole('button', { name: 'Import as this kind' })).toBeDisabled();
  await dialog.getByRole('radio', { name: 'Non-interactive sign-ins (portal CSV)' }).check();
  await page.screenshot({ path: join(SHOTS, 'c3-choose-kind.png') });
  await dialog.getByRole('button', { name: 'Import as this kind' }).click();
  await expect(dialog).toBeHidden();

  await expect(activity).toHaveAttribute('data-job-state', 'done');
  const again = page.getByRole('table', { name: 'Import results per file' }).locator('tr[data-file="signins.csv"]');
  await expect(again).toHaveAttribute('data-outcome', 'imported');
  await expect(again).toContainText('Non-interactive sign-ins (portal CSV)');
  // The other file of the first import is still listed, as it was.
  await expect(page.getByRole('table', { name: 'Import results per file' }).locator('tr[data-file="exportUsers_2026-11-2.csv"]')).toHaveAttribute('data-outcome', 'imported');
  await expect(activity).toContainText('2 files imported');
  await page.screenshot({ path: join(SHOTS, 'c4-kind-reimported.png') });

  await page.getByRole('tab', { name: /Sources/u }).click();
  const coverage = page.getByTestId('coverage');
  await expect(coverage.locator('tr[data-category="non_interactive"]')).toHaveAttribute('data-present', 'true');
  await expect(coverage.locator('tr[data-category="interactive"]')).toHaveAttribute('data-present', 'false');
  await expect(coverage.getByRole('list', { name: 'Coverage caveats' })).toContainText(
    'No interactive sign-ins were imported: people signing in to the Azure portal and admin centers cannot be seen',
  );
});
