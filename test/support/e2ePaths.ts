import { resolve } from 'node:path';
import { FIXTURES, ROOT } from './paths';

export { ROOT };

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
