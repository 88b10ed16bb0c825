import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { EngineHost } from '../../electron/engine/host';
import { E2E_BRIDGE, E2E_RENDERER, E2E_WORKER } from './e2ePaths';
import { SAMPLE } from './paths';
import { serveStatic } from './e2eServer';
import { installTransport, type Transport } from './e2eTransport';

export interface Nhi {
  host: EngineHost;
  transport: Transport;
  /** This test's own folder: the engine's data dir, and where the test writes its files. */
  dir: string;
  /** Opens the app and waits until it has reached the engine. */
  open(): Promise<void>;
}

interface WorkerFixtures {
  rendererUrl: string;
  bridgeScript: string;
}

/**
 * Each test: a fresh temp folder, its own engine host (real worker, real SQLite), the API injected
 * into the page, and checks at the end that the page logged no error (CSP violations included) and
 * asked for nothing outside the app.
 */
export const test = base.extend<{ nhi: Nhi }, WorkerFixtures>({
  rendererUrl: [
    // Playwright needs the destructuring pattern to see which fixtures a fixture uses; none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveStatic(E2E_RENDERER);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  bridgeScript: [async ({}, use) => use(readFileSync(E2E_BRIDGE, 'utf8')), { scope: 'worker' }],
  baseURL: async ({ rendererUrl }, use) => use(rendererUrl),

  nhi: async ({ page, bridgeScript, rendererUrl }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'nhi-e2e-'));
    const host = new EngineHost(E2E_WORKER, { samplePath: SAMPLE, dataDir: dir, appVersion: 'e2e' });
    const transport = await installTransport(page, host, bridgeScript);
    const problems = watchPage(page, rendererUrl);
    try {
      await use({
        host,
        transport,
        dir,
        open: async () => {
          await page.goto('/');
          await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
        },
      });
    } finally {
      transport.dispose();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems, 'console errors, CSP violations or requests leaving the app').toEqual([]);
  },
});

function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(`${origin}/`) && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  return problems;
}

export { expect };
