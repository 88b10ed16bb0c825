import { resolve } from 'node:path';
import { build as electronViteBuild } from 'electron-vite';
import { build } from 'vite';

/**
 * Integration tests drive the real engine host, whose worker is a built file: build the Node side
 * (CLI + worker, as `npm run build:cli`) and the Electron bundles (as `electron-vite build`), so
 * the worker that Electron main ships is exercised too.
 */
export default async function setup(): Promise<void> {
  // For quick runs of pure unit tests: NHI_SKIP_BUILD=1 npx vitest run test/unit/shared
  if (process.env.NHI_SKIP_BUILD === '1') return;
  const root = resolve(import.meta.dirname, '..', '..');
  await build({ configFile: resolve(root, 'vite.cli.config.mts'), logLevel: 'warn', root });
  await electronViteBuild({ configFile: resolve(root, 'electron.vite.config.ts'), logLevel: 'warn', root });
}
