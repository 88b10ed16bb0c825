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
  'users.portal.csv',
] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  'signins.portal.interactive.csv': 'Interactive sign-ins (portal CSV)',
  'signins.portal.non_interactive.csv': 'Non-interactive sign-ins (portal CSV)',
  'signins.portal.service_principal.csv': 'Service principal sign-ins (portal CSV)',
  'signins.portal.managed_identity.csv': 'Managed identity sign-ins (portal CSV)',
  'users.portal.csv': 'Users (portal "Download users" CSV)',
};
