import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  AZURE_PRIVILEGED_ROLES,
  ENTRA_PRIVILEGED_ROLES,
  ENTRA_TIER0_ROLES,
  isPrivilegedAzureRole,
  isPrivilegedEntraRole,
} from '../../../shared/catalogue/privilegedRoles';
import { CATALOGUE_COPIES } from '../../support/paths';

const csv = (name: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(readFileSync(join(CATALOGUE_COPIES, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
const ids = (list: readonly (readonly [string, string])[]): string[] => [...new Set(list.map(([id]) => id))].sort();

describe('privileged role lists', () => {
  it('equal the catalogues they were copied from', () => {
    const entra = csv('entra_builtin_roles.csv');
    expect(ids(ENTRA_PRIVILEGED_ROLES)).toEqual([...new Set(entra.filter((r) => r.microsoftPrivilegedLabel === 'true').map((r) => r.templateId as string))].sort());
    expect(ids(ENTRA_TIER0_ROLES)).toEqual([...new Set(entra.filter((r) => r.aztier_tier === '0').map((r) => r.templateId as string))].sort());
    const azure = csv('azure_rbac_roles_privilege.csv');
    expect(ids(AZURE_PRIVILEGED_ROLES)).toEqual([...new Set(azure.filter((r) => r.microsoftPrivilegedAdministratorRole === 'true').map((r) => r.roleDefinitionId as string))].sort());
  });

  it('match by id (bare or as a full resource id) or by name', () => {
    expect(isPrivilegedEntraRole('62e90394-69f5-4237-9190-012177145e10', null)).toBe(true);
    expect(isPrivilegedEntraRole(null, 'global administrator')).toBe(true);
    expect(isPrivilegedAzureRole('/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635', null)).toBe(true);
    expect(isPrivilegedAzureRole(null, 'Reader')).toBe(false);
  });
});

describe('tier-0 Graph application permissions', () => {
  it('equal the catalogue they were copied from', async () => {
    const { GRAPH_TIER0_APP_ROLES } = await import('../../../shared/catalogue/graphPermissions');
    const tiers = csv('graph_application_permissions_tiers.csv');
    expect(ids(GRAPH_TIER0_APP_ROLES)).toEqual([...new Set(tiers.filter((r) => r.aztier_tier === '0').map((r) => r.id as string))].sort());
  });
});
