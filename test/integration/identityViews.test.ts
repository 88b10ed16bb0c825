import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityQuery, IdentityRow } from '../../shared/contract/dto';
import { SEVERITIES, type Severity } from '../../shared/domain/vocabulary';
import { MAX_SAVED_VIEWS } from '../../shared/contract/views';
import { inProcessEngine } from '../support/engineHarness';
import { FIXTURES } from '../support/paths';

const h = inProcessEngine();
let samplePath = '';

const all = async (query: Omit<IdentityQuery, 'limit' | 'offset'> = {}): Promise<IdentityRow[]> => {
  const page = await h.call('identities:list', { ...query, limit: 5000 });
  expect(page.rows.length).toBe(page.total);
  return page.rows;
};
const ids = (rows: readonly IdentityRow[]): number[] => rows.map((r) => r.id).sort((a, b) => a - b);

beforeAll(async () => {
  const opened = await h.call('engagement:openSample', {});
  samplePath = opened.engagement.path;
  await h.job(opened.jobId);
}, 60_000);
afterAll(() => h.engine.shutdown());

describe('identities: filter by finding severity', () => {
  it('keeps the identities with at least one finding of a chosen severity', async () => {
    const critical = await all({ severities: ['critical'] });
    expect(critical.map((r) => r.displayName)).toEqual(['Emergency Access Account 02']);
    expect(critical[0]).toMatchObject({ worstSeverity: 'critical' });

    // Against the findings themselves: every severity, and two at once.
    const findings = (await h.call('findings:list', { limit: 1000 })).rows;
    const withSeverity = (chosen: readonly Severity[]): number[] =>
      [...new Set(findings.filter((f) => f.identityId != null && chosen.includes(f.severity)).map((f) => f.identityId as number))].sort((a, b) => a - b);
    const summary = await h.call('summary:get', {});
    for (const severity of SEVERITIES) {
      expect(ids(await all({ severities: [severity] })), severity).toEqual(withSeverity([severity]));
      expect(summary.identitiesBySeverity[severity] ?? 0, severity).toBe(withSeverity([severity]).length);
    }
    expect(ids(await all({ severities: ['high', 'low'] }))).toEqual(withSeverity(['high', 'low']));
  });

  it('carries each row’s finding count and worst severity', async () => {
    const rows = await all();
    const withFindings = rows.filter((r) => r.findingCount > 0);
    expect(withFindings.length).toBeGreaterThan(20);
    for (const r of rows.slice(0, 40).concat(withFindings.slice(0, 10))) {
      const own = await h.call('findings:forIdentity', { id: r.id });
      expect(r.findingCount, r.displayName ?? '').toBe(own.length);
      const worst = SEVERITIES.find((s) => own.some((f) => f.severity === s)) ?? null;
      expect(r.worstSeverity, r.displayName ?? '').toBe(worst);
    }
  });

  it('sorts by worst severity, then by the number of findings', async () => {
    const rank = (r: IdentityRow): number => (r.worstSeverity == null ? SEVERITIES.length : SEVERITIES.indexOf(r.worstSeverity));
    const rows = await all({ sort: 'findings' });
    expect(rows[0]?.displayName).toBe('Emergency Access Account 02');
    for (let k = 1; k < rows.length; k++) {
      const [a, b] = [rows[k - 1] as IdentityRow, rows[k] as IdentityRow];
      expect(rank(a) < rank(b) || (rank(a) === rank(b) && a.findingCount >= b.findingCount), `${a.displayName} before ${b.displayName}`).toBe(true);
    }
    const reversed = await all({ sort: 'findings', descending: true });
    expect(reversed[reversed.length - 1]?.displayName).toBe('Emergency Access Account 02');
    expect(reversed[0]?.findingCount).toBe(0);
  });
});

describe('identities: filter by source', () => {
  it('separates directory objects, deleted principals and role holders, and combines sources as "any of"', async () => {
    const summary = await h.call('summary:get', {});
    const deleted = await all({ sources: ['deleted'] });
    expect(deleted).toHaveLength(3);
    for (const r of deleted) expect(r.kind).toBe('unknown');
    const directory = await all({ sources: ['directory'] });
    expect(directory).toHaveLength(summary.identities - 3);
    const roles = await all({ sources: ['role_assignments'] });
    expect(roles.length).toBeGreaterThan(10);
    for (const r of deleted) expect(ids(roles)).toContain(r.id);
    expect(summary.identitiesBySource).toMatchObject({ deleted: 3, directory: directory.length, role_assignments: roles.length, sign_ins_only: 0 });
    expect(await all({ sources: ['deleted', 'directory'] })).toHaveLength(summary.identities);
    // With another filter: deleted principals that are not role holders do not exist.
    expect(await all({ sources: ['deleted'], classes: ['human'] })).toHaveLength(0);
  });

  it('finds identities seen only in sign-in logs', async () => {
    const e = inProcessEngine();
    try {
      await e.call('engagement:create', { path: join(e.dir, 'signins.nhiaudit') });
      const portal = (name: string): string => join(FIXTURES, 'portal', name);
      await e.job((await e.call('import:start', { paths: [portal('InteractiveSignIns_2026-11-01_2026-11-02.csv')], kinds: {} })).jobId);
      const everyone = await e.call('identities:list', { limit: 5000 });
      const seen = everyone.rows.filter((r) => r.signIns > 0).map((r) => r.id);
      expect(seen.length).toBeGreaterThan(0);
      const only = await e.call('identities:list', { sources: ['sign_ins_only'], limit: 5000 });
      expect(ids(only.rows)).toEqual([...seen].sort((a, b) => a - b));
      expect((await e.call('identities:list', { sources: ['directory'] })).total).toBe(0);
    } finally {
      await e.engine.shutdown();
    }
  });
});

describe('identities: pages', () => {
  it('gives the same order page by page as in one page, for every sort key in both directions', async () => {
    for (const sort of ['displayName', 'class', 'verdict', 'signIns', 'lastSeen', 'confidence', 'findings'] as const) {
      for (const descending of [false, true]) {
        const whole = (await h.call('identities:list', { sort, descending, limit: 5000 })).rows.map((r) => r.id);
        const paged: number[] = [];
        for (let offset = 0; offset < whole.length; offset += 50) {
          const page = await h.call('identities:list', { sort, descending, limit: 50, offset });
          expect(page.total).toBe(whole.length);
          paged.push(...page.rows.map((r) => r.id));
        }
        expect(paged, `${sort} ${descending ? 'descending' : 'ascending'}`).toEqual(whole);
      }
    }
  });
});

describe('saved views', () => {
  const critical = { name: 'Critical findings', query: { severities: ['critical' as const], sort: 'findings' as const }, columns: ['class' as const, 'worstSeverity' as const] };

  it('are saved, replaced by name, deleted, and kept in the engagement file', async () => {
    expect(await h.call('views:list', {})).toEqual([]);
    const saved = await h.call('views:save', critical);
    expect(saved).toEqual([{ name: 'Critical findings', query: { severities: ['critical'], sort: 'findings', descending: false }, columns: ['class', 'worstSeverity'] }]);
    await h.call('views:save', { name: 'Deleted', query: { sources: ['deleted'] }, columns: ['id', 'review', 'review'] });
    // The same name in other letters replaces the view where it stands.
    const replaced = await h.call('views:save', { name: ' critical FINDINGS ', query: { severities: ['critical', 'high'] }, columns: [] });
    expect(replaced.map((v) => v.name)).toEqual(['critical FINDINGS', 'Deleted']);
    expect(replaced[0]?.query.severities).toEqual(['critical', 'high']);
    expect(replaced[1]?.columns).toEqual(['id', 'review']);

    expect((await h.call('views:delete', { name: 'CRITICAL findings' })).map((v) => v.name)).toEqual(['Deleted']);
    expect((await h.call('views:delete', { name: 'not there' })).map((v) => v.name)).toEqual(['Deleted']);

    await h.call('engagement:close', {});
    await h.call('engagement:open', { path: samplePath });
    expect((await h.call('views:list', {})).map((v) => v.name)).toEqual(['Deleted']);
    const stored = new Database(samplePath, { readonly: true });
    try {
      const row = stored.prepare(`SELECT value FROM settings WHERE key = 'ui.views'`).get() as { value: string };
      expect(JSON.parse(row.value)).toEqual([{ name: 'Deleted', query: { sources: ['deleted'], sort: 'displayName', descending: false }, columns: ['id', 'review'] }]);
    } finally {
      stored.close();
    }
  });

  it('refuse what the schema does not allow, and a view beyond the limit', async () => {
    await expect(h.call('views:save', { name: '   ', query: {}, columns: [] })).rejects.toThrow(/name/u);
    await expect(h.call('views:save', { name: 'x', query: {}, columns: ['password' as 'id'] })).rejects.toThrow();
    await expect(h.call('views:save', { name: 'x', query: { severities: ['urgent' as 'high'] }, columns: [] })).rejects.toThrow();
    for (let k = (await h.call('views:list', {})).length; k < MAX_SAVED_VIEWS; k++) await h.call('views:save', { name: `View ${k}`, query: {}, columns: [] });
    await expect(h.call('views:save', { name: 'One more', query: {}, columns: [] })).rejects.toThrow(/at most 50 views/u);
    // Replacing one is still allowed at the limit.
    expect(await h.call('views:save', { name: 'Deleted', query: {}, columns: ['id'] })).toHaveLength(MAX_SAVED_VIEWS);
  });

  it('leave out a stored view that no longer fits, rather than failing', async () => {
    const e = inProcessEngine();
    try {
      const path = join(e.dir, 'views.nhiaudit');
      await e.call('engagement:create', { path });
      const raw = new Database(path);
      const good = { name: 'Good', query: { sort: 'signIns', descending: true }, columns: ['signIns'] };
      raw.prepare(`INSERT INTO settings (key, value) VALUES ('ui.views', ?)`).run(JSON.stringify([{ name: 'Old', query: { sort: 'age' }, columns: [] }, good, 'junk']));
      raw.close();
      expect(await e.call('views:list', {})).toEqual([{ ...good, query: { sort: 'signIns', descending: true } }]);
      expect((await e.call('views:save', { name: 'New', query: {}, columns: [] })).map((v) => v.name)).toEqual(['Good', 'New']);

      const broken = new Database(path);
      broken.prepare(`UPDATE settings SET value = '{not json' WHERE key = 'ui.views'`).run();
      broken.close();
      expect(await e.call('views:list', {})).toEqual([]);
    } finally {
      await e.engine.shutdown();
    }
  });
});
