import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Desktop benchmarks (not part of `npm test`): `npm run bench:ui`. Same browser and transport as the e2e tests. */
export default defineConfig({
  ...base,
  testDir: 'test/bench',
  // Apart from the e2e runs' folder, so a benchmark and the tests can run side by side.
  outputDir: 'test-results/bench',
  timeout: 30 * 60_000,
  expect: { timeout: Number(process.env.NHI_BENCH_EXPECT_MS ?? 10 * 60_000) },
  reporter: [['list']],
});
