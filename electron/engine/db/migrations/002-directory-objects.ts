/**
 * Directory objects beyond users: managed identity details, permissions of applications, and the
 * uniqueness that keeps a re-imported or overlapping export from double counting.
 */
export const sql = /* sql */ `
ALTER TABLE identities ADD COLUMN msi_type TEXT;
ALTER TABLE identities ADD COLUMN msi_resource_id TEXT;
ALTER TABLE identities ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
-- 1 when the credentials of an application / service principal are known (0 = the export could not carry them).
ALTER TABLE identities ADD COLUMN credentials_known INTEGER;
ALTER TABLE identities ADD COLUMN last_sign_in TEXT;
ALTER TABLE identities ADD COLUMN last_non_interactive_sign_in TEXT;
ALTER TABLE identities ADD COLUMN last_successful_sign_in TEXT;
-- An application registration and its service principal are one identity: object_id is the service
-- principal's, app_object_id the application object's (either may be unknown).
ALTER TABLE identities ADD COLUMN app_object_id TEXT;
CREATE UNIQUE INDEX identities_app_object_id ON identities(app_object_id) WHERE app_object_id IS NOT NULL;

CREATE TABLE app_permissions (
  identity_id INTEGER NOT NULL REFERENCES identities(id),
  resource_app_id TEXT NOT NULL,
  permission_id TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('Role', 'Scope')),
  source TEXT NOT NULL CHECK (source IN ('required', 'granted')),
  file_id INTEGER REFERENCES imported_files(id),
  PRIMARY KEY (identity_id, resource_app_id, permission_id, type, source)
) STRICT;

CREATE UNIQUE INDEX credentials_unique ON credentials(identity_id, type, coalesce(key_id, ''), coalesce(subject, ''));
-- One principal holds one role at one scope once, however many exports list it (with or without an
-- assignment id); a principal known only by name (PIM export) is keyed by that name.
CREATE UNIQUE INDEX role_assignments_unique ON role_assignments(
  system, state, coalesce(principal_object_id, lower(principal_name), ''), lower(role_name), lower(scope));
CREATE INDEX role_assignments_principal ON role_assignments(principal_object_id);
`;
