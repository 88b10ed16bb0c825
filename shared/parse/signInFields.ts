import type { SignInRecord } from '../domain/records';

type Field = keyof SignInRecord;

/**
 * Sign-in values stored through the value dictionary, in groups of values that travel together
 * (a user's id, UPN and name; an app's id and name; a location's city, state and country). Each
 * distinct combination is stored once, as a JSON array in `signin_values`, and a sign-in holds
 * one id per group in `<column>_ref`. Eleven ids a row instead of thirty-five: the insert binds
 * fewer values (imports of millions of rows are CPU-bound on exactly that) and analysis groups on
 * a few small integers. `signin_view` gives every field back by name.
 *
 * The order of groups and of fields within a group is part of the engagement format: change it
 * only with a migration.
 */
export const SIGNIN_VALUE_GROUPS = [
  {
    column: 'principal',
    fields: [
      ['userId', 'user_id'],
      ['upn', 'upn'],
      ['userDisplayName', 'user_display_name'],
      ['userType', 'user_type'],
      ['spId', 'sp_id'],
      ['spName', 'sp_name'],
      ['homeTenantId', 'home_tenant_id'],
    ],
  },
  { column: 'app', fields: [['appId', 'app_id'], ['appName', 'app_name']] },
  { column: 'resource', fields: [['resourceId', 'resource_id'], ['resourceName', 'resource_name'], ['resourceTenantId', 'resource_tenant_id']] },
  {
    column: 'client',
    fields: [['clientApp', 'client_app'], ['userAgent', 'user_agent'], ['operatingSystem', 'operating_system'], ['browser', 'browser']],
  },
  { column: 'ip', fields: [['ip', 'ip']] },
  { column: 'location', fields: [['city', 'city'], ['state', 'state'], ['country', 'country']] },
  { column: 'outcome', fields: [['status', 'status'], ['failureReason', 'failure_reason']] },
  {
    column: 'auth',
    fields: [
      ['authRequirement', 'auth_requirement'],
      ['authProtocol', 'auth_protocol'],
      ['mfaResult', 'mfa_result'],
      ['mfaMethod', 'mfa_method'],
      ['incomingTokenType', 'incoming_token_type'],
      ['crossTenantAccess', 'cross_tenant_access'],
      ['conditionalAccess', 'conditional_access'],
    ],
  },
  {
    column: 'credential',
    fields: [['credentialType', 'credential_type'], ['credentialKeyId', 'credential_key_id'], ['credentialThumbprint', 'credential_thumbprint']],
  },
  { column: 'workload', fields: [['msiType', 'msi_type'], ['associatedResourceId', 'associated_resource_id']] },
  { column: 'device', fields: [['deviceId', 'device_id']] },
] as const satisfies readonly { column: string; fields: readonly (readonly [Field, string])[] }[];

export type SignInValueGroup = (typeof SIGNIN_VALUE_GROUPS)[number];
/** Every record field stored through a value group. */
export type GroupField = SignInValueGroup['fields'][number][0];

/** The record fields of each group, in order (for the hot loops that build keys). */
export const GROUP_FIELDS: readonly (readonly Field[])[] = SIGNIN_VALUE_GROUPS.map((g) => g.fields.map(([f]) => f));

/** Length mark of a null value in a key (real lengths are below it). */
const NULL_MARK = '\ufffe';
/** First character of the key of a combination with a value too long for a length mark. */
const LONG_MARK = '\uffff';

/**
 * The in-memory key of a group's values, or null when every value is null (the row stores no id).
 * Cheaper than JSON for the millions of rows that only look a combination up, and exact whatever
 * the values contain: one character per value gives its length (or null), then the values follow.
 */
export function groupKey(r: SignInRecord, fields: readonly Field[]): string | null {
  let head = '';
  let body = '';
  let any = false;
  for (let i = 0; i < fields.length; i++) {
    const v = r[fields[i] as Field] as string | null;
    if (v == null) {
      head += NULL_MARK;
      continue;
    }
    if (v.length >= 0xfffe) return LONG_MARK + groupValue(r, fields);
    head += String.fromCharCode(v.length);
    body += v;
    any = true;
  }
  return any ? head + body : null;
}

/** What a group's combination is stored as: a JSON array, null for a missing value. */
export function groupValue(r: SignInRecord, fields: readonly Field[]): string {
  return JSON.stringify(fields.map((f) => (r[f] as string | null) ?? null));
}

/** The values of a stored combination (null for no combination), in the group's field order. */
export function parseGroupValue(stored: string | null): (string | null)[] | null {
  return stored == null ? null : (JSON.parse(stored) as (string | null)[]);
}

/** Column index of a field within its group, for readers of `signin_values`. */
export function fieldIndex(column: SignInValueGroup['column'], field: Field): number {
  const g = SIGNIN_VALUE_GROUPS.find((x) => x.column === column);
  const i = g ? (g.fields as readonly (readonly [Field, string])[]).findIndex(([f]) => f === field) : -1;
  if (i < 0) throw new Error(`${field} is not in the ${column} group`);
  return i;
}
