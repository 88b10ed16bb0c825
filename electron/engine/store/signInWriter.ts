import type { Statement } from 'better-sqlite3';
import type { SignInRecord } from '../../../shared/domain/records';
import type { Db } from '../db/open';
import { ValueDictionary } from './valueDictionary';

/** Record fields stored through the value dictionary, in column order (`<column>_ref`). */
const DICTIONARY_FIELDS = [
  ['userId', 'user_id'],
  ['upn', 'upn'],
  ['userDisplayName', 'user_display_name'],
  ['userType', 'user_type'],
  ['spId', 'sp_id'],
  ['spName', 'sp_name'],
  ['appId', 'app_id'],
  ['appName', 'app_name'],
  ['resourceId', 'resource_id'],
  ['resourceName', 'resource_name'],
  ['clientApp', 'client_app'],
  ['userAgent', 'user_agent'],
  ['ip', 'ip'],
  ['city', 'city'],
  ['state', 'state'],
  ['country', 'country'],
  ['status', 'status'],
  ['failureReason', 'failure_reason'],
  ['authRequirement', 'auth_requirement'],
  ['authProtocol', 'auth_protocol'],
  ['mfaResult', 'mfa_result'],
  ['mfaMethod', 'mfa_method'],
  ['incomingTokenType', 'incoming_token_type'],
  ['crossTenantAccess', 'cross_tenant_access'],
  ['credentialType', 'credential_type'],
  ['credentialKeyId', 'credential_key_id'],
  ['credentialThumbprint', 'credential_thumbprint'],
  ['msiType', 'msi_type'],
  ['associatedResourceId', 'associated_resource_id'],
  ['conditionalAccess', 'conditional_access'],
  ['deviceId', 'device_id'],
  ['operatingSystem', 'operating_system'],
  ['browser', 'browser'],
  ['homeTenantId', 'home_tenant_id'],
  ['resourceTenantId', 'resource_tenant_id'],
] as const satisfies readonly (readonly [keyof SignInRecord, string])[];

const COLUMNS = [
  'request_id', 'category', 'time_ms', 'identity_id', 'correlation_id', 'asn', 'error_code', 'file_id', 'line',
  ...DICTIONARY_FIELDS.map(([, column]) => `${column}_ref`),
];

/** Inserts sign-ins keyed by request id: an event already present (overlapping exports) is not counted twice. */
export class SignInWriter {
  private readonly insert: Statement<unknown[]>;
  private readonly values: ValueDictionary;
  private readonly row: unknown[] = new Array(COLUMNS.length);

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO signins (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    this.values = new ValueDictionary(db);
  }

  /** Returns false when the request id was already in the engagement. */
  write(r: SignInRecord, identityId: number | null, fileId: number, line: number): boolean {
    const row = this.row;
    row[0] = r.requestId;
    row[1] = r.category;
    row[2] = r.timeMs;
    row[3] = identityId;
    row[4] = r.correlationId;
    row[5] = r.asn;
    row[6] = r.errorCode;
    row[7] = fileId;
    row[8] = line;
    for (let i = 0; i < DICTIONARY_FIELDS.length; i++) {
      row[9 + i] = this.values.id(r[(DICTIONARY_FIELDS[i] as (typeof DICTIONARY_FIELDS)[number])[0]] as string | null);
    }
    return this.insert.run(row).changes > 0;
  }
}
