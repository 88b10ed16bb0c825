import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../support/paths';
import { expect, test } from '../support/e2eFixtures';

const SHOTS = process.env.NHI_SHOTS_DIR ?? join(__dirname, '..', '..', 'test-results', 'screenshots');

test('a .zip archive imports entry by entry, and the Sources view says which evidence exists and what is missing', async ({ page, nhi }) => {
  mkdirSync(SHOTS, { recursive: true });
  const archive = join(FIXTURES, 'zip', 'tenant-export.zip');
  const locked = join(FIXTURES, 'zip', 'password-protected.zip');
  nhi.transport.shell['dialog:saveEngagement'] = () => join(nhi.dir, 'zip.nhiaudit');
  nhi.transport.shell['dialog:openFiles'] = () => [archive, locked];

  await nhi.open();
  await page.getByRole('form', { name: 'New engagement' }).getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  const activity = page.locator('[data-job-state]');
  await expect(activity).toHaveAttribute('data-job-state', 'done');
  const results = page.getByRole('table', { name: 'Import results per file' });
  const entry = results.locator('tr[data-file="NonInteractiveSignIns_2026-11-01_2026-11-02.csv"]');
  await expect(entry).toHaveAttribute('data-outcome', 'imported');
  await expect(entry.locator('.cell-file')).toHaveAttribute('title', `${archive}!tenant-export/SignIns/NonInteractiveSignIns_2026-11-01_2026-11-02.csv`);
  const encrypted = results.locator('tr[data-file="users.csv"]');
  await expect(encrypted).toHaveAttribute('data-outcome', 'failed');
  await expect(encrypted).toContainText('encrypted (password-protected)');
  await expect(activity).toContainText('3 files imported');
  await page.screenshot({ path: join(SHOTS, 'c1-zip-import.png') });

  await page.getByRole('tab', { name: /Sources/u }).click();
  const coverage = page.getByTestId('coverage');
  await expect(coverage.getByRole('heading', { name: 'Evidence coverage' })).toBeVisible();
  const signIns = coverage.getByRole('table', { name: 'Sign-in log coverage' });
  await expect(signIns.locator('tr[data-category="interactive"]')).toHaveAttribute('data-present', 'true');
  await expect(signIns.locator('tr[data-category="interactive"]')).toContainText('2026-11-01');
  await expect(signIns.locator('tr[data-category="non_interactive"]')).toContainText('2026-11-02');
  await expect(signIns.locator('tr[data-category="service_principal"]')).toHaveAttribute('data-present', 'false');
  await expect(signIns.locator('tr[data-category="service_principal"]')).toContainText('Missing');
  const entities = coverage.getByRole('list', { name: 'Directory data coverage' });
  await expect(entities.locator('li[data-entity="users"]')).toHaveAttribute('data-present', 'true');
  await expect(entities.locator('li[data-entity="mfa_registration"]')).toHaveAttribute('data-present', 'false');
  const caveats = coverage.getByRole('list', { name: 'Coverage caveats' });
  await expect(caveats.locator('[data-caveat="missing_service_principal"]')).toContainText('No service principal sign-ins were imported');
  await expect(caveats.locator('[data-caveat="missing_mfa_registration"]')).toContainText('No MFA registration details were imported');
  await expect(caveats.locator('[data-caveat="short_window"]')).toContainText('only 2 days');
  // The sources table still lists the files, each named inside its archive.
  await expect(page.getByRole('table', { name: 'Imported files' }).locator('tbody tr')).toHaveCount(3);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.screenshot({ path: join(SHOTS, 'c2-coverage-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SHOTS, 'c2-coverage-dark.png') });
});
