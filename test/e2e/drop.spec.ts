import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_FIXTURES } from '../support/e2ePaths';
import { expect, test } from '../support/e2eFixtures';

test('export files dropped on the window are imported', async ({ page, nhi }) => {
  nhi.transport.shell['dialog:saveEngagement'] = () => join(nhi.dir, 'dropped.nhiaudit');
  await nhi.open();
  await page.getByRole('form', { name: 'New engagement' }).getByLabel('Customer').fill('Northwind');
  await page.getByRole('button', { name: 'Create engagement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind' })).toBeVisible();

  const files = readdirSync(PORTAL_FIXTURES);
  const paths = Object.fromEntries(files.map((f) => [f, join(PORTAL_FIXTURES, f)]));
  await page.evaluate(
    ({ names, map }) => {
      (window as Window & { __nhiDropPaths?: Record<string, string> }).__nhiDropPaths = map;
      const dt = new DataTransfer();
      for (const n of names) dt.items.add(new File(['x'], n, { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { names: files, map: paths },
  );
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.evaluate((names) => {
    const dt = new DataTransfer();
    for (const n of names) dt.items.add(new File(['x'], n, { type: 'text/csv' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
  const started = nhi.transport.calls.filter((c) => c.method === 'import:start');
  expect(started).toHaveLength(1);
  expect((started[0]?.request as { paths: string[] }).paths.sort()).toEqual(Object.values(paths).sort());
  await page.getByRole('tab', { name: /Identities/u }).click();
  await expect(page.getByRole('grid', { name: 'Identities' })).toHaveAttribute('data-state', 'ready');
});
