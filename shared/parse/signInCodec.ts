import type { SignInRecord } from '../domain/records';
import type { SignInCategory } from '../domain/vocabulary';

/**
 * A compact text form of sign-in records, for handing batches from the parsing thread to the
 * writing thread: one string per batch is copied between threads far faster than thousands of
 * objects. Fields are separated by U+001F and records by U+001E; null is U+0000. Those control
 * characters never occur in real exports; if one does, it is replaced by a space.
 */
const FIELD = '\u001f';
const RECORD = '\u001e';
const NULL = '\u0000';
// eslint-disable-next-line no-control-regex -- these control characters are the separators themselves
const CONTROL = /[\u0000\u001e\u001f]/gu;
// eslint-disable-next-line no-control-regex -- as above
const HAS_CONTROL = /[\u0000\u001e\u001f]/u;

type StringField = Exclude<keyof SignInRecord, 'timeMs' | 'asn' | 'errorCode' | 'category'>;

export const CODEC_STRING_FIELDS = [
  'requestId', 'userId', 'upn', 'userDisplayName', 'userType', 'spId', 'spName', 'appId', 'appName', 'resourceId',
  'resourceName', 'clientApp', 'userAgent', 'ip', 'city', 'state', 'country', 'status', 'failureReason', 'authRequirement',
  'authProtocol', 'mfaResult', 'mfaMethod', 'incomingTokenType', 'crossTenantAccess', 'credentialType', 'credentialKeyId',
  'credentialThumbprint', 'msiType', 'associatedResourceId', 'conditionalAccess', 'deviceId', 'operatingSystem', 'browser',
  'homeTenantId', 'resourceTenantId', 'correlationId',
] as const satisfies readonly StringField[];

const str = (v: string | null): string => (v == null ? NULL : HAS_CONTROL.test(v) ? v.replace(CONTROL, ' ') : v);
const num = (v: number | null): string => (v == null ? NULL : String(v));

export function encodeSignIn(r: SignInRecord, line: number): string {
  let out = `${r.category}${FIELD}${r.timeMs}${FIELD}${num(r.asn)}${FIELD}${num(r.errorCode)}${FIELD}${line}`;
  for (const f of CODEC_STRING_FIELDS) out += FIELD + str(r[f]);
  return out;
}

export function joinRecords(encoded: readonly string[]): string {
  return encoded.join(RECORD);
}

/** Decodes a batch; calls `each` with a record object that is reused between calls (copy what you keep). */
export function decodeSignIns(batch: string, each: (r: SignInRecord, line: number) => void): void {
  if (batch === '') return;
  const record = {} as Record<string, unknown>;
  for (const text of batch.split(RECORD)) {
    const f = text.split(FIELD);
    record.category = f[0] as SignInCategory;
    record.timeMs = Number(f[1]);
    record.asn = f[2] === NULL ? null : Number(f[2]);
    record.errorCode = f[3] === NULL ? null : Number(f[3]);
    const line = Number(f[4]);
    for (let i = 0; i < CODEC_STRING_FIELDS.length; i++) {
      const v = f[5 + i] as string;
      record[CODEC_STRING_FIELDS[i] as StringField] = v === NULL ? null : v;
    }
    each(record as unknown as SignInRecord, line);
  }
}
