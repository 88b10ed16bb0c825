/**
 * Directory objects beyond users: managed identity details, permissions of applications, and the
 * uniqueness that keeps a re-imported or overlapping export from double counting.
 */
export const sql = /* sql */ `
ALTER TABLE identities ADD COLUMN msi_type TEXT;
ALTER TABLE identities ADD COLUMN msi_resource_id TEXT;
ALTER TABLE identities ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
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
CREATE UNIQUE INDEX role_assignments_unique ON role_assignments(
  system, state, coalesce(assignment_id, ''), coalesce(principal_object_id, ''), role_name, scope);
CREATE INDEX role_assignments_principal ON role_assignments(principal_object_id);
`;
