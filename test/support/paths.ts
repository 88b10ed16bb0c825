import { resolve } from 'node:path';

// `__dirname`, not `import.meta.dirname`: Playwright loads test support files as CommonJS.
export const ROOT = resolve(__dirname, '..', '..');
export const WORKER = resolve(ROOT, 'out', 'node', 'worker.js');
export const CLI = resolve(ROOT, 'out', 'node', 'cli.js');
export const SAMPLE = resolve(ROOT, 'resources', 'sample');
export const FIXTURES = resolve(ROOT, 'test', 'fixtures');
/** Copies of the handbook's public samples and catalogues (test/fixtures/reference/README.md). */
export const SHARED_SAMPLES = resolve(ROOT, 'test', 'fixtures', 'reference', 'samples');
export const CATALOGUE_COPIES = resolve(ROOT, 'test', 'fixtures', 'reference', 'catalogues');
/** The handbook itself, beside the clone on developer machines and in CI. */
export const HANDBOOK = resolve(ROOT, '..', 'shared');
/** The worker Electron main ships (electron-vite build), run here in plain Node. */
export const ELECTRON_WORKER = resolve(ROOT, 'out', 'main', 'worker.js');
