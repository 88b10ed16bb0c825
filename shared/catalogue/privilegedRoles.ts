/**
 * Which roles are privileged, copied from reference/catalogues: Entra roles Microsoft labels
 * PRIVILEGED (entra_builtin_roles.csv `microsoftPrivilegedLabel`) and those AzTier puts in tier 0
 * (`aztier_tier` = 0, a path to Global Administrator); Azure built-in roles Microsoft lists as
 * privileged administrator roles (azure_rbac_roles_privilege.csv). Matched by id; names are for
 * display and for exports that carry only a name. A test keeps these lists equal to the CSVs.
 */
export const ENTRA_PRIVILEGED_ROLES: readonly (readonly [templateId: string, displayName: string])[] = [
  ['db506228-d27e-4b7d-95e5-295956d6615f', 'Agent ID Administrator'],
  ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator'],
  ['cf1c38e5-3621-4004-a7cb-879624dced7c', 'Application Developer'],
  ['ecb2c6bf-0ab6-418e-bd87-7986f8d63bbe', 'Attribute Provisioning Administrator'],
  ['422218e4-db15-4ef9-bbe0-8afb41546d79', 'Attribute Provisioning Reader'],
  ['c4e39bd9-1100-46d3-8c65-fb160da0071f', 'Authentication Administrator'],
  ['25a516ed-2fa0-40ea-a2d0-12923a21473a', 'Authentication Extensibility Administrator'],
  ['aaf43236-0c0d-4d5f-883a-6955382ac081', 'B2C IEF Keyset Administrator'],
  ['158c047a-c907-4556-b7ef-446551a6b5f7', 'Cloud Application Administrator'],
  ['7698a772-787b-4ac8-901f-60d6b08affd2', 'Cloud Device Administrator'],
  ['b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', 'Conditional Access Administrator'],
  ['9360feb5-f418-4baa-8175-e2a00bac4301', 'Directory Writers'],
  ['8329153b-31d0-4727-b945-745eb3bc5f31', 'Domain Name Administrator'],
  ['be2f45a1-457d-42af-a067-6ec1fa63bc45', 'External Identity Provider Administrator'],
  ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator'],
  ['f2ef992c-3afb-46b9-b7cf-a126ee74c451', 'Global Reader'],
  ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 'Helpdesk Administrator'],
  ['8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', 'Hybrid Identity Administrator'],
  ['3a2c62db-5318-420d-8d74-23affee5d9d5', 'Intune Administrator'],
  ['59d46f88-662b-457b-bceb-5c3809e5908f', 'Lifecycle Workflows Administrator'],
  ['4ba39ca4-527c-499a-b93d-d9b492c50246', 'Partner Tier1 Support'],
  ['e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8', 'Partner Tier2 Support'],
  ['966707d0-3269-4727-9be2-8c3a10f19b9d', 'Password Administrator'],
  ['7be44c8a-adaf-4e2a-84d6-ab2649e08a13', 'Privileged Authentication Administrator'],
  ['e8611ab8-c189-46e8-94e1-60213ab1f814', 'Privileged Role Administrator'],
  ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator'],
  ['5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', 'Security Operator'],
  ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader'],
  ['fe930be7-5e62-47db-91af-98c3a49a38b1', 'User Administrator'],
];

export const ENTRA_TIER0_ROLES: readonly (readonly [templateId: string, displayName: string])[] = [
  ['d2562ede-74db-457e-a7b6-544e236ebb61', 'AI Administrator'],
  ['db506228-d27e-4b7d-95e5-295956d6615f', 'Agent ID Administrator'],
  ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator'],
  ['c4e39bd9-1100-46d3-8c65-fb160da0071f', 'Authentication Administrator'],
  ['e3973bdf-4987-49ae-837a-ba8e231c7286', 'Azure DevOps Administrator'],
  ['158c047a-c907-4556-b7ef-446551a6b5f7', 'Cloud Application Administrator'],
  ['b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', 'Conditional Access Administrator'],
  ['9360feb5-f418-4baa-8175-e2a00bac4301', 'Directory Writers'],
  ['8329153b-31d0-4727-b945-745eb3bc5f31', 'Domain Name Administrator'],
  ['29232cdf-9323-42fd-ade2-1d097af3e4de', 'Exchange Administrator'],
  ['be2f45a1-457d-42af-a067-6ec1fa63bc45', 'External Identity Provider Administrator'],
  ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator'],
  ['fdd7a751-b60b-444a-984c-02652fe8fa1c', 'Groups Administrator'],
  ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 'Helpdesk Administrator'],
  ['8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', 'Hybrid Identity Administrator'],
  ['45d8d3c5-c802-45c6-b32a-1d70b5e1e86e', 'Identity Governance Administrator'],
  ['3a2c62db-5318-420d-8d74-23affee5d9d5', 'Intune Administrator'],
  ['b5a8dcf3-09d5-43a9-a639-8e29ef291470', 'Knowledge Administrator'],
  ['744ec460-397e-42ad-a462-8b3f9747a02c', 'Knowledge Manager'],
  ['59d46f88-662b-457b-bceb-5c3809e5908f', 'Lifecycle Workflows Administrator'],
  ['4ba39ca4-527c-499a-b93d-d9b492c50246', 'Partner Tier1 Support'],
  ['e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8', 'Partner Tier2 Support'],
  ['966707d0-3269-4727-9be2-8c3a10f19b9d', 'Password Administrator'],
  ['7be44c8a-adaf-4e2a-84d6-ab2649e08a13', 'Privileged Authentication Administrator'],
  ['e8611ab8-c189-46e8-94e1-60213ab1f814', 'Privileged Role Administrator'],
  ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator'],
  ['f28a1f50-f6e7-4571-818b-6a12f2af6b6c', 'SharePoint Administrator'],
  ['69091246-20e8-4a56-aa4d-066075b2a7a8', 'Teams Administrator'],
  ['fe930be7-5e62-47db-91af-98c3a49a38b1', 'User Administrator'],
  ['11451d60-acb2-45eb-a7d6-43d0f0125c13', 'Windows 365 Administrator'],
  ['810a2642-a034-447f-a5e8-41beaa378541', 'Yammer Administrator'],
];

export const AZURE_PRIVILEGED_ROLES: readonly (readonly [roleDefinitionId: string, roleName: string])[] = [
  ['b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor'],
  ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner'],
  ['a8889054-8d42-49c9-bc1c-52486c10e7cd', 'Reservations Administrator'],
  ['f58310d9-a9f6-439a-9e8d-f62e7b41a168', 'Role Based Access Control Administrator'],
  ['18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator'],
];

const byIdOrName = (list: readonly (readonly [string, string])[]): ((id: string | null, name: string | null) => boolean) => {
  const ids = new Set(list.map(([i]) => i.toLowerCase()));
  const names = new Set(list.map(([, n]) => n.toLowerCase()));
  return (id, name) => (id != null && ids.has(id.toLowerCase().split('/').pop() ?? '')) || (name != null && names.has(name.toLowerCase()));
};

/** Is an Entra role (by template id or display name) privileged? */
export const isPrivilegedEntraRole = byIdOrName(ENTRA_PRIVILEGED_ROLES);
/** Is an Entra role tier 0 (a path to Global Administrator)? */
export const isTier0EntraRole = byIdOrName(ENTRA_TIER0_ROLES);
/** Is an Azure role (by definition id, full resource id or name) a privileged administrator role? */
export const isPrivilegedAzureRole = byIdOrName(AZURE_PRIVILEGED_ROLES);

/** Is a role assignment's role privileged, by the catalogue of its system? */
export function isPrivilegedRole(system: 'azure' | 'entra', roleDefinitionId: string | null, role: string | null): boolean {
  return system === 'entra' ? isPrivilegedEntraRole(roleDefinitionId, role) : isPrivilegedAzureRole(roleDefinitionId, role);
}
