import { join } from 'node:path';
import { expect, test } from '../support/e2eFixtures';
import { writeLargeExport } from './support/largeExport';

test('a running import shows live progress and can be cancelled', async ({ page, nhi }) => {
  const big = join(nhi.dir, 'InteractiveSignIns_2026-10-01_2026-10-31.csv');
  await writeLargeExport(big, 300_000);
  nhi.transport.shell['dialog:saveEngagement'] = () => join(nhi.dir, 'big.nhiaudit');
  nhi.transport.shell['dialog:openFiles'] = () => [big];

  await nhi.open();
  const form = page.getByRole('form', { name: 'New engagement' });
  await form.getByLabel('Customer').fill('Northwind');
  await form.getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('button', { name: 'Import files…' }).click();

  const activity = page.locator('[data-job-state]');
  await expect(activity).toHaveAttribute('data-job-state', 'running');
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/u);
  await expect(activity).toContainText('InteractiveSignIns_2026-10-01_2026-10-31.csv');
  await expect(activity.getByText('Rows per second')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import files…' })).toBeDisabled();

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(activity).not.toHaveAttribute('data-job-state', 'running');
  await expect(activity.getByRole('heading')).toHaveText(/Import (stopped|cancelled)/u);
  await expect(page.getByRole('button', { name: 'Import files…' })).toBeEnabled();
  await expect(bar).toHaveCount(0);
});
