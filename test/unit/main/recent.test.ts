import { describe, expect, it } from 'vitest';
import { engagementOpenAfter, recentEntryFor } from '../../../electron/main/state/afterDispatch';
import { parseRecent, RECENT_MAX, RecentEngagements, serializeRecent, withRecent, type RecentEngagement } from '../../../electron/main/state/recent';
import { METHODS } from '../../../shared/contract/methods';
import { memoryFs } from './memoryFs';

const FILE = '/userData/recent-engagements.json';
const entry = (n: number, path = `/audits/e${n}.nhiaudit`): RecentEngagement => ({ path, name: `E${n}`, openedAt: `2026-11-${String(n + 1).padStart(2, '0')}T10:00:00.000Z` });

describe('recent engagements list', () => {
  it('puts the latest first, de-duplicates by path and keeps at most ten', () => {
    let list: RecentEngagement[] = [];
    for (let i = 0; i < 14; i += 1) list = withRecent(list, entry(i));
    expect(list).toHaveLength(RECENT_MAX);
    expect(list.map((e) => e.name)).toEqual(['E13', 'E12', 'E11', 'E10', 'E9', 'E8', 'E7', 'E6', 'E5', 'E4']);
    list = withRecent(list, { ...entry(7), name: 'E7 again' });
    expect(list.map((e) => e.name).slice(0, 3)).toEqual(['E7 again', 'E13', 'E12']);
    expect(list.filter((e) => e.path === entry(7).path)).toHaveLength(1);
    expect(list).toHaveLength(RECENT_MAX);
  });

  it('treats paths differing only in case as one file where the file system does', () => {
    const list = withRecent([entry(1, 'C:\\Audits\\A.nhiaudit')], entry(2, 'c:\\audits\\a.nhiaudit'), true);
    expect(list).toEqual([entry(2, 'c:\\audits\\a.nhiaudit')]);
    expect(withRecent([entry(1, '/a/A.nhiaudit')], entry(2, '/a/a.nhiaudit'), false)).toHaveLength(2);
  });

  it('reads a damaged or foreign file as empty, and skips bad entries', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('{not json')).toEqual([]);
    expect(parseRecent('[]')).toEqual([]);
    expect(parseRecent(JSON.stringify({ version: 2, engagements: [entry(1)] }))).toEqual([]);
    expect(parseRecent(JSON.stringify({ version: 1, engagements: [entry(1), { path: '' }, 42, { ...entry(2), name: 7 }, entry(3)] }))).toEqual([entry(1), entry(3)]);
    expect(parseRecent(serializeRecent([entry(1), entry(2)]))).toEqual([entry(1), entry(2)]);
  });

  it('records to the file and lists most recent first', async () => {
    const fs = memoryFs();
    const recent = new RecentEngagements({ fs, file: FILE });
    expect(await recent.list()).toEqual([]);
    for (const n of [1, 2, 3, 2]) {
      fs.present.add(entry(n).path);
      await recent.record(entry(n));
    }
    expect((await recent.list()).map((e) => e.name)).toEqual(['E2', 'E3', 'E1']);
    expect(parseRecent(fs.files.get(FILE) ?? null).map((e) => e.name)).toEqual(['E2', 'E3', 'E1']);
  });

  it('drops entries whose file no longer exists when read', async () => {
    const fs = memoryFs([entry(1).path, entry(3).path]);
    fs.files.set(FILE, serializeRecent([entry(1), entry(2), entry(3)]));
    const recent = new RecentEngagements({ fs, file: FILE });
    expect((await recent.list()).map((e) => e.name)).toEqual(['E1', 'E3']);
    // The next write leaves the missing one out of the file too.
    fs.present.add(entry(4).path);
    await recent.record(entry(4));
    expect(parseRecent(fs.files.get(FILE) ?? null).map((e) => e.name)).toEqual(['E4', 'E1', 'E3']);
  });

  it('de-duplicates a hand-edited file, keeping the first (most recent) entry', async () => {
    const fs = memoryFs([entry(1).path, entry(2).path]);
    fs.files.set(FILE, serializeRecent([entry(1), entry(2), { ...entry(1), name: 'older' }]));
    expect((await new RecentEngagements({ fs, file: FILE }).list()).map((e) => e.name)).toEqual(['E1', 'E2']);
  });

  it('runs updates one after another, so quick successive opens all land', async () => {
    const fs = memoryFs([1, 2, 3, 4].map((n) => entry(n).path));
    const recent = new RecentEngagements({ fs, file: FILE });
    await Promise.all([1, 2, 3, 4].map((n) => recent.record(entry(n))));
    await recent.idle();
    expect((await recent.list()).map((e) => e.name)).toEqual(['E4', 'E3', 'E2', 'E1']);
  });

  it('reports a failed write to the caller but keeps working', async () => {
    const fs = memoryFs([entry(1).path, entry(2).path]);
    const recent = new RecentEngagements({ fs, file: FILE });
    fs.failWrites = true;
    await expect(recent.record(entry(1))).rejects.toThrow('disk full');
    fs.failWrites = false;
    await recent.record(entry(2));
    expect((await recent.list()).map((e) => e.name)).toEqual(['E2']);
  });

  it('reads an unreadable file as an empty list', async () => {
    const fs = memoryFs();
    fs.read = async () => {
      throw new Error('EACCES');
    };
    expect(await new RecentEngagements({ fs, file: FILE }).list()).toEqual([]);
  });

  it('answers engagements:recent in the contract shape', () => {
    expect(METHODS['engagements:recent'].response.parse([entry(1)])).toEqual([entry(1)]);
    expect(METHODS['engagements:recent'].handler).toBe('shell');
  });
});

describe('what main learns from an IPC answer', () => {
  const info = { path: '/audits/fabrikam.nhiaudit', name: 'Fabrikam', customer: 'Fabrikam Ltd', tenant: '', auditor: '', asOf: null, createdAt: '2026-11-01T00:00:00Z', schemaVersion: 5 };
  const now = new Date('2026-11-20T09:30:00.000Z');
  const ok = (value: unknown) => ({ ok: true as const, value });
  const failed = { ok: false as const, error: { name: 'UserFacingError', message: 'newer database' } };

  it('records an engagement created, opened or the sample opened', () => {
    const expected = { path: info.path, name: 'Fabrikam', openedAt: '2026-11-20T09:30:00.000Z' };
    expect(recentEntryFor('engagement:create', ok(info), now)).toEqual(expected);
    expect(recentEntryFor('engagement:open', ok(info), now)).toEqual(expected);
    expect(recentEntryFor('engagement:openSample', ok({ engagement: info, jobId: 'j1' }), now)).toEqual(expected);
  });

  it('names an unnamed engagement by its customer, else its file', () => {
    expect(recentEntryFor('engagement:open', ok({ ...info, name: '' }), now)?.name).toBe('Fabrikam Ltd');
    expect(recentEntryFor('engagement:open', ok({ ...info, name: '', customer: '', path: 'C:\\Audits\\Q4 review.nhiaudit' }), now)?.name).toBe('Q4 review');
  });

  it('records nothing for a failure, another method or an answer that is not an engagement', () => {
    expect(recentEntryFor('engagement:open', failed, now)).toBeNull();
    expect(recentEntryFor('engagement:current', ok(info), now)).toBeNull();
    expect(recentEntryFor('identities:list', ok({ rows: [] }), now)).toBeNull();
    expect(recentEntryFor('engagement:open', ok({ path: 42 }), now)).toBeNull();
    expect(recentEntryFor('engagement:openSample', ok(info), now)).toBeNull();
  });

  it('follows whether an engagement is open', () => {
    expect(engagementOpenAfter('engagement:open', ok(info))).toBe(true);
    expect(engagementOpenAfter('engagement:create', ok(info))).toBe(true);
    expect(engagementOpenAfter('engagement:openSample', ok({ engagement: info, jobId: 'j' }))).toBe(true);
    expect(engagementOpenAfter('engagement:close', ok({ closed: true }))).toBe(false);
    expect(engagementOpenAfter('engagement:current', ok(null))).toBe(false);
    expect(engagementOpenAfter('engagement:current', ok(info))).toBe(true);
    expect(engagementOpenAfter('engagement:open', failed)).toBeNull();
    expect(engagementOpenAfter('identities:list', ok({}))).toBeNull();
  });
});
