import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessEngine } from '../support/engineHarness';
import { SAMPLE } from '../support/paths';

const h = inProcessEngine();

beforeAll(async () => {
  await h.call('engagement:create', { path: join(h.dir, 's.nhiaudit'), name: 'settings', asOf: '2026-11-20' });
  await h.job((await h.call('import:start', { paths: [SAMPLE], kinds: {} })).jobId);
}, 120_000);
afterAll(() => h.engine.shutdown());

describe('engagement settings', () => {
  it('start at the defaults, are stored, and a re-analysis says what changed', async () => {
    const { current, defaults } = await h.call('settings:get', {});
    expect(current).toEqual(defaults);
    const before = await h.call('rules:results', {});
    const lifetime = before.find((r) => r.ruleId === 'secret-lifetime-too-long')?.findings ?? 0;
    expect(lifetime).toBeGreaterThan(0);

    const done = await h.job(
      (await h.call('settings:update', { ...current, rules: { ...current.rules, maxSecretDays: 800 }, classification: { ...current.classification, breakGlassNamePatterns: [] } })).jobId,
    );
    if (done.kind !== 'analysis' || !done.changes) throw new Error('no changes reported');
    const rule = done.changes.byRule.find((r) => r.ruleId === 'secret-lifetime-too-long');
    expect(rule?.before).toBe(lifetime);
    expect(rule?.after).toBeLessThan(lifetime);
    expect(done.changes.findingsAfter).toBeLessThan(done.changes.findingsBefore);
    // Without the name patterns, the emergency accounts are no longer break-glass by name.
    expect(done.changes.classChanges.some((c) => c.from === 'break_glass')).toBe(true);
    expect(done.changes.classChangeCount).toBe(done.changes.classChanges.length);
    expect((await h.call('settings:get', {})).current.rules.maxSecretDays).toBe(800);
  });

  it('refuses a pattern that is not a regular expression and a severity for a rule that does not exist, keeping the stored settings', async () => {
    const { current } = await h.call('settings:get', {});
    await expect(
      h.call('settings:update', { ...current, classification: { ...current.classification, serviceAccountNamePatterns: ['^(svc'] }, rules: { ...current.rules, severities: { 'no-such-rule': 'high' } } }),
    ).rejects.toThrow(/Service-account name patterns: "\^\(svc" is not a valid pattern.*no rule "no-such-rule"/u);
    expect((await h.call('settings:get', {})).current).toEqual(current);
  });
});
