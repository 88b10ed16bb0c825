/**
 * A deleted principal that still holds role assignments becomes an identity of its own, of kind
 * `unknown` when the export cannot say whether it was a user or a service principal (Azure shows
 * such principals as "Unknown"). SQLite cannot change a CHECK constraint in place, so the
 * identities table is rebuilt with the same columns in the same order; the migration runs with
 * foreign keys off and is checked before it commits (see `rebuildsTables`).
 */
export const sql = /* sql */ `
CREATE TABLE identities_v5 (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'service_principal', 'application', 'unknown')),
  object_id TEXT,
  app_id TEXT,
  upn TEXT,
  display_name TEXT,
  user_type TEXT,
  account_enabled INTEGER,
  mail TEXT,
  job_title TEXT,
  department TEXT,
  created_at TEXT,
  creation_type TEXT,
  on_premises_sync INTEGER,
  sp_type TEXT,
  app_owner_org_id TEXT,
  sign_in_audience TEXT,
  description TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  in_directory INTEGER NOT NULL DEFAULT 0,
  source_file_id INTEGER REFERENCES imported_files(id),
  msi_type TEXT,
  msi_resource_id TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  credentials_known INTEGER,
  last_sign_in TEXT,
  last_non_interactive_sign_in TEXT,
  last_successful_sign_in TEXT,
  app_object_id TEXT
) STRICT;
INSERT INTO identities_v5 SELECT * FROM identities;
DROP TABLE identities;
ALTER TABLE identities_v5 RENAME TO identities;
CREATE UNIQUE INDEX identities_object_id ON identities(object_id) WHERE object_id IS NOT NULL;
CREATE INDEX identities_app_id ON identities(app_id) WHERE app_id IS NOT NULL;
CREATE INDEX identities_upn ON identities(upn COLLATE NOCASE) WHERE upn IS NOT NULL;
CREATE UNIQUE INDEX identities_app_object_id ON identities(app_object_id) WHERE app_object_id IS NOT NULL;

-- Deleted principals already recorded: one identity each, and their assignments attached to it.
INSERT INTO identities (kind, object_id, display_name, deleted)
  SELECT CASE lower(max(principal_type)) WHEN 'user' THEN 'user' WHEN 'serviceprincipal' THEN 'service_principal' ELSE 'unknown' END,
         principal_object_id, max(principal_name), 1
    FROM role_assignments
   WHERE identity_id IS NULL AND principal_object_id IS NOT NULL AND lower(coalesce(principal_type, '')) NOT IN ('group', 'foreigngroup')
   GROUP BY principal_object_id;
UPDATE role_assignments SET identity_id = (SELECT id FROM identities WHERE object_id = role_assignments.principal_object_id)
 WHERE identity_id IS NULL AND principal_object_id IS NOT NULL AND lower(coalesce(principal_type, '')) NOT IN ('group', 'foreigngroup');
`;
