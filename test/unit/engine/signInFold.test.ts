import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProfiles } from '../../../electron/engine/analysis/profiles';
import { openDatabase } from '../../../electron/engine/db/open';
import { SignInWriter } from '../../../electron/engine/store/signInWriter';
import { DEFAULT_CLASSIFICATION_SETTINGS } from '../../../shared/classification/settings';
import type { SignInRecord } from '../../../shared/domain/records';

const PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const KEY_VAULT = 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093';

function record(over: Partial<SignInRecord>): SignInRecord {
  const none = Object.fromEntries(
    ['userId', 'upn', 'userDisplayName', 'userType', 'spId', 'spName', 'appId', 'appName', 'resourceId', 'resourceName', 'clientApp', 'userAgent', 'ip', 'city', 'state', 'country', 'status', 'failureReason', 'authRequirement', 'authProtocol', 'mfaResult', 'mfaMethod', 'incomingTokenType', 'crossTenantAccess', 'credentialType', 'credentialKeyId', 'credentialThumbprint', 'msiType', 'associatedResourceId', 'conditionalAccess', 'deviceId', 'operatingSystem', 'browser', 'homeTenantId', 'resourceTenantId', 'correlationId', 'asn', 'errorCode'].map((k) => [k, null]),
  );
  return { ...(none as unknown as SignInRecord), requestId: 'r', category: 'interactive', timeMs: 0, ...over };
}

describe('sign-in fold', () => {
  it('counts a federated "MFA satisfied by claim" as MFA, ROPC, MFA failures per surface, and skips CLI calls that are not to ARM', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'nhi-fold-')), 'e.nhiaudit'), { create: true });
    db.prepare(`INSERT INTO imported_files (id, name, path, size, sha256, kind, encoding, delimiter, rows_imported, rows_rejected, rows_duplicate, imported_at, duration_ms)
                VALUES (1, 'f', 'f', 1, 'x', 'k', 'utf-8', ',', 0, 0, 0, 't', 0)`).run();
    const id = Number(db.prepare(`INSERT INTO identities (kind, object_id, upn) VALUES ('user', 'u-1', 'a@contoso.com')`).run().lastInsertRowid);
    const w = new SignInWriter(db);
    const t0 = Date.UTC(2026, 10, 2, 9);
    const rows: Partial<SignInRecord>[] = [
      { appId: PORTAL, status: 'success', errorCode: 0, authRequirement: 'singleFactorAuthentication', mfaResult: 'MFA requirement satisfied by claim in the token' },
      { appId: CLI, resourceId: ARM, status: 'success', errorCode: 0, authRequirement: 'singleFactorAuthentication', authProtocol: 'ropc' },
      { appId: CLI, resourceId: ARM, status: 'failure', errorCode: 50076, authRequirement: 'singleFactorAuthentication', authProtocol: 'ropc' },
      { appId: CLI, resourceId: KEY_VAULT, status: 'success', errorCode: 0, authRequirement: 'singleFactorAuthentication' },
    ];
    rows.forEach((r, i) => w.write(record({ ...r, requestId: `r-${i}`, timeMs: t0 + i * 60_000 }), id, 1, i + 2));
    const p = buildProfiles(db, DEFAULT_CLASSIFICATION_SETTINGS).get(id);
    expect(p?.signIns).toMatchObject({ total: 4, mfa: 1, singleFactor: 2, ropc: 2, failures: 1, enforcedApps: 3 });
    expect(p?.signIns.surfaces.portal).toMatchObject({ mfa: 1, singleFactor: 0 });
    expect(p?.signIns.surfaces.cli).toMatchObject({ singleFactor: 1, mfaFailures: 1, lastMfaFailure: new Date(t0 + 120_000).toISOString(), sampleRequestIds: ['r-1', 'r-2'] });
    db.close();
  });
});
