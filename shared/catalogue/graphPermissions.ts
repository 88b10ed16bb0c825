/**
 * Microsoft Graph application permissions (app roles) that AzTier puts in tier 0: each is a path
 * to Global Administrator or equivalent control of the tenant (for example
 * RoleManagement.ReadWrite.Directory, AppRoleAssignment.ReadWrite.All, Application.ReadWrite.All).
 * Copied from reference/catalogues/graph_application_permissions_tiers.csv (`aztier_tier` = 0); a
 * test keeps the list equal to the CSV. Matched by app role id.
 */
export const GRAPH_TIER0_APP_ROLES: readonly (readonly [id: string, value: string])[] = [
  ['5eb59dd3-1da2-4329-8733-9dabdc435916', 'AdministrativeUnit.ReadWrite.All'],
  ['06b708a9-e830-4db3-a914-8e69da51d44f', 'AppRoleAssignment.ReadWrite.All'],
  ['fc023787-fd04-4e44-9bc7-d454f00c0f0a', 'Application.ReadUpdate.All'],
  ['1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9', 'Application.ReadWrite.All'],
  ['18a4783c-866b-4cc7-a460-3d5e5662c884', 'Application.ReadWrite.OwnedBy'],
  ['cc13eba4-8cd8-44c6-b4d4-f93237adce58', 'DelegatedAdminRelationship.ReadWrite.All'],
  ['9241abd9-d0e6-425a-bd4f-47ba86e767a4', 'DeviceManagementConfiguration.ReadWrite.All'],
  ['e330c4f0-4170-414e-a55a-2f022ec2b57b', 'DeviceManagementRBAC.ReadWrite.All'],
  ['9255e99d-faf5-445e-bbf7-cb71482737c4', 'DeviceManagementScripts.ReadWrite.All'],
  ['19dbc75e-c2e2-444c-a770-ec69d8559fc7', 'Directory.ReadWrite.All'],
  ['7e05723c-0bb0-42da-be95-ae9f08a6e53c', 'Domain.ReadWrite.All'],
  ['9acd699f-1e81-4958-b001-93b1d2506e19', 'EntitlementManagement.ReadWrite.All'],
  ['2d9bd318-b883-40be-9df7-63ec4fcdc424', 'Group-OnPremisesSyncBehavior.ReadWrite.All'],
  ['62a82d76-70ea-41e2-9197-370581804d09', 'Group.ReadWrite.All'],
  ['dbaae8cf-10b5-4b86-a4a1-f871c94c6695', 'GroupMember.ReadWrite.All'],
  ['292d869f-3427-49a8-9dab-8c70152b74e9', 'Organization.ReadWrite.All'],
  ['29c18626-4985-4dcd-85c0-193eef327366', 'Policy.ReadWrite.AuthenticationMethod'],
  ['01c0a623-fc9b-48e9-b794-0756f8e8f067', 'Policy.ReadWrite.ConditionalAccess'],
  ['a402ca1c-2696-4531-972d-6e5ee4aa11ea', 'Policy.ReadWrite.PermissionGrant'],
  ['854d9ab1-6657-4ec8-be45-823027bcd009', 'PrivilegedAccess.ReadWrite.AzureAD'],
  ['2f6817f8-7b12-4f0f-bc18-eeaf60705a9e', 'PrivilegedAccess.ReadWrite.AzureADGroup'],
  ['6f9d5abc-2db6-400b-a267-7de22a40fb87', 'PrivilegedAccess.ReadWrite.AzureResources'],
  ['41202f2c-f7ab-45be-b001-85c9728b9d69', 'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'],
  ['618b6020-bca8-4de6-99f6-ef445fa4d857', 'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup'],
  ['dd199f4a-f148-40a4-a2ec-f0069cc799ec', 'RoleAssignmentSchedule.ReadWrite.Directory'],
  ['fee28b28-e1f3-4841-818e-2704dc62245f', 'RoleEligibilitySchedule.ReadWrite.Directory'],
  ['9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8', 'RoleManagement.ReadWrite.Directory'],
  ['b38dcc4d-a239-4ed6-aa84-6c65b284f97c', 'RoleManagementPolicy.ReadWrite.AzureADGroup'],
  ['31e08e0a-d3f7-4ca2-ac39-7343fb83e8ad', 'RoleManagementPolicy.ReadWrite.Directory'],
  ['af2bf46f-7bf1-4be3-8bad-e17e279e8462', 'SecurityIdentitiesActions.ReadWrite.All'],
  ['7fc588a2-ea2d-4d1f-bcf7-33c324b149b8', 'SignInIdentifier.ReadWrite.All'],
  ['9b50c33d-700f-43b1-b2eb-87e89b703581', 'Synchronization.ReadWrite.All'],
  ['cc117bb9-00cf-4eb8-b580-ea2a878fe8f7', 'User-PasswordProfile.ReadWrite.All'],
  ['eccc023d-eccf-4e7b-9683-8813ab36cecc', 'User.DeleteRestore.All'],
  ['3011c876-62b7-4ada-afa2-506cbbecc68c', 'User.EnableDisableAccount.All'],
  ['741f803b-c850-494e-b5df-cde7c675a1ca', 'User.ReadWrite.All'],
  ['7e9ebcc1-90aa-4471-8051-e68d6b4e9c89', 'UserAuthMethod-HardwareOATH.ReadWrite.All'],
  ['6e85d483-7092-4375-babe-0a94a8213a58', 'UserAuthMethod-Phone.ReadWrite.All'],
  ['4869299f-18c3-40c8-98f2-222657e67db1', 'UserAuthMethod-QR.ReadWrite.All'],
  ['627169a8-8c15-451c-861a-5b80e383de5c', 'UserAuthMethod-TAP.ReadWrite.All'],
  ['50483e42-d915-4231-9639-7fdb7fd190e5', 'UserAuthenticationMethod.ReadWrite.All'],
];

/** Microsoft Graph's application id (the resource the permissions are granted on). */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

const TIER0 = new Map(GRAPH_TIER0_APP_ROLES.map(([id, value]) => [id.toLowerCase(), value]));

/** The permission's name when it is a tier-0 Graph application permission. */
export function tier0GraphPermission(resourceAppId: string, permissionId: string): string | null {
  return resourceAppId.toLowerCase() === MICROSOFT_GRAPH_APP_ID ? (TIER0.get(permissionId.toLowerCase()) ?? null) : null;
}
