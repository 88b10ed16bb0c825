import { z } from 'zod';

/**
 * Stable ids of the export kinds the importer recognises. The id is persisted in engagements and
 * reports, so it never changes meaning; a new format gets a new id.
 */
export const IMPORT_KINDS = [
  'signins.portal.interactive.csv',
  'signins.portal.non_interactive.csv',
  'signins.portal.service_principal.csv',
  'signins.portal.managed_identity.csv',
  'signins.loganalytics.interactive.csv',
  'signins.loganalytics.non_interactive.csv',
  'signins.loganalytics.service_principal.csv',
  'signins.loganalytics.managed_identity.csv',
  'users.portal.csv',
  'signins.portal.authdetails.csv',
  'users.portal.preview.csv',
  'mfa.portal.csv',
  'applications.powershell.csv',
  'serviceprincipals.powershell.csv',
  'applications.portal.csv',
  'serviceprincipals.portal.csv',
  'azure.roles.csv',
  'entra.roles.portal.csv',
  'entra.roles.pim.csv',
  'signins.portal.json',
  'signins.graph.json',
  'signins.powershell.json',
  'users.graph.json',
  'mfa.graph.json',
  'applications.graph.json',
  'serviceprincipals.graph.json',
  'azure.roles.az.json',
  'azure.roles.portal.json',
  'entra.roles.graph.json',
  'entra.roles.schedules.graph.json',
  'azure.ipranges.json',
] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  'signins.portal.interactive.csv': 'Interactive sign-ins (portal CSV)',
  'signins.portal.non_interactive.csv': 'Non-interactive sign-ins (portal CSV)',
  'signins.portal.service_principal.csv': 'Service principal sign-ins (portal CSV)',
  'signins.portal.managed_identity.csv': 'Managed identity sign-ins (portal CSV)',
  'signins.loganalytics.interactive.csv': 'Interactive sign-ins (Log Analytics SigninLogs CSV)',
  'signins.loganalytics.non_interactive.csv': 'Non-interactive sign-ins (Log Analytics AADNonInteractiveUserSignInLogs CSV)',
  'signins.loganalytics.service_principal.csv': 'Service principal sign-ins (Log Analytics AADServicePrincipalSignInLogs CSV)',
  'signins.loganalytics.managed_identity.csv': 'Managed identity sign-ins (Log Analytics AADManagedIdentitySignInLogs CSV)',
  'users.portal.csv': 'Users (portal "Download users" CSV)',
  'signins.portal.authdetails.csv': 'Sign-in authentication details (portal "_AuthDetails_" CSV)',
  'users.portal.preview.csv': 'Users (portal "Download users (Preview)" CSV)',
  'mfa.portal.csv': 'MFA registration (portal "User registration details" CSV)',
  'applications.powershell.csv': 'App registrations (Get-MgApplication / Get-AzADApplication | Export-Csv)',
  'serviceprincipals.powershell.csv': 'Service principals (Get-MgServicePrincipal / Get-AzADServicePrincipal | Export-Csv)',
  'applications.portal.csv': 'App registrations (portal list download CSV)',
  'serviceprincipals.portal.csv': 'Enterprise applications (portal list download CSV)',
  'azure.roles.csv': 'Azure role assignments (portal IAM download CSV / Get-AzRoleAssignment | Export-Csv)',
  'entra.roles.portal.csv': 'Entra directory role assignments (portal "Download assignments" CSV)',
  'entra.roles.pim.csv': 'Entra PIM role assignments (PIM assignment export CSV)',
  'signins.portal.json': 'Sign-ins (portal JSON download)',
  'signins.graph.json': 'Sign-ins (Graph auditLogs/signIns JSON)',
  'signins.powershell.json': 'Sign-ins (Get-MgAuditLogSignIn | ConvertTo-Json)',
  'users.graph.json': 'Users (Graph JSON)',
  'mfa.graph.json': 'MFA registration (Graph userRegistrationDetails JSON)',
  'applications.graph.json': 'App registrations (Graph applications JSON)',
  'serviceprincipals.graph.json': 'Service principals and managed identities (Graph servicePrincipals JSON)',
  'azure.roles.az.json': 'Azure role assignments (az role assignment list JSON)',
  'azure.roles.portal.json': 'Azure role assignments (portal IAM download JSON / Get-AzRoleAssignment)',
  'entra.roles.graph.json': 'Entra directory role assignments (Graph roleAssignments JSON)',
  'entra.roles.schedules.graph.json': 'Entra PIM role schedules (Graph eligibility / assignment schedules JSON)',
  'azure.ipranges.json': 'Azure IP ranges and service tags (Microsoft download JSON)',
};

/**
 * Kinds whose files the detector can only tell apart by their name: portal interactive and
 * non-interactive user sign-in CSVs have the same columns. An imported file of one may be
 * re-labelled as the other when its name said the wrong thing; no other kind can change after import.
 */
const RELABELLED: Partial<Record<ImportKind, ImportKind>> = {
  'signins.portal.interactive.csv': 'signins.portal.non_interactive.csv',
  'signins.portal.non_interactive.csv': 'signins.portal.interactive.csv',
};

/** The kind an imported file of `kind` may be changed to, or null. */
export function relabelledKind(kind: string): ImportKind | null {
  return RELABELLED[kind as ImportKind] ?? null;
}
