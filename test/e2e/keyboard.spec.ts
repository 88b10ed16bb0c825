import { expect, test } from '../support/e2eFixtures';
import { expectVisibleFocus, tabTo } from './support/keyboard';
import { SCHEMES } from './support/journey';

/**
 * The app with the keyboard alone, in both colour schemes: every stop on the way shows the focus
 * ring; the view tabs follow the ARIA tabs pattern; the overview's bars, the table's rows and the
 * findings' rules work with Enter and Space; a dialog keeps the focus, closes on Escape and gives
 * the focus back to the button that opened it.
 */
for (const scheme of SCHEMES) {
  test(`every view works from the keyboard (${scheme})`, async ({ page, nhi }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await nhi.open();

    await tabTo(page, page.getByRole('button', { name: 'Open the bundled sample' }));
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
    const grid = page.getByRole('grid', { name: 'Identities' });

    // The engagement opens on its overview. The tab list is one stop: the selected tab. Arrows,
    // Home and End move between the views.
    const tabs = page.getByRole('tablist', { name: 'Engagement views' });
    const tab = (name: string | RegExp) => tabs.getByRole('tab', { name });
    await expect(tab('Overview')).toHaveAttribute('aria-selected', 'true');
    await tabTo(page, tab('Overview'));
    await page.keyboard.press('ArrowRight');
    await expect(tab(/Identities/u)).toHaveAttribute('aria-selected', 'true');
    await expect(grid).toHaveAttribute('data-state', 'ready');
    await expect(tabs.getByRole('tab')).toHaveCount(6);
    await expect(tabs.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
    const expectSelected = async (name: string | RegExp): Promise<void> => {
      const selected = tab(name);
      await expect(selected).toHaveAttribute('aria-selected', 'true');
      await expect(selected).toBeFocused();
      await expectVisibleFocus(page);
      const panelId = await selected.getAttribute('aria-controls');
      const panel = page.getByRole('tabpanel');
      await expect(panel).toHaveAttribute('id', panelId ?? '');
      await expect(panel).toHaveAttribute('aria-labelledby', (await selected.getAttribute('id')) ?? '');
      await expect(tabs.locator('[aria-selected="true"]')).toHaveCount(1);
    };
    await page.keyboard.press('ArrowRight');
    await expectSelected('Readiness');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expectSelected('Overview');
    await page.keyboard.press('ArrowLeft');
    await expectSelected('Settings');
    await page.keyboard.press('Home');
    await expectSelected('Overview');
    await page.keyboard.press('End');
    await expectSelected('Settings');
    await page.keyboard.press('ArrowRight');
    await expectSelected('Overview');

    // An overview bar opens the identities behind it.
    const overview = page.getByTestId('overview');
    const willBreak = overview.getByRole('button', { name: /^Will break: \d+$/u });
    const count = (await willBreak.getAttribute('aria-label'))?.replace(/\D/gu, '') ?? '';
    await tabTo(page, willBreak);
    await page.keyboard.press('Enter');
    await expect(tab(/Identities/u)).toHaveAttribute('aria-selected', 'true');
    await expect(grid).toHaveAttribute('data-total', count);
    // The bar went with its view: the focus is on the view shown, not lost to the top of the window.
    await expect(page.getByRole('tabpanel')).toBeFocused();

    // A row of the table: Tab reaches it, Enter opens its detail, the arrows move to the next one.
    const rows = grid.locator('[data-identity-id]');
    await tabTo(page, rows.first());
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('identity-detail');
    await expect(detail).toHaveAttribute('data-identity-id', (await rows.first().getAttribute('data-identity-id')) ?? '');
    const second = (await rows.nth(1).getAttribute('data-identity-id')) ?? '';
    await page.keyboard.press('ArrowDown');
    await expect(detail).toHaveAttribute('data-identity-id', second);
    await expect(rows.nth(1)).toBeFocused();
    await expectVisibleFocus(page);
    // The detail's ✕ comes next; closing it gives the focus back to the row.
    await tabTo(page, detail.getByRole('button', { name: 'Close details' }), { max: 1 });
    await page.keyboard.press('Enter');
    await expect(detail).toHaveCount(0);
    await expect(page.locator(`[data-identity-id="${second}"]`)).toBeFocused();

    // Findings: a rule is a toggle, with Space and with Enter.
    await tabTo(page, tab(/Identities/u), { back: true, max: 60 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectSelected(/Findings/u);
    const findings = page.getByTestId('findings-view');
    await expect(findings.getByTestId('findings-total')).toHaveAttribute('data-state', 'ready');
    const rule = findings.locator('.rule-item[data-status="fail"]').first();
    await tabTo(page, rule);
    await page.keyboard.press('Space');
    await expect(rule).toHaveAttribute('aria-pressed', 'true');
    await expect(findings.getByTestId('rule-card')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(rule).toHaveAttribute('aria-pressed', 'false');
    await expect(findings.getByTestId('rule-card')).toHaveCount(0);

    // The export dialog: the focus stays inside both ways round, Escape closes it and the focus is back on Export….
    const exportButton = page.getByRole('button', { name: 'Export…' });
    await tabTo(page, exportButton, { back: true, max: 60 });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export and review' });
    await expect(dialog).toBeVisible();
    const focusInDialog = (): Promise<boolean> => dialog.evaluate((d) => d.contains(document.activeElement));
    await expect.poll(focusInDialog).toBe(true);
    const stops = await dialog.evaluate((d) => d.querySelectorAll('button:not(:disabled), input:not(:disabled)').length);
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < stops + 2; i++) {
        await page.keyboard.press(key);
        expect(await focusInDialog(), `${key} ${i + 1} keeps the focus in the dialog`).toBe(true);
        await expectVisibleFocus(page);
      }
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(exportButton).toBeFocused();
  });
}
