/**
 * The canonical engagement schema. Times are ISO-8601 UTC text (sortable, readable in any SQLite
 * browser) except sign-in times, which are integer milliseconds since the epoch because profiles
 * bucket millions of them by hour and weekday.
 */
export const sql = /* sql */ `
CREATE TABLE engagement (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  customer TEXT NOT NULL,
  tenant TEXT NOT NULL,
  auditor TEXT NOT NULL,
  as_of TEXT,
  created_at TEXT NOT NULL,
  app_version TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE imported_files (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  encoding TEXT NOT NULL,
  delimiter TEXT NOT NULL,
  rows_imported INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rows_duplicate INTEGER NOT NULL,
  first_time TEXT,
  last_time TEXT,
  warnings TEXT NOT NULL DEFAULT '[]',
  rejections TEXT NOT NULL DEFAULT '[]',
  imported_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE identities (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'service_principal', 'application')),
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
  source_file_id INTEGER REFERENCES imported_files(id)
) STRICT;
CREATE UNIQUE INDEX identities_object_id ON identities(object_id) WHERE object_id IS NOT NULL;
CREATE INDEX identities_app_id ON identities(app_id) WHERE app_id IS NOT NULL;
CREATE INDEX identities_upn ON identities(upn COLLATE NOCASE) WHERE upn IS NOT NULL;

-- Sign-in values repeat endlessly (user agents, app names, error texts): each distinct text is stored
-- once here and sign-ins refer to it by id. Fewer bytes per row make imports of millions of rows
-- several times faster and the engagement file smaller; signin_view gives the rows back as text.
CREATE TABLE signin_values (
  id INTEGER PRIMARY KEY,
  value TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE signins (
  request_id TEXT PRIMARY KEY,
  category TEXT NOT NULL CHECK (category IN ('interactive', 'non_interactive', 'service_principal', 'managed_identity')),
  time_ms INTEGER NOT NULL,
  identity_id INTEGER REFERENCES identities(id),
  correlation_id TEXT,
  asn INTEGER,
  error_code INTEGER,
  user_id_ref INTEGER,
  upn_ref INTEGER,
  user_display_name_ref INTEGER,
  user_type_ref INTEGER,
  sp_id_ref INTEGER,
  sp_name_ref INTEGER,
  app_id_ref INTEGER,
  app_name_ref INTEGER,
  resource_id_ref INTEGER,
  resource_name_ref INTEGER,
  client_app_ref INTEGER,
  user_agent_ref INTEGER,
  ip_ref INTEGER,
  city_ref INTEGER,
  state_ref INTEGER,
  country_ref INTEGER,
  status_ref INTEGER,
  failure_reason_ref INTEGER,
  auth_requirement_ref INTEGER,
  auth_protocol_ref INTEGER,
  mfa_result_ref INTEGER,
  mfa_method_ref INTEGER,
  incoming_token_type_ref INTEGER,
  cross_tenant_access_ref INTEGER,
  credential_type_ref INTEGER,
  credential_key_id_ref INTEGER,
  credential_thumbprint_ref INTEGER,
  msi_type_ref INTEGER,
  associated_resource_id_ref INTEGER,
  conditional_access_ref INTEGER,
  device_id_ref INTEGER,
  operating_system_ref INTEGER,
  browser_ref INTEGER,
  home_tenant_id_ref INTEGER,
  resource_tenant_id_ref INTEGER,
  file_id INTEGER NOT NULL REFERENCES imported_files(id),
  line INTEGER NOT NULL
) STRICT;
CREATE INDEX signins_identity_time ON signins(identity_id, time_ms);

CREATE TABLE signin_auth_details (
  request_id TEXT NOT NULL,
  step INTEGER NOT NULL,
  method TEXT,
  method_detail TEXT,
  succeeded INTEGER,
  result_detail TEXT,
  requirement TEXT,
  file_id INTEGER NOT NULL REFERENCES imported_files(id),
  PRIMARY KEY (request_id, step)
) STRICT;

CREATE TABLE credentials (
  id INTEGER PRIMARY KEY,
  identity_id INTEGER NOT NULL REFERENCES identities(id),
  type TEXT NOT NULL CHECK (type IN ('password', 'certificate', 'federated')),
  key_id TEXT,
  display_name TEXT,
  start_time TEXT,
  end_time TEXT,
  hint TEXT,
  thumbprint TEXT,
  issuer TEXT,
  subject TEXT,
  audiences TEXT,
  file_id INTEGER REFERENCES imported_files(id)
) STRICT;
CREATE INDEX credentials_identity ON credentials(identity_id);
CREATE INDEX credentials_key ON credentials(key_id);

CREATE TABLE owners (
  identity_id INTEGER NOT NULL REFERENCES identities(id),
  owner_object_id TEXT NOT NULL,
  owner_upn TEXT,
  owner_display_name TEXT,
  owner_type TEXT,
  file_id INTEGER REFERENCES imported_files(id),
  PRIMARY KEY (identity_id, owner_object_id)
) STRICT;

CREATE TABLE role_assignments (
  id INTEGER PRIMARY KEY,
  system TEXT NOT NULL CHECK (system IN ('azure', 'entra')),
  assignment_id TEXT,
  principal_object_id TEXT,
  identity_id INTEGER REFERENCES identities(id),
  principal_name TEXT,
  principal_type TEXT,
  role_name TEXT NOT NULL,
  role_definition_id TEXT,
  scope TEXT NOT NULL,
  scope_level TEXT,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'eligible')),
  start_time TEXT,
  end_time TEXT,
  member_type TEXT,
  file_id INTEGER REFERENCES imported_files(id)
) STRICT;
CREATE INDEX role_assignments_identity ON role_assignments(identity_id);

CREATE TABLE mfa_registration (
  identity_id INTEGER PRIMARY KEY REFERENCES identities(id),
  upn TEXT,
  is_mfa_capable INTEGER,
  is_mfa_registered INTEGER,
  is_passwordless_capable INTEGER,
  is_admin INTEGER,
  methods TEXT,
  default_method TEXT,
  last_updated TEXT,
  file_id INTEGER REFERENCES imported_files(id)
) STRICT;

CREATE TABLE identity_profiles (
  identity_id INTEGER PRIMARY KEY REFERENCES identities(id) ON DELETE CASCADE,
  sign_ins INTEGER NOT NULL,
  interactive INTEGER NOT NULL,
  non_interactive INTEGER NOT NULL,
  service_principal INTEGER NOT NULL,
  managed_identity INTEGER NOT NULL,
  first_seen TEXT,
  last_seen TEXT,
  profile TEXT NOT NULL,
  computed_at TEXT NOT NULL
) STRICT;

CREATE TABLE classifications (
  identity_id INTEGER PRIMARY KEY REFERENCES identities(id) ON DELETE CASCADE,
  class TEXT NOT NULL,
  confidence REAL NOT NULL,
  reasons TEXT NOT NULL DEFAULT '[]',
  override_class TEXT,
  override_reason TEXT,
  computed_at TEXT NOT NULL
) STRICT;

CREATE TABLE readiness (
  identity_id INTEGER PRIMARY KEY REFERENCES identities(id) ON DELETE CASCADE,
  verdict TEXT NOT NULL,
  surfaces TEXT NOT NULL DEFAULT '[]',
  evidence TEXT NOT NULL DEFAULT '{}',
  reason TEXT,
  recommendation TEXT,
  computed_at TEXT NOT NULL
) STRICT;

CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  rule_id TEXT NOT NULL,
  identity_id INTEGER REFERENCES identities(id) ON DELETE CASCADE,
  severity TEXT NOT NULL,
  title TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '{}',
  computed_at TEXT NOT NULL
) STRICT;
CREATE INDEX findings_identity ON findings(identity_id);
CREATE INDEX findings_rule ON findings(rule_id);

CREATE TABLE review_decisions (
  subject TEXT PRIMARY KEY,
  identity_id INTEGER REFERENCES identities(id),
  owner TEXT,
  decision TEXT,
  due_date TEXT,
  status TEXT,
  notes TEXT,
  updated_at TEXT NOT NULL
) STRICT;

-- Sign-ins with every value as text, for evidence and ad-hoc queries (analysis groups by the ids).
CREATE VIEW signin_view AS SELECT
  s.request_id, s.category, s.time_ms, s.identity_id, s.correlation_id, s.asn, s.error_code, s.file_id, s.line,
  (SELECT value FROM signin_values WHERE id = s.user_id_ref) AS user_id,
  (SELECT value FROM signin_values WHERE id = s.upn_ref) AS upn,
  (SELECT value FROM signin_values WHERE id = s.user_display_name_ref) AS user_display_name,
  (SELECT value FROM signin_values WHERE id = s.user_type_ref) AS user_type,
  (SELECT value FROM signin_values WHERE id = s.sp_id_ref) AS sp_id,
  (SELECT value FROM signin_values WHERE id = s.sp_name_ref) AS sp_name,
  (SELECT value FROM signin_values WHERE id = s.app_id_ref) AS app_id,
  (SELECT value FROM signin_values WHERE id = s.app_name_ref) AS app_name,
  (SELECT value FROM signin_values WHERE id = s.resource_id_ref) AS resource_id,
  (SELECT value FROM signin_values WHERE id = s.resource_name_ref) AS resource_name,
  (SELECT value FROM signin_values WHERE id = s.client_app_ref) AS client_app,
  (SELECT value FROM signin_values WHERE id = s.user_agent_ref) AS user_agent,
  (SELECT value FROM signin_values WHERE id = s.ip_ref) AS ip,
  (SELECT value FROM signin_values WHERE id = s.city_ref) AS city,
  (SELECT value FROM signin_values WHERE id = s.state_ref) AS state,
  (SELECT value FROM signin_values WHERE id = s.country_ref) AS country,
  (SELECT value FROM signin_values WHERE id = s.status_ref) AS status,
  (SELECT value FROM signin_values WHERE id = s.failure_reason_ref) AS failure_reason,
  (SELECT value FROM signin_values WHERE id = s.auth_requirement_ref) AS auth_requirement,
  (SELECT value FROM signin_values WHERE id = s.auth_protocol_ref) AS auth_protocol,
  (SELECT value FROM signin_values WHERE id = s.mfa_result_ref) AS mfa_result,
  (SELECT value FROM signin_values WHERE id = s.mfa_method_ref) AS mfa_method,
  (SELECT value FROM signin_values WHERE id = s.incoming_token_type_ref) AS incoming_token_type,
  (SELECT value FROM signin_values WHERE id = s.cross_tenant_access_ref) AS cross_tenant_access,
  (SELECT value FROM signin_values WHERE id = s.credential_type_ref) AS credential_type,
  (SELECT value FROM signin_values WHERE id = s.credential_key_id_ref) AS credential_key_id,
  (SELECT value FROM signin_values WHERE id = s.credential_thumbprint_ref) AS credential_thumbprint,
  (SELECT value FROM signin_values WHERE id = s.msi_type_ref) AS msi_type,
  (SELECT value FROM signin_values WHERE id = s.associated_resource_id_ref) AS associated_resource_id,
  (SELECT value FROM signin_values WHERE id = s.conditional_access_ref) AS conditional_access,
  (SELECT value FROM signin_values WHERE id = s.device_id_ref) AS device_id,
  (SELECT value FROM signin_values WHERE id = s.operating_system_ref) AS operating_system,
  (SELECT value FROM signin_values WHERE id = s.browser_ref) AS browser,
  (SELECT value FROM signin_values WHERE id = s.home_tenant_id_ref) AS home_tenant_id,
  (SELECT value FROM signin_values WHERE id = s.resource_tenant_id_ref) AS resource_tenant_id
FROM signins s;
`;
