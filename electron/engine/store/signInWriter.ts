import type { Statement } from 'better-sqlite3';
import type { SignInRecord } from '../../../shared/domain/records';
import type { Db } from '../db/open';

const COLUMNS = [
  'request_id', 'category', 'time_ms', 'identity_id', 'user_id', 'upn', 'user_display_name', 'user_type', 'sp_id',
  'sp_name', 'app_id', 'app_name', 'resource_id', 'resource_name', 'client_app', 'user_agent', 'ip', 'city', 'state',
  'country', 'asn', 'status', 'error_code', 'failure_reason', 'auth_requirement', 'auth_protocol', 'mfa_result',
  'mfa_method', 'incoming_token_type', 'cross_tenant_access', 'credential_type', 'credential_key_id',
  'credential_thumbprint', 'msi_type', 'associated_resource_id', 'conditional_access', 'device_id',
  'operating_system', 'browser', 'home_tenant_id', 'resource_tenant_id', 'correlation_id', 'file_id', 'line',
] as const;

/** Inserts sign-ins keyed by request id: an event already present (overlapping exports) is not counted twice. */
export class SignInWriter {
  private readonly insert: Statement<unknown[]>;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO signins (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
  }

  /** Returns false when the request id was already in the engagement. */
  write(r: SignInRecord, identityId: number | null, fileId: number, line: number): boolean {
    const info = this.insert.run(
      r.requestId, r.category, r.timeMs, identityId, r.userId, r.upn, r.userDisplayName, r.userType, r.spId,
      r.spName, r.appId, r.appName, r.resourceId, r.resourceName, r.clientApp, r.userAgent, r.ip, r.city, r.state,
      r.country, r.asn, r.status, r.errorCode, r.failureReason, r.authRequirement, r.authProtocol, r.mfaResult,
      r.mfaMethod, r.incomingTokenType, r.crossTenantAccess, r.credentialType, r.credentialKeyId,
      r.credentialThumbprint, r.msiType, r.associatedResourceId, r.conditionalAccess, r.deviceId,
      r.operatingSystem, r.browser, r.homeTenantId, r.resourceTenantId, r.correlationId, fileId, line,
    );
    return info.changes > 0;
  }
}
