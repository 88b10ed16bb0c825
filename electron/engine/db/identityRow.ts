import type { IdentityKind } from '../../../shared/domain/vocabulary';

/** The identity columns every reader of `identities` selects, as SQLite returns them. */
export interface IdentityBaseRow {
  id: number;
  kind: IdentityKind;
  object_id: string | null;
  app_id: string | null;
  upn: string | null;
  display_name: string | null;
  user_type: string | null;
  account_enabled: number | null;
}
