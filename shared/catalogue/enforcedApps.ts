/**
 * Mandatory MFA enforcement targets (reference/frameworks.md §c.4, formats.md §9; ids from
 * catalogues/key_first_party_apps.csv). Match by GUID, never by display name.
 */
export const AZURE_PORTAL_APP_ID = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';
export const AZURE_CLI_APP_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
export const AZURE_POWERSHELL_APP_ID = '1950a258-227b-4e31-a9cf-717495945fc2';
export const AZURE_MOBILE_APP_ID = '0c1307d4-29d6-4389-a11c-5cbe7f65d7fa';
/** "Windows Azure Service Management API": Azure Resource Manager as a resource. */
export const AZURE_RESOURCE_MANAGER_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
export const ENTRA_CONNECT_APP_ID = 'cb1056e2-e479-49de-ae31-7812af012ed8';

export type EnforcedSurface = 'portal' | 'cli' | 'powershell' | 'mobile' | 'arm_other';

export const SURFACE_PHASE: Record<EnforcedSurface, 1 | 2> = {
  portal: 1,
  cli: 2,
  powershell: 2,
  mobile: 2,
  arm_other: 2,
};

export const SURFACE_LABELS: Record<EnforcedSurface, string> = {
  portal: 'Azure portal / Entra / Intune admin centers',
  cli: 'Azure CLI',
  powershell: 'Azure PowerShell',
  mobile: 'Azure mobile app',
  arm_other: 'Other clients to Azure Resource Manager (IaC, SDKs, REST)',
};

/**
 * Which enforced surface a sign-in hits, if any. The portal app is enforced whatever it calls.
 * Phase 2 is enforced at Azure Resource Manager (formats.md §9: "any requests that target
 * management.azure.com"), so the CLI, PowerShell and mobile app count when they call ARM, or
 * when the log does not say what they called; an Azure CLI token for Key Vault or Storage data
 * does not. Any other client calling ARM (SDKs, IaC, REST) is the fifth surface.
 */
export function enforcedSurface(appId: string | null, resourceId: string | null): EnforcedSurface | null {
  const arm = resourceId == null || resourceId === AZURE_RESOURCE_MANAGER_ID;
  switch (appId) {
    case AZURE_PORTAL_APP_ID:
      return 'portal';
    case AZURE_CLI_APP_ID:
      return arm ? 'cli' : null;
    case AZURE_POWERSHELL_APP_ID:
      return arm ? 'powershell' : null;
    case AZURE_MOBILE_APP_ID:
      return arm ? 'mobile' : null;
    default:
      return resourceId === AZURE_RESOURCE_MANAGER_ID ? 'arm_other' : null;
  }
}

/** Tenants that own Microsoft's first-party applications (formats.md §5). */
export const MICROSOFT_OWNER_TENANTS = new Set(['f8cdef31-a31e-4b4a-93e4-5f571e91255a', '72f988bf-86f1-41af-91ab-2d7cd011db47']);
