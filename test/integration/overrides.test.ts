import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessEngine } from '../support/engineHarness';
import { FIXTURES } from '../support/paths';

const h = inProcessEngine();
afterAll(() => h.engine.shutdown());

const portal = (name: string): string => join(FIXTURES, 'portal', name);
const byUpn = async (upn: string) => {
  const page = await h.call('identities:list', { search: upn, limit: 5 });
  const row = page.rows.find((r) => r.upn === upn);
  if (!row) throw new Error(`${upn} not found`);
  return row;
};

describe('reviewer overrides', () => {
  it('are stored with their reason, drive readiness, survive re-analysis and re-import, and can be cleared', async () => {
    await h.call('engagement:create', { path: join(h.dir, 'o.nhiaudit'), name: 'overrides' });
    await h.job((await h.call('import:start', { paths: [portal('InteractiveSignIns_2026-11-01_2026-11-02.csv')], kinds: {} })).jobId);
    const before = await byUpn('report.job@contoso.com');
    expect(before).toMatchObject({ class: 'service_account', verdict: 'will_break', override: null });

    await expect(h.call('identities:setOverride', { id: before.id, class: 'human', reason: '  ' })).rejects.toThrow(/Say why/u);
    const set = await h.call('identities:setOverride', { id: before.id, class: 'human', reason: 'HR confirms a person, Jo Report, uses this account' });
    expect(set).toMatchObject({ class: 'human', computedClass: 'service_account', override: { class: 'human', reason: 'HR confirms a person, Jo Report, uses this account' } });
    // Judged as a person now: single-factor to the CLI, no registration data imported.
    expect(set.verdict).toBe('cannot_assess');

    await h.job((await h.call('analysis:run', {})).jobId);
    expect(await byUpn('report.job@contoso.com')).toMatchObject({ class: 'human', computedClass: 'service_account', verdict: 'cannot_assess' });

    await h.job((await h.call('import:start', { paths: [portal('NonInteractiveSignIns_2026-11-01_2026-11-02.csv')], kinds: {} })).jobId);
    expect(await byUpn('report.job@contoso.com')).toMatchObject({ class: 'human', override: { class: 'human' } });

    const cleared = await h.call('identities:setOverride', { id: before.id, class: null, reason: '' });
    expect(cleared).toMatchObject({ class: 'service_account', override: null, verdict: 'will_break' });
  });

  it('refuses an identity that does not exist', async () => {
    await expect(h.call('identities:setOverride', { id: 999_999, class: 'human', reason: 'x' })).rejects.toThrow(/no identity 999999/u);
  });
});

describe('rule settings', () => {
  it('are stored in the engagement: a severity set there is the one findings carry', async () => {
    const e = inProcessEngine();
    const path = join(e.dir, 's.nhiaudit');
    await e.call('engagement:create', { path, name: 'settings' });
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path);
    const stored = JSON.parse((db.prepare(`SELECT value FROM settings WHERE key = 'rules'`).get() as { value: string }).value) as Record<string, unknown>;
    expect(stored).toMatchObject({ maxSecretDays: 180, expiringDays: 30, severities: {} });
    db.prepare(`UPDATE settings SET value = ? WHERE key = 'rules'`).run(JSON.stringify({ ...stored, severities: { 'password-grant-in-use': 'critical' } }));
    db.close();
    await e.job((await e.call('import:start', { paths: [portal('InteractiveSignIns_2026-11-01_2026-11-02.csv')], kinds: {} })).jobId);
    const row = await byUpnIn(e, 'report.job@contoso.com');
    const findings = await e.call('findings:forIdentity', { id: row.id });
    expect(findings.find((f) => f.ruleId === 'password-grant-in-use')?.severity).toBe('critical');
    await e.engine.shutdown();
  });
});

async function byUpnIn(e: ReturnType<typeof inProcessEngine>, upn: string) {
  const page = await e.call('identities:list', { search: upn, limit: 5 });
  const row = page.rows.find((r) => r.upn === upn);
  if (!row) throw new Error(`${upn} not found`);
  return row;
}
