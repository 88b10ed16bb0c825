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
};
