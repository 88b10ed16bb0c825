import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * Integration tests drive the real engine host, whose worker is a built file: build the Node side
 * (CLI + worker) once before the run, exactly as `npm run build:cli` does.
 */
export default async function setup(): Promise<void> {
  // For quick runs of pure unit tests: NHI_SKIP_BUILD=1 npx vitest run test/unit/shared
  if (process.env.NHI_SKIP_BUILD === '1') return;
  const root = resolve(import.meta.dirname, '..', '..');
  await build({ configFile: resolve(root, 'vite.cli.config.mts'), logLevel: 'warn', root });
}
