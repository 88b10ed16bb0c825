import { join } from 'node:path';
import type { EngineHost } from '../../electron/engine/host';
import { expect, test } from '../support/e2eFixtures';

/** An engagement file on disk, closed again, as one opened in an earlier session would be. */
async function engagementOnDisk(host: EngineHost, path: string, name: string): Promise<void> {
  const created = await host.call('engagement:create', { path, name, customer: `${name} customer`, tenant: '', auditor: '', asOf: null });
  expect(created.ok).toBe(true);
  expect((await host.call('engagement:close', {})).ok).toBe(true);
}

test.describe('desktop shell integration', () => {
  test('the start screen lists recent engagements and opens one; the window title follows the engagement', async ({ page, nhi }) => {
    const path = join(nhi.dir, 'fabrikam.nhiaudit');
    await engagementOnDisk(nhi.host, path, 'Fabrikam & Co audit');
    nhi.transport.shell['engagements:recent'] = () => [
      { path, name: 'Fabrikam & Co audit', openedAt: '2026-11-20T09:30:00.000Z' },
      { path: join(nhi.dir, 'older.nhiaudit'), name: 'Older audit', openedAt: '2026-11-02T09:30:00.000Z' },
    ];

    await nhi.open();
    await expect(page).toHaveTitle('nhi-audit');
    const recent = page.getByRole('region', { name: 'Recent engagements' });
    await expect(recent.getByRole('listitem')).toHaveCount(2);
    await expect(recent.getByRole('listitem').first()).toContainText('Opened 2026-11-20');
    await recent.getByRole('button', { name: /Fabrikam & Co audit/u }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Fabrikam & Co audit' })).toBeVisible();
    await expect(page).toHaveTitle('Fabrikam & Co audit — nhi-audit');
    expect(nhi.transport.calls.filter((c) => c.method === 'engagement:open')).toEqual([{ method: 'engagement:open', request: { path }, ok: true }]);

    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.locator('[data-screen="start"]')).toBeVisible();
    await expect(page).toHaveTitle('nhi-audit');
  });

  test('no recent engagements: the list is not shown', async ({ page, nhi }) => {
    await nhi.open();
    await expect(page.getByRole('button', { name: 'Open the bundled sample' })).toBeVisible();
    await expect.poll(() => nhi.transport.calls.some((c) => c.method === 'engagements:recent')).toBe(true);
    await expect(page.getByText('Recent engagements')).toHaveCount(0);
  });

  test('menu commands drive the same actions as the buttons', async ({ page, nhi }) => {
    const path = join(nhi.dir, 'woodgrove.nhiaudit');
    await engagementOnDisk(nhi.host, path, 'Woodgrove');
    const menu = (command: Parameters<typeof nhi.transport.send<'menu:command'>>[1]) => nhi.transport.send('menu:command', command);
    await nhi.open();

    // With nothing open, commands that need an engagement do nothing.
    await menu({ command: 'export' });
    await menu({ command: 'importFiles' });
    await expect(page.getByTestId('export-dialog')).toHaveCount(0);
    expect(nhi.transport.calls.some((c) => c.method === 'dialog:openFiles')).toBe(false);

    await menu({ command: 'openEngagement' });
    await expect.poll(() => nhi.transport.calls.filter((c) => c.method === 'dialog:openEngagement').length).toBe(1);

    await menu({ command: 'openSample' });
    await expect(page.getByRole('heading', { level: 1, name: 'Contoso sample' })).toBeVisible();
    await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
    await expect(page).toHaveTitle('Contoso sample — nhi-audit');

    // Export… opens the export dialog, and again after it was closed.
    for (let i = 0; i < 2; i += 1) {
      await menu({ command: 'export' });
      const dialog = page.getByTestId('export-dialog');
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toHaveCount(0);
    }

    await menu({ command: 'importFiles' });
    await menu({ command: 'importFolder' });
    await expect.poll(() => nhi.transport.calls.filter((c) => c.method === 'dialog:openFiles').map((c) => c.request)).toEqual([{ directories: false }, { directories: true }]);

    // A file the OS asked to open replaces the open engagement.
    await menu({ command: 'openRecent', path });
    await expect(page.getByRole('heading', { level: 1, name: 'Woodgrove' })).toBeVisible();
    await expect(page).toHaveTitle('Woodgrove — nhi-audit');

    // One that cannot be opened says why, and the engagement stays open.
    await menu({ command: 'openRecent', path: join(nhi.dir, 'gone.nhiaudit') });
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Woodgrove' })).toBeVisible();

    // New engagement… leaves the engagement for the start screen's form.
    await menu({ command: 'newEngagement' });
    await expect(page.locator('[data-screen="start"]')).toBeVisible();
    await expect(page.getByRole('form', { name: 'New engagement' }).getByLabel('Customer')).toBeFocused();
    await expect(page).toHaveTitle('nhi-audit');

    await menu({ command: 'openRecent', path });
    await expect(page.getByRole('heading', { level: 1, name: 'Woodgrove' })).toBeVisible();
    await menu({ command: 'closeEngagement' });
    await expect(page.locator('[data-screen="start"]')).toBeVisible();
  });
});
