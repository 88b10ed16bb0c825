/**
 * Sign-in values stored as combinations: one dictionary id per group of related values (see
 * SIGNIN_VALUE_GROUPS) instead of one per value, 11 ids a row instead of 35, and no foreign-key
 * checks on the sign-in table (its writer is the only one and sets both ids itself). A 1M-row
 * import was CPU-bound on binding and checking those values.
 * Existing sign-ins are converted in SQL: each group becomes the JSON array the writer stores.
 *
 * Frozen: the group layout here is the one of version 4, whatever signInFields.ts says later.
 */
export const sql = /* sql */ `
DROP VIEW signin_view;
ALTER TABLE signin_values RENAME TO signin_values_v3;
CREATE TABLE signin_values (
  id INTEGER PRIMARY KEY,
  value TEXT NOT NULL UNIQUE
) STRICT;
CREATE TEMP TABLE signin_groups_v3 AS SELECT s.rowid AS rid,
  CASE WHEN coalesce(user_id_ref, upn_ref, user_display_name_ref, user_type_ref, sp_id_ref, sp_name_ref, home_tenant_id_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.user_id_ref), (SELECT value FROM signin_values_v3 WHERE id = s.upn_ref), (SELECT value FROM signin_values_v3 WHERE id = s.user_display_name_ref), (SELECT value FROM signin_values_v3 WHERE id = s.user_type_ref), (SELECT value FROM signin_values_v3 WHERE id = s.sp_id_ref), (SELECT value FROM signin_values_v3 WHERE id = s.sp_name_ref), (SELECT value FROM signin_values_v3 WHERE id = s.home_tenant_id_ref)) END AS principal,
  CASE WHEN coalesce(app_id_ref, app_name_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.app_id_ref), (SELECT value FROM signin_values_v3 WHERE id = s.app_name_ref)) END AS app,
  CASE WHEN coalesce(resource_id_ref, resource_name_ref, resource_tenant_id_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.resource_id_ref), (SELECT value FROM signin_values_v3 WHERE id = s.resource_name_ref), (SELECT value FROM signin_values_v3 WHERE id = s.resource_tenant_id_ref)) END AS resource,
  CASE WHEN coalesce(client_app_ref, user_agent_ref, operating_system_ref, browser_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.client_app_ref), (SELECT value FROM signin_values_v3 WHERE id = s.user_agent_ref), (SELECT value FROM signin_values_v3 WHERE id = s.operating_system_ref), (SELECT value FROM signin_values_v3 WHERE id = s.browser_ref)) END AS client,
  CASE WHEN ip_ref IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.ip_ref)) END AS ip,
  CASE WHEN coalesce(city_ref, state_ref, country_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.city_ref), (SELECT value FROM signin_values_v3 WHERE id = s.state_ref), (SELECT value FROM signin_values_v3 WHERE id = s.country_ref)) END AS location,
  CASE WHEN coalesce(status_ref, failure_reason_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.status_ref), (SELECT value FROM signin_values_v3 WHERE id = s.failure_reason_ref)) END AS outcome,
  CASE WHEN coalesce(auth_requirement_ref, auth_protocol_ref, mfa_result_ref, mfa_method_ref, incoming_token_type_ref, cross_tenant_access_ref, conditional_access_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.auth_requirement_ref), (SELECT value FROM signin_values_v3 WHERE id = s.auth_protocol_ref), (SELECT value FROM signin_values_v3 WHERE id = s.mfa_result_ref), (SELECT value FROM signin_values_v3 WHERE id = s.mfa_method_ref), (SELECT value FROM signin_values_v3 WHERE id = s.incoming_token_type_ref), (SELECT value FROM signin_values_v3 WHERE id = s.cross_tenant_access_ref), (SELECT value FROM signin_values_v3 WHERE id = s.conditional_access_ref)) END AS auth,
  CASE WHEN coalesce(credential_type_ref, credential_key_id_ref, credential_thumbprint_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.credential_type_ref), (SELECT value FROM signin_values_v3 WHERE id = s.credential_key_id_ref), (SELECT value FROM signin_values_v3 WHERE id = s.credential_thumbprint_ref)) END AS credential,
  CASE WHEN coalesce(msi_type_ref, associated_resource_id_ref) IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.msi_type_ref), (SELECT value FROM signin_values_v3 WHERE id = s.associated_resource_id_ref)) END AS workload,
  CASE WHEN device_id_ref IS NULL THEN NULL ELSE json_array((SELECT value FROM signin_values_v3 WHERE id = s.device_id_ref)) END AS device
FROM signins s;
INSERT OR IGNORE INTO signin_values (value)
  SELECT principal FROM signin_groups_v3 WHERE principal IS NOT NULL
  UNION SELECT app FROM signin_groups_v3 WHERE app IS NOT NULL
  UNION SELECT resource FROM signin_groups_v3 WHERE resource IS NOT NULL
  UNION SELECT client FROM signin_groups_v3 WHERE client IS NOT NULL
  UNION SELECT ip FROM signin_groups_v3 WHERE ip IS NOT NULL
  UNION SELECT location FROM signin_groups_v3 WHERE location IS NOT NULL
  UNION SELECT outcome FROM signin_groups_v3 WHERE outcome IS NOT NULL
  UNION SELECT auth FROM signin_groups_v3 WHERE auth IS NOT NULL
  UNION SELECT credential FROM signin_groups_v3 WHERE credential IS NOT NULL
  UNION SELECT workload FROM signin_groups_v3 WHERE workload IS NOT NULL
  UNION SELECT device FROM signin_groups_v3 WHERE device IS NOT NULL;
CREATE TABLE signins_v4 (
  request_id TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('interactive', 'non_interactive', 'service_principal', 'managed_identity')),
  time_ms INTEGER NOT NULL,
  identity_id INTEGER,
  correlation_id TEXT,
  asn INTEGER,
  error_code INTEGER,
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  principal_ref INTEGER,
  app_ref INTEGER,
  resource_ref INTEGER,
  client_ref INTEGER,
  ip_ref INTEGER,
  location_ref INTEGER,
  outcome_ref INTEGER,
  auth_ref INTEGER,
  credential_ref INTEGER,
  workload_ref INTEGER,
  device_ref INTEGER
) STRICT;
INSERT INTO signins_v4
SELECT s.request_id, s.category, s.time_ms, s.identity_id, s.correlation_id, s.asn, s.error_code, s.file_id, s.line,
  (SELECT id FROM signin_values WHERE value = o.principal), (SELECT id FROM signin_values WHERE value = o.app), (SELECT id FROM signin_values WHERE value = o.resource), (SELECT id FROM signin_values WHERE value = o.client), (SELECT id FROM signin_values WHERE value = o.ip), (SELECT id FROM signin_values WHERE value = o.location), (SELECT id FROM signin_values WHERE value = o.outcome), (SELECT id FROM signin_values WHERE value = o.auth), (SELECT id FROM signin_values WHERE value = o.credential), (SELECT id FROM signin_values WHERE value = o.workload), (SELECT id FROM signin_values WHERE value = o.device)
FROM signins s JOIN signin_groups_v3 o ON o.rid = s.rowid;
DROP TABLE signin_groups_v3;
DROP TABLE signins;
DROP TABLE signin_values_v3;
ALTER TABLE signins_v4 RENAME TO signins;
-- A named unique index rather than a primary key, so that a bulk import could drop it and build it
-- again at the end (measured: not worth it while parsing is the slower thread).
CREATE UNIQUE INDEX signins_request ON signins(request_id);
CREATE INDEX signins_identity_time ON signins(identity_id, time_ms);

-- Sign-ins with every value as text, for evidence and ad-hoc queries (analysis groups by the ids).
CREATE VIEW signin_view AS SELECT
  s.request_id, s.category, s.time_ms, s.identity_id, s.correlation_id, s.asn, s.error_code, s.file_id, s.line,
  principal.value ->> 0 AS user_id,
  principal.value ->> 1 AS upn,
  principal.value ->> 2 AS user_display_name,
  principal.value ->> 3 AS user_type,
  principal.value ->> 4 AS sp_id,
  principal.value ->> 5 AS sp_name,
  principal.value ->> 6 AS home_tenant_id,
  app.value ->> 0 AS app_id,
  app.value ->> 1 AS app_name,
  resource.value ->> 0 AS resource_id,
  resource.value ->> 1 AS resource_name,
  resource.value ->> 2 AS resource_tenant_id,
  client.value ->> 0 AS client_app,
  client.value ->> 1 AS user_agent,
  client.value ->> 2 AS operating_system,
  client.value ->> 3 AS browser,
  ip.value ->> 0 AS ip,
  location.value ->> 0 AS city,
  location.value ->> 1 AS state,
  location.value ->> 2 AS country,
  outcome.value ->> 0 AS status,
  outcome.value ->> 1 AS failure_reason,
  auth.value ->> 0 AS auth_requirement,
  auth.value ->> 1 AS auth_protocol,
  auth.value ->> 2 AS mfa_result,
  auth.value ->> 3 AS mfa_method,
  auth.value ->> 4 AS incoming_token_type,
  auth.value ->> 5 AS cross_tenant_access,
  auth.value ->> 6 AS conditional_access,
  credential.value ->> 0 AS credential_type,
  credential.value ->> 1 AS credential_key_id,
  credential.value ->> 2 AS credential_thumbprint,
  workload.value ->> 0 AS msi_type,
  workload.value ->> 1 AS associated_resource_id,
  device.value ->> 0 AS device_id
FROM signins s
  LEFT JOIN signin_values principal ON principal.id = s.principal_ref
  LEFT JOIN signin_values app ON app.id = s.app_ref
  LEFT JOIN signin_values resource ON resource.id = s.resource_ref
  LEFT JOIN signin_values client ON client.id = s.client_ref
  LEFT JOIN signin_values ip ON ip.id = s.ip_ref
  LEFT JOIN signin_values location ON location.id = s.location_ref
  LEFT JOIN signin_values outcome ON outcome.id = s.outcome_ref
  LEFT JOIN signin_values auth ON auth.id = s.auth_ref
  LEFT JOIN signin_values credential ON credential.id = s.credential_ref
  LEFT JOIN signin_values workload ON workload.id = s.workload_ref
  LEFT JOIN signin_values device ON device.id = s.device_ref;
`;
