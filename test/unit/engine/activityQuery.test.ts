import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../electron/engine/analysis/runAnalysis';
import { openDatabase, type Db } from '../../../electron/engine/db/open';
import { identityActivity } from '../../../electron/engine/queries/activity';
import { SignInWriter } from '../../../electron/engine/store/signInWriter';
import { IdentityActivitySchema } from '../../../shared/contract/activity';
import { DEFAULT_CLASSIFICATION_SETTINGS } from '../../../shared/classification/settings';
import type { SignInRecord } from '../../../shared/domain/records';
import type { SignInCategory } from '../../../shared/domain/vocabulary';
import { DEFAULT_RULE_SETTINGS } from '../../../shared/rules/rule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 10, 2);

function record(over: Partial<SignInRecord>): SignInRecord {
  const none = Object.fromEntries(
    ['userId', 'upn', 'userDisplayName', 'userType', 'spId', 'spName', 'appId', 'appName', 'resourceId', 'resourceName', 'clientApp', 'userAgent', 'ip', 'city', 'state', 'country', 'status', 'failureReason', 'authRequirement', 'authProtocol', 'mfaResult', 'mfaMethod', 'incomingTokenType', 'crossTenantAccess', 'credentialType', 'credentialKeyId', 'credentialThumbprint', 'msiType', 'associatedResourceId', 'conditionalAccess', 'deviceId', 'operatingSystem', 'browser', 'homeTenantId', 'resourceTenantId', 'correlationId', 'asn', 'errorCode'].map((k) => [k, null]),
  );
  return { ...(none as unknown as SignInRecord), requestId: 'r', category: 'interactive', timeMs: 0, ...over };
}

function engagement(): { db: Db; file: number } {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'nhi-activity-')), 'e.nhiaudit'), { create: true });
  db.prepare(`INSERT INTO engagement (id, name, customer, tenant, auditor, as_of, created_at, app_version) VALUES (1, 'a', '', '', '', '2026-11-30', 't', 'test')`).run();
  db.prepare(`INSERT INTO imported_files (id, name, path, size, sha256, kind, encoding, delimiter, rows_imported, rows_rejected, rows_duplicate, imported_at, duration_ms)
              VALUES (1, 'f', 'f', 1, 'x', 'k', 'utf-8', ',', 0, 0, 0, 't', 0)`).run();
  return { db, file: 1 };
}

const activity = (db: Db, id: number, kind: 'user' | 'service_principal' = 'user') => IdentityActivitySchema.parse(identityActivity(db, { id, kind, class: null }, DEFAULT_RULE_SETTINGS));

describe('identities:activity query', () => {
  it('splits each day by category with its failures, and fills the weekday × hour grid', () => {
    const { db, file } = engagement();
    const id = Number(db.prepare(`INSERT INTO identities (kind, object_id, upn) VALUES ('user', 'u-1', 'a@contoso.com')`).run().lastInsertRowid);
    const w = new SignInWriter(db);
    const rows: [time: number, category: SignInCategory, ok: boolean, ip: string][] = [
      [MONDAY + 9 * HOUR, 'interactive', true, '198.51.100.7'],
      [MONDAY + 9 * HOUR + 60_000, 'non_interactive', true, '198.51.100.7'],
      [MONDAY + 14 * HOUR, 'interactive', false, '203.0.113.5'],
      // Tuesday, then the Sunday of the same week.
      [MONDAY + DAY + 23 * HOUR, 'non_interactive', true, '198.51.100.7'],
      [MONDAY + 6 * DAY + 2 * HOUR, 'interactive', false, '198.51.100.7'],
    ];
    rows.forEach(([timeMs, category, ok, ip], i) =>
      w.write(record({ requestId: `r-${i}`, timeMs, category, ip, country: ip.startsWith('198') ? 'NL' : null, asn: ip.startsWith('198') ? 64500 : null, status: ok ? 'success' : 'failure', errorCode: ok ? 0 : 50126, userAgent: 'curl/8.5', clientApp: 'Browser' }), id, file, i + 2),
    );
    expect(activity(db, id).profile).toBe('not_analysed');
    runAnalysis(db, DEFAULT_CLASSIFICATION_SETTINGS, () => undefined);
    const a = activity(db, id);
    expect(a).toMatchObject({ profile: 'current', window: { from: '2026-11-02', to: '2026-11-08' }, totals: { signIns: 5, interactive: 3, nonInteractive: 2, failures: 2 } });
    expect(a.days).toEqual([
      { day: '2026-11-02', interactive: 2, nonInteractive: 1, servicePrincipal: 0, managedIdentity: 0, failures: 1 },
      { day: '2026-11-03', interactive: 0, nonInteractive: 1, servicePrincipal: 0, managedIdentity: 0, failures: 0 },
      { day: '2026-11-08', interactive: 1, nonInteractive: 0, servicePrincipal: 0, managedIdentity: 0, failures: 1 },
    ]);
    expect(a.weekHours[0]?.[9]).toBe(2);
    expect(a.weekHours[0]?.[14]).toBe(1);
    expect(a.weekHours[1]?.[23]).toBe(1);
    expect(a.weekHours[6]?.[2]).toBe(1);
    expect(a.weekHours.flat().reduce((x, y) => x + y, 0)).toBe(5);
    expect(a.ips).toEqual([
      { ip: '198.51.100.7', count: 4, country: 'NL', asn: 64500 },
      { ip: '203.0.113.5', count: 1, country: null, asn: null },
    ]);
    expect(a.userAgents).toEqual([{ agent: 'curl/8.5', clientApp: 'Browser', count: 5 }]);
    expect(a.asOf).toBe('2026-11-30');
    expect(a).toMatchObject({ credentials: [], roles: [], owners: [], ownersEvidence: 'not_applicable' });
    db.close();
  });

  it('reads a profile written before the timeline as outdated, not as "no activity"', () => {
    const { db, file } = engagement();
    const id = Number(db.prepare(`INSERT INTO identities (kind, object_id, upn) VALUES ('user', 'u-1', 'a@contoso.com')`).run().lastInsertRowid);
    new SignInWriter(db).write(record({ requestId: 'r-1', timeMs: MONDAY, status: 'success', errorCode: 0 }), id, file, 2);
    runAnalysis(db, DEFAULT_CLASSIFICATION_SETTINGS, () => undefined);
    db.prepare(`UPDATE identity_profiles SET profile = json_remove(profile, '$.signIns.daily', '$.signIns.weekHours')`).run();
    expect(activity(db, id)).toMatchObject({ profile: 'outdated', totals: { signIns: 1 }, days: [], weekHours: [], ips: [] });
    db.close();
  });

  it('answers from the profile, not the sign-ins: well under 100 ms for an identity with 100,000 sign-ins', () => {
    const { db, file } = engagement();
    const id = Number(db.prepare(`INSERT INTO identities (kind, object_id, app_id, display_name) VALUES ('service_principal', 'sp-1', 'app-1', 'Busy app')`).run().lastInsertRowid);
    const w = new SignInWriter(db);
    const n = 100_000;
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        w.write(record({ requestId: `r-${i}`, category: 'service_principal', timeMs: MONDAY + i * 26_000, ip: `10.0.${i % 7}.1`, status: i % 50 === 0 ? 'failure' : 'success', errorCode: i % 50 === 0 ? 7000215 : 0 }), id, file, i + 2);
      }
    })();
    runAnalysis(db, DEFAULT_CLASSIFICATION_SETTINGS, () => undefined);
    activity(db, id, 'service_principal');
    const t = performance.now();
    const a = identityActivity(db, { id, kind: 'service_principal', class: 'service_principal' }, DEFAULT_RULE_SETTINGS);
    const ms = performance.now() - t;
    expect(a.totals).toMatchObject({ signIns: n, servicePrincipal: n, failures: n / 50 });
    expect(a.days.reduce((sum, d) => sum + d.servicePrincipal, 0)).toBe(n);
    expect(a.days).toHaveLength(31);
    expect(a.ips).toHaveLength(5);
    expect(a.distinctIps).toBe(7);
    expect(ms).toBeLessThan(100);
    db.close();
  });
});
