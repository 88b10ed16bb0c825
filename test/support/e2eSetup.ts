import { resolve } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build, type Plugin } from 'vite';
import { E2E_BRIDGE, E2E_RENDERER, E2E_WORKER, PAGE_BRIDGE_SOURCE, ROOT } from './e2ePaths';

/**
 * Playwright global setup: builds what the end-to-end tests run, with the project's own build
 * configurations, into out/e2e/: the renderer (electron-vite's renderer config), the engine worker
 * (vite.cli.config.mts, worker entry only) and the page bridge. About two seconds.
 * NHI_SKIP_BUILD=1 reuses the previous out/e2e/ build.
 */
export default async function setup(): Promise<void> {
  if (process.env.NHI_SKIP_BUILD === '1') return;
  const logLevel = 'warn';

  const electronVite = await resolveConfig({ root: ROOT, logLevel }, 'build', 'production');
  const renderer = electronVite.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer configuration');
  await build({ ...renderer, logLevel, build: { ...renderer.build, outDir: E2E_RENDERER, emptyOutDir: true } });

  const workerOnly: Plugin = {
    name: 'nhi-e2e-worker-only',
    config(config) {
      const rollup = (config.build ??= {}).rollupOptions ?? {};
      config.build.rollupOptions = { ...rollup, input: {
          worker: resolve(ROOT, 'electron', 'engine', 'worker.ts'),
          signInParser: resolve(ROOT, 'electron', 'engine', 'import', 'csv', 'signInParser.worker.ts'),
        },
      };
    },
  };
  await build({
    configFile: resolve(ROOT, 'vite.cli.config.mts'),
    root: ROOT,
    logLevel,
    plugins: [workerOnly],
    build: { outDir: resolve(E2E_WORKER, '..'), emptyOutDir: true },
  });

  await build({
    configFile: false,
    root: ROOT,
    logLevel,
    build: {
      outDir: resolve(E2E_BRIDGE, '..'),
      emptyOutDir: true,
      minify: false,
      target: 'chrome120',
      lib: { entry: PAGE_BRIDGE_SOURCE, formats: ['iife'], name: 'nhiAuditE2eBridge', fileName: () => 'bridge.js' },
    },
  });
}
