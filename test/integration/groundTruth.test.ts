import Database from 'better-sqlite3';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_SAMPLE_OPTIONS, buildTenant, generateSampleTenant, WINDOW_DAYS } from '../../electron/engine/sample/index';
import { groundTruth, type Truth } from '../../electron/engine/sample/truth';
import { inProcessEngine } from '../support/engineHarness';
import { SAMPLE } from '../support/paths';
import { tempDir } from '../unit/sample/helpers';

interface Result {
  key: string;
  class: string;
  verdict: string;
  reason: string;
  pattern: string | null;
}

const parseYmd = (s: string): number => Date.parse(`${s}T00:00:00Z`);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** Imports a folder through the real engine, analyses it and reads every identity's class and verdict. */
async function analyse(folder: string, asOf: string): Promise<Map<string, Result>> {
  const h = inProcessEngine();
  cleanups.push(() => h.engine.shutdown());
  const path = join(h.dir, 'e.nhiaudit');
  await h.call('engagement:create', { path, name: 'ground truth', asOf });
  await h.job((await h.call('import:start', { paths: [folder], kinds: {} })).jobId);
  await h.job((await h.call('analysis:run', {})).jobId);
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare(
      `SELECT coalesce(CASE WHEN i.kind = 'user' THEN i.upn ELSE i.object_id END, i.app_id, '#' || i.id) AS key, coalesce(c.override_class, c.class) AS class, r.verdict, r.reason, json_extract(r.recommendation, '$.pattern') AS pattern
         FROM identities i JOIN classifications c ON c.identity_id = i.id JOIN readiness r ON r.identity_id = i.id`,
    )
    .all() as Result[];
  db.close();
  return new Map(rows.map((r) => [r.key.toLowerCase(), r]));
}

/** Every expected identity with the expected class and verdict, and no identity the scenario does not have. */
function compare(truth: Truth[], results: Map<string, Result>): string[] {
  const wrong: string[] = [];
  const expected = new Set(truth.map((t) => t.key.toLowerCase()));
  for (const [key, r] of results) if (!expected.has(key)) wrong.push(`${key}: unexpected identity ${r.class}/${r.verdict}`);
  for (const t of truth) {
    const r = results.get(t.key.toLowerCase());
    if (!r) wrong.push(`${t.key}: not found`);
    else if (r.class !== t.class || r.verdict !== t.verdict) wrong.push(`${t.key}: expected ${t.class}/${t.verdict} (${t.why}), got ${r.class}/${r.verdict}: ${r.reason}`);
  }
  return wrong;
}

describe('analysis against the generator\'s ground truth', () => {
  it('gets every identity of the bundled sample right', async () => {
    const o = BUNDLED_SAMPLE_OPTIONS;
    const truth = groundTruth(buildTenant({ seed: o.seed, signIns: o.signIns, asOfMs: parseYmd(o.asOf), days: WINDOW_DAYS }));
    const results = await analyse(SAMPLE, o.asOf);
    expect(truth.length).toBeGreaterThan(200);
    expect(compare(truth, results)).toEqual([]);
    // The migration target follows the evidence: Azure addresses, platform user agents, dormancy.
    expect(results.get('p.lindqvist@contoso.com')?.pattern).toBe('managed_identity');
    expect(results.get('svc-terraform@contoso.com')?.pattern).toBe('federation_terraform_cloud');
    expect(results.get('svc-monitor@contoso.com')?.pattern).toBe('service_principal_certificate');
    expect(results.get('svc-legacyftp@contoso.com')?.pattern).toBe('retire');
  }, 60_000);

  it('gets every identity of a larger tenant with another seed right', async () => {
    const options = { seed: 4242, signIns: 60_000, asOf: '2026-09-30' };
    const dir = await tempDir('truth');
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await generateSampleTenant({ outDir: dir, ...options });
    const truth = groundTruth(buildTenant({ seed: options.seed, signIns: options.signIns, asOfMs: parseYmd(options.asOf), days: WINDOW_DAYS }));
    const results = await analyse(dir, options.asOf);
    expect(compare(truth, results)).toEqual([]);
  }, 120_000);
});
