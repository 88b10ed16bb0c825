import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/open';
import { DirectoryWriter } from '../../../electron/engine/store/directoryWriter';
import { RoleAssignmentWriter, scopeLevel } from '../../../electron/engine/store/roleAssignmentWriter';
import type { DirectoryObjectRecord } from '../../../shared/domain/records';

const APP_ID = '11111111-aaaa-4aaa-8aaa-111111111111';
const base: DirectoryObjectRecord = {
  kind: 'application',
  objectId: 'a0000000-0000-4000-8000-000000000001',
  appId: APP_ID,
  displayName: 'Payroll Sync',
  spType: null,
  appOwnerOrgId: null,
  signInAudience: 'AzureADMyOrg',
  accountEnabled: null,
  createdAt: '2024-01-01T00:00:00Z',
  description: null,
  msiType: null,
  msiResourceId: null,
  tags: [],
  credentials: [
    { type: 'password', keyId: 'K1', displayName: 'ci', start: '2024-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z', hint: 'abc', thumbprint: null, issuer: null, subject: null, audiences: [] },
  ],
  owners: [{ objectId: 'O1', upn: 'owner@contoso.com', displayName: 'Owner', type: 'user' }],
  permissions: [{ resourceAppId: '00000003-0000-0000-c000-000000000000', permissionId: '19dbc75e-c2e2-444c-a770-ec69d8559fc7', type: 'Role', source: 'required' }],
};

function db() {
  return openDatabase(join(mkdtempSync(join(tmpdir(), 'nhi-dir-')), 'e.nhiaudit'), { create: true });
}

describe('DirectoryWriter', () => {
  it('makes an application and its service principal one identity, in either order, without duplicating credentials', () => {
    for (const order of [['application', 'service_principal'], ['service_principal', 'application']] as const) {
      const d = db();
      d.prepare(`INSERT INTO imported_files (id, name, path, size, sha256, kind, encoding, delimiter, rows_imported, rows_rejected, rows_duplicate, imported_at, duration_ms) VALUES (1, 'x', 'x', 1, 'x', 'k', 'utf-8', ',', 0, 0, 0, '', 0)`).run();
      const w = new DirectoryWriter(d);
      const ids = order.map((kind) =>
        w.write({ ...base, kind, objectId: kind === 'application' ? base.objectId : 'b0000000-0000-4000-8000-000000000002', spType: kind === 'service_principal' ? 'Application' : null }, 1),
      );
      expect(ids[0]).toBe(ids[1]);
      const row = d.prepare(`SELECT kind, object_id, app_object_id, app_id, sp_type FROM identities`).all();
      expect(row).toEqual([{ kind: 'service_principal', object_id: 'b0000000-0000-4000-8000-000000000002', app_object_id: base.objectId, app_id: APP_ID, sp_type: 'Application' }]);
      expect(d.prepare(`SELECT count(*) AS n FROM credentials`).get()).toEqual({ n: 1 });
      expect(d.prepare(`SELECT key_id FROM credentials`).get()).toEqual({ key_id: 'k1' });
      d.close();
    }
  });
});

describe('RoleAssignmentWriter', () => {
  it('levels Azure and Entra scopes', () => {
    expect(scopeLevel('azure', '/providers/Microsoft.Management/managementGroups/root')).toBe('management_group');
    expect(scopeLevel('azure', '/subscriptions/0000')).toBe('subscription');
    expect(scopeLevel('azure', '/subscriptions/0000/resourceGroups/rg')).toBe('resource_group');
    expect(scopeLevel('azure', '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv')).toBe('resource');
    expect(scopeLevel('entra', '/')).toBe('tenant');
  });

  it('creates an identity for an unknown service principal named by app id, and counts a repeated assignment once', () => {
    const d = db();
    const w = new RoleAssignmentWriter(d);
    const r = {
      system: 'azure' as const,
      assignmentId: '/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/x',
      principalObjectId: 'C0000000-0000-4000-8000-000000000003',
      principalName: APP_ID,
      principalType: 'ServicePrincipal',
      roleName: 'Owner',
      roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      scope: '/subscriptions/s',
      state: 'active' as const,
      start: null,
      end: null,
      memberType: null,
    };
    expect(w.write(r, null as unknown as number)).toBe(true);
    expect(w.write(r, null as unknown as number)).toBe(false);
    expect(d.prepare(`SELECT kind, object_id, app_id FROM identities`).all()).toEqual([{ kind: 'service_principal', object_id: 'c0000000-0000-4000-8000-000000000003', app_id: APP_ID }]);
    d.close();
  });
});

describe('an application, then its service principal first seen in a role export', () => {
  it('folds the application into the service principal identity, with its credentials and roles', () => {
    const d = db();
    d.prepare(`INSERT INTO imported_files (id, name, path, size, sha256, kind, encoding, delimiter, rows_imported, rows_rejected, rows_duplicate, imported_at, duration_ms) VALUES (1, 'x', 'x', 1, 'x', 'k', 'utf-8', ',', 0, 0, 0, '', 0)`).run();
    const spOid = 'b0000000-0000-4000-8000-000000000009';
    new RoleAssignmentWriter(d).write(
      { system: 'azure', assignmentId: null, principalObjectId: spOid, principalName: 'Terraform Deployer', principalType: 'ServicePrincipal', roleName: 'Owner', roleDefinitionId: null, scope: '/subscriptions/s', state: 'active', start: null, end: null, memberType: null },
      1,
    );
    const w = new DirectoryWriter(d);
    const appIdentity = w.write(base, 1);
    const spIdentity = w.write({ ...base, kind: 'service_principal', objectId: spOid, spType: 'Application', credentials: [], owners: [], permissions: [] }, 1);
    expect(spIdentity).not.toBe(appIdentity);
    expect(d.prepare(`SELECT kind, object_id, app_object_id, app_id FROM identities`).all()).toEqual([
      { kind: 'service_principal', object_id: spOid, app_object_id: base.objectId, app_id: APP_ID },
    ]);
    expect(d.prepare(`SELECT identity_id FROM credentials`).all()).toEqual([{ identity_id: spIdentity }]);
    expect(d.prepare(`SELECT identity_id FROM role_assignments`).all()).toEqual([{ identity_id: spIdentity }]);
    d.close();
  });
});
