import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Playwright loads these files as CommonJS (the package has no "type": "module"), where
 * `import.meta` is a syntax error; so this file derives the root from `__dirname` instead of
 * importing ./paths (which uses `import.meta.dirname` for Vitest).
 */
export const ROOT = resolve(__dirname, '..', '..');
const SAMPLE = resolve(ROOT, 'resources', 'sample');
const FIXTURES = resolve(ROOT, 'test', 'fixtures');

/**
 * The end-to-end tests build into out/e2e/ (not out/renderer or out/node) so a concurrent
 * `electron-vite build` or unit-test build can never empty a folder under a running browser.
 * The configurations are the project's own; only the output folders differ.
 */
export const E2E_OUT = resolve(ROOT, 'out', 'e2e');
export const E2E_RENDERER = resolve(E2E_OUT, 'renderer');
export const E2E_WORKER = resolve(E2E_OUT, 'node', 'worker.js');
export const E2E_BRIDGE = resolve(E2E_OUT, 'bridge', 'bridge.js');
export const PAGE_BRIDGE_SOURCE = resolve(ROOT, 'test', 'e2e', 'bridge', 'pageBridge.ts');
export const PORTAL_FIXTURES = resolve(FIXTURES, 'portal');

/** The bundled sample tenant, or the small portal fixtures while resources/sample is still empty. */
export function sampleFolder(): { path: string; bundled: boolean } {
  let files: string[];
  try {
    files = readdirSync(SAMPLE).filter((f) => !f.startsWith('.'));
  } catch {
    files = [];
  }
  return files.length > 0 ? { path: SAMPLE, bundled: true } : { path: PORTAL_FIXTURES, bundled: false };
}
