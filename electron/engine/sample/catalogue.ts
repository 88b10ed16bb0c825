/**
 * The few Microsoft-owned identifiers the sample tenant uses. None is invented: each is copied from a
 * catalogue in shared/reference/catalogues/ (named per block), so the analyzer's own catalogues
 * recognise them exactly as they would in a customer's export.
 */

export interface AppRef {
  readonly id: string;
  readonly name: string;
}

/** Tenant of Microsoft first-party apps ("Microsoft Services"); formats.md section 5. */
export const MICROSOFT_SERVICES_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

// key_first_party_apps.csv (ids) with display names as microsoft_first_party_apps_learn.csv spells them.
export const CLIENT = {
  azurePortal: { id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', name: 'Azure Portal' },
  azureCli: { id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI' },
  azurePowerShell: { id: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell' },
  teams: { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams' },
  teamsWeb: { id: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', name: 'Microsoft Teams Web Client' },
  office: { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', name: 'Microsoft Office' },
  officeHome: { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome' },
  outlook: { id: '5d661950-3475-41cd-a2c3-d671a3162bc1', name: 'Microsoft Outlook' },
  outlookMobile: { id: '27922004-5251-4030-b22d-91ecd9a37ea4', name: 'Outlook Mobile' },
  oneDriveSync: { id: 'ab9b8c07-8f02-4f72-87fa-80105867a763', name: 'OneDrive SyncEngine' },
  exchangePowerShell: { id: 'fb78d390-0c51-40cd-8e17-fdbfab77341b', name: 'Microsoft Exchange REST API Based Powershell' },
  // microsoft_first_party_apps_merill.csv marks these two "community contributed"; key_first_party_apps.csv lists both.
  sharePointShell: { id: '9bc3ab49-b65d-410a-85ad-de819febfddc', name: 'Microsoft SharePoint Online Management Shell' },
  aadConnect: { id: 'cb1056e2-e479-49de-ae31-7812af012ed8', name: 'Microsoft Azure Active Directory Connect' },
} as const satisfies Record<string, AppRef>;

// key_first_party_apps.csv (resources). ARM is logged as "Windows Azure Service Management API"
// (microsoft_first_party_apps_learn.csv), although newer Graph data calls it "Azure Resource Manager".
export const RESOURCE = {
  graph: { id: '00000003-0000-0000-c000-000000000000', name: 'Microsoft Graph' },
  exchange: { id: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
  sharePoint: { id: '00000003-0000-0ff1-ce00-000000000000', name: 'Office 365 SharePoint Online' },
  arm: { id: '797f4846-ba00-4fd7-ba43-dac1f8f63013', name: 'Windows Azure Service Management API' },
  aadGraph: { id: '00000002-0000-0000-c000-000000000000', name: 'Windows Azure Active Directory' },
  keyVault: { id: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', name: 'Azure Key Vault' },
  storage: { id: 'e406a681-f3d4-42a8-90b6-c2b029497af1', name: 'Azure Storage' },
  // microsoft_first_party_apps_learn.csv
  teamsServices: { id: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', name: 'Microsoft Teams Services' },
  powerBi: { id: '00000009-0000-0000-c000-000000000000', name: 'Power BI Service' },
  officeHome: { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome' },
} as const satisfies Record<string, AppRef>;

/** First-party service principals present in every tenant's servicePrincipals listing (a subset). */
export const FIRST_PARTY_SERVICE_PRINCIPALS: readonly AppRef[] = [
  RESOURCE.graph,
  RESOURCE.exchange,
  RESOURCE.sharePoint,
  RESOURCE.arm,
  RESOURCE.aadGraph,
  RESOURCE.keyVault,
  RESOURCE.storage,
  RESOURCE.teamsServices,
  RESOURCE.powerBi,
  CLIENT.azurePortal,
  CLIENT.teams,
  CLIENT.officeHome,
  CLIENT.outlook,
  CLIENT.office,
];

// graph_application_permissions.csv: id and value of each Microsoft Graph app role the sample apps request.
export const GRAPH_ROLE = {
  'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
  'User.ReadWrite.All': '741f803b-c850-494e-b5df-cde7c675a1ca',
  'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
  'Directory.ReadWrite.All': '19dbc75e-c2e2-444c-a770-ec69d8559fc7',
  'Group.Read.All': '5b567255-7703-4780-807c-7be8301ae99b',
  'GroupMember.Read.All': '98830695-27a2-44f7-8c18-0c3ebc9698f6',
  'Mail.Read': '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
  'Mail.ReadWrite': 'e2a3a72e-5f79-4c64-b1b1-878b674786c9',
  'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
  'Calendars.Read': '798ee544-9d2d-430c-a058-570e29e34338',
  'Sites.Read.All': '332a536c-c7ef-4017-ab91-336970924f0d',
  'Sites.ReadWrite.All': '9492366f-7969-46a4-8d15-ed1a20078fff',
  'Sites.FullControl.All': 'a82116e5-55eb-4c41-a434-62fe8a61c773',
  'Files.Read.All': '01d4889c-1287-42c6-ac1f-5d1e02578ef6',
  'Application.ReadWrite.All': '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9',
  'RoleManagement.ReadWrite.Directory': '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8',
  'SecurityEvents.Read.All': 'bf394140-e372-4bf9-a898-299cfc7564e5',
  'AuditLog.Read.All': 'b0afded3-3588-46d8-8b3d-9842eff778da',
  'Reports.Read.All': '230c1aed-a721-4c5d-9cb4-a90514e508ef',
} as const;
export type GraphRoleName = keyof typeof GRAPH_ROLE;

// entra_builtin_roles.csv: template ids (the roleDefinitionId of built-in directory roles).
export const ENTRA_ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  sharePointAdministrator: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  intuneAdministrator: '3a2c62db-5318-420d-8d74-23affee5d9d5',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  conditionalAccessAdministrator: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  hybridIdentityAdministrator: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
  directorySynchronizationAccounts: 'd29b2b05-8046-44ba-8758-1e26182fcf32',
} as const;
export type EntraRoleKey = keyof typeof ENTRA_ROLE;

// azure_rbac_roles_privilege.csv: built-in Azure role names and their role definition ids.
export const AZURE_ROLE = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
  'Key Vault Administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  'Storage Blob Data Contributor': 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  'Storage Blob Data Reader': '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  'Virtual Machine Contributor': '9980e02c-c2be-4d73-94e8-173b1dc7cf3c',
  'Backup Contributor': '5e467623-bb1f-42f4-a55d-6e525e11384b',
  'Monitoring Reader': '43d0d8ad-25c7-4714-9337-8ba259a9fe05',
  'SQL DB Contributor': '9b7fa17d-e63e-47b0-bb0a-15c516ac86ec',
  'Website Contributor': 'de139f84-1756-47ae-9be6-808fbbe84772',
} as const;
export type AzureRoleName = keyof typeof AZURE_ROLE;

/**
 * aadsts_error_codes.csv: the codes the sample uses and the text shown as "Failure reason".
 * The reasons are the catalogue's `meaning` column, which paraphrases Microsoft's error reference.
 */
export const AADSTS: Readonly<Record<number, string>> = {
  0: '',
  50072: 'User needs to enroll for second factor authentication (interactive).',
  50074: 'Strong authentication is required and the user did not pass the MFA challenge.',
  50076:
    'Due to a configuration change made by the admin such as a Conditional Access policy, per-user enforcement, or because you moved to a new location, the user must use multifactor authentication to access the resource. Retry with a new authorize request for the resource.',
  50079:
    'Due to a configuration change ... the user is required to use multifactor authentication. Either a managed user needs to register security info to complete MFA, or a federated user needs to get the multifactor claim from the federated IdP.',
  50126: 'Error validating credentials due to invalid username or password.',
  50140: '"Keep me signed in" interrupt ... an expected part of the sign in flow.',
  50057: 'The user account is disabled.',
  70043: 'The refresh token has expired or is invalid due to sign-in frequency checks by Conditional Access.',
  7000215: 'Invalid client secret is provided.',
  7000222: 'The provided client secret keys are expired. Create new keys or use certificate credentials.',
  700024: 'Client assertion is not within its valid time range',
};

/** Codes the portal shows as "Interrupted" rather than "Failure" (interrupts that a later step resolves). */
export const INTERRUPT_CODES: ReadonlySet<number> = new Set([50072, 50074, 50079, 50140]);
