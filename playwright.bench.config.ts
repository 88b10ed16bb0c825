import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Desktop benchmarks (not part of `npm test`): `npm run bench:ui`. Same browser and transport as the e2e tests. */
export default defineConfig({
  ...base,
  testDir: 'test/bench',
  // Outside test-results/, which every e2e run empties: a benchmark and the tests can run side by side.
  outputDir: 'bench-results',
  use: { ...base.use, trace: 'off' },
  timeout: 30 * 60_000,
  expect: { timeout: Number(process.env.NHI_BENCH_EXPECT_MS ?? 10 * 60_000) },
  reporter: [['list']],
});
