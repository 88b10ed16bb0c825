import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/e2eFixtures';
import { openSampleIdentities } from './support/openSample';

const SHOTS = process.env.NHI_SHOTS_DIR ?? join(__dirname, '..', '..', 'test-results', 'screenshots');

test('the identity detail shows when, from where and with what it signs in, and what it holds', async ({ page, nhi }) => {
  mkdirSync(SHOTS, { recursive: true });
  const grid = await openSampleIdentities(page, nhi);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  const search = page.getByRole('searchbox', { name: 'Search identities' });

  // svc-monitor: every 15 minutes, around the clock, from one address.
  await search.fill('svc-monitor');
  await expect(grid).toHaveAttribute('data-total', '1');
  await grid.locator('[data-identity-id]').first().click();
  const detail = page.getByTestId('identity-detail');
  const activity = detail.getByTestId('activity');
  await expect(activity).toHaveAttribute('data-state', 'ready');

  const timeline = activity.getByRole('img', { name: /^Sign-ins per day from 2026-10-21 to 2026-11-19 \(UTC\): 2,880 in total on 30 of 30 days/u });
  await expect(timeline).toBeVisible();
  await expect(timeline).toHaveAttribute('data-bars', '30');
  await expect(timeline.locator('g[data-day="2026-11-01"]')).toHaveAttribute('data-total', '96');
  await expect(timeline.locator('g[data-day="2026-11-01"] title')).toHaveText('2026-11-01: 96 sign-ins (96 interactive)');

  const heatmap = activity.getByTestId('heatmap');
  await expect(heatmap).toBeVisible();
  await expect(heatmap).toHaveAttribute('role', 'img');
  await expect(heatmap).toHaveAttribute('aria-label', /^Sign-ins by weekday and hour \(UTC\): in 168 of the week's 168 hours/u);
  const cells = heatmap.locator('.heatmap-cell');
  await expect(cells).toHaveCount(168);
  await expect(heatmap.locator('.heatmap-cell[data-level="0"]')).toHaveCount(0);
  await expect(cells.first()).toHaveAttribute('title', /^Mon 00:00 UTC: \d+ sign-ins$/u);

  const network = detail.getByTestId('network');
  await expect(network.getByTestId('ips').locator('tr[data-ip="192.0.2.21"]')).toContainText('2,880');
  await expect(network.getByTestId('ips').locator('tr[data-ip="192.0.2.21"]')).toContainText('US');
  await expect(network.getByTestId('agents')).toContainText('PowerShell/7.4.6');
  await expect(detail.getByTestId('access').getByTestId('roles')).toContainText('Monitoring Reader');
  await network.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(SHOTS, 'a1-identity-sources.png') });

  // An application: its two client secrets with their statuses and use, and its owner.
  // The previous search also had one row: wait for this one's row, not for the count.
  await search.fill('Power BI Refresh');
  await grid.locator('[data-identity-id]', { hasText: 'Power BI Refresh' }).click();
  await expect(detail.getByRole('heading', { level: 2, name: 'Power BI Refresh' })).toBeVisible();
  const access = detail.getByTestId('access');
  await expect(access).toHaveAttribute('data-state', 'ready');
  const credentials = access.getByTestId('credentials').getByRole('listitem');
  await expect(credentials).toHaveCount(2);
  await expect(credentials.nth(0)).toHaveAttribute('data-credential-status', 'valid');
  await expect(credentials.nth(0)).toContainText('Client secret “refresh”');
  await expect(credentials.nth(0)).toContainText('Seen in use');
  await expect(credentials.nth(1)).toContainText('Client secret “spare-do-not-use”');
  await expect(credentials.nth(1)).toHaveAttribute('data-seen', 'no');
  await expect(credentials.nth(1)).toContainText('Not seen in use');
  await expect(credentials.nth(1)).toContainText('af0e48bf-cd81-4042-ad09-3fe05ee0529f');
  await expect(access.getByTestId('owners')).toContainText('Grace Ashworth');
  await expect(access.getByTestId('owners')).toContainText('grace.ashworth@contoso.com');
  await expect(detail.getByTestId('activity').getByRole('img', { name: /30 in total/u }).first()).toBeVisible();
  await access.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(SHOTS, 'a2-application-access-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SHOTS, 'a2-application-access-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // An expired secret is said to be so.
  await search.fill('Expense Connector');
  await grid.locator('[data-identity-id]', { hasText: 'Expense Connector' }).click();
  await expect(detail.getByRole('heading', { level: 2, name: 'Expense Connector' })).toBeVisible();
  await expect(detail.getByTestId('credentials').getByRole('listitem').first()).toHaveAttribute('data-credential-status', 'expired');
  await expect(detail.getByTestId('credentials').getByRole('listitem').first()).toContainText('Expired');
});
