import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const WORKER = resolve(ROOT, 'out', 'node', 'worker.js');
export const CLI = resolve(ROOT, 'out', 'node', 'cli.js');
export const SAMPLE = resolve(ROOT, 'resources', 'sample');
export const FIXTURES = resolve(ROOT, 'test', 'fixtures');
export const SHARED_SAMPLES = resolve(ROOT, '..', 'shared', 'samples');
/** The worker Electron main ships (electron-vite build), run here in plain Node. */
export const ELECTRON_WORKER = resolve(ROOT, 'out', 'main', 'worker.js');
