import { join } from 'node:path';
import { PORTAL_FIXTURES } from '../support/e2ePaths';
import { expect, test } from '../support/e2eFixtures';
import { axeViolations, formatViolations } from './support/axe';

const SHOTS = process.env.NHI_SHOTS_DIR ?? join(__dirname, '..', '..', 'test-results', 'screenshots');

test('a sign-in CSV whose name said interactive is recorded as non-interactive from the Sources view, and re-analysed', async ({ page, nhi }) => {
  const signIns = join(PORTAL_FIXTURES, 'InteractiveSignIns_2026-11-01_2026-11-02.csv');
  nhi.transport.shell['dialog:saveEngagement'] = () => join(nhi.dir, 'kinds.nhiaudit');
  nhi.transport.shell['dialog:openFiles'] = () => [signIns, join(PORTAL_FIXTURES, 'exportUsers_2026-11-2.csv')];

  await nhi.open();
  await page.getByRole('form', { name: 'New engagement' }).getByLabel('Customer').fill('Tailspin');
  await page.getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
  await page.getByRole('button', { name: 'Dismiss' }).click();

  await page.getByRole('tab', { name: /Sources/u }).click();
  const files = page.getByRole('table', { name: 'Imported files' });
  const row = files.getByRole('row').filter({ hasText: 'InteractiveSignIns_2026-11-01_2026-11-02.csv' });
  await expect(row).toContainText('Interactive sign-ins (portal CSV)');
  const coverage = (category: string) => page.locator(`tr[data-category="${category}"]`);
  await expect(coverage('interactive')).toHaveAttribute('data-present', 'true');
  // Only the two kinds told apart by name can be changed: the users export has no such button.
  await expect(files.getByRole('button', { name: /^Record as .*exportUsers/u })).toHaveCount(0);

  await row.getByRole('button', { name: 'Record as non-interactive sign-ins: InteractiveSignIns_2026-11-01_2026-11-02.csv' }).click();
  const status = page.getByTestId('kind-change');
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(status).toContainText('is now recorded as non-interactive sign-ins');
  await expect(status.getByTestId('analysis-changes')).toBeVisible();
  await expect(row).toContainText('Non-interactive sign-ins (portal CSV)');
  await expect(row).toContainText(/Recorded as Non-interactive sign-ins \(portal CSV\) by the reviewer/u);
  await expect(coverage('interactive')).toHaveAttribute('data-present', 'false');
  await expect(coverage('non_interactive')).toHaveAttribute('data-present', 'true');
  const violations = await axeViolations(page, 'sources-kind-changed');
  expect(violations, formatViolations(violations)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, '8b-sources-kind-changed-light.png') });

  // The identities follow: the service account's sign-ins are non-interactive now.
  await page.getByRole('tab', { name: /Identities/u }).click();
  const grid = page.getByRole('grid', { name: 'Identities' });
  await expect(grid).toHaveAttribute('data-state', 'ready');
  const split = grid.locator('[data-identity-id]', { hasText: 'report.job@contoso.com' }).locator('[data-column="split"]');
  await expect(split).toHaveText(/^0 \/ [1-9]\d*$/u);
});
