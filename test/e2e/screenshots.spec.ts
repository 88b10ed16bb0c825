import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '../support/e2eFixtures';
import { SCHEMES, walkMainJourney } from './support/journey';

/**
 * The main journeys in both colour schemes, with a screenshot of each view for looking at (not for
 * pixel comparison), written to test-results/screenshots/ or to NHI_SHOTS_DIR.
 */
const SHOTS = process.env.NHI_SHOTS_DIR ?? join(__dirname, '..', '..', 'test-results', 'screenshots');

for (const scheme of SCHEMES) {
  test(`screenshots (${scheme})`, async ({ page, nhi }) => {
    mkdirSync(SHOTS, { recursive: true });
    await walkMainJourney(page, nhi, scheme, async (name) => {
      await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
    });
  });
}
