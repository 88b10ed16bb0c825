import { isoFromMs, parseTimestamp } from '../values';

/**
 * JSON values as the importer builds them: objects are null-prototype records whose keys are
 * lower-cased, so `createdDateTime` (Graph), `CreatedDateTime` (PowerShell) and `createddatetime`
 * read alike, and a `__proto__` key is an ordinary own property that cannot reach any prototype.
 */
export type JsonValue = null | boolean | number | string | JsonArray | JsonObject;
export type JsonArray = JsonValue[];
export interface JsonObject {
  [key: string]: JsonValue;
}

export function newJsonObject(): JsonObject {
  return Object.create(null) as JsonObject;
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return v != null && typeof v === 'object' && !Array.isArray(v);
}

/** Builds a JsonObject from plain entries (tests, and mappers that synthesise nested values). */
export function jsonObject(entries: Record<string, JsonValue>): JsonObject {
  const o = newJsonObject();
  for (const [k, v] of Object.entries(entries)) o[k.toLowerCase()] = v;
  return o;
}

/**
 * A property by its (lower-case) name. The Graph PowerShell SDK moves properties its model lacks
 * into `AdditionalProperties`, so a missing property is looked up there too.
 */
export function prop(o: JsonObject | null | undefined, name: string): JsonValue | undefined {
  if (!o) return undefined;
  const own = Object.hasOwn(o, name) ? o[name] : undefined;
  if (own !== undefined) return own;
  const extra = Object.hasOwn(o, 'additionalproperties') ? o['additionalproperties'] : undefined;
  return isObject(extra) && Object.hasOwn(extra, name) ? extra[name] : undefined;
}

export function has(o: JsonObject | null | undefined, name: string): boolean {
  return prop(o, name) !== undefined;
}

/** A non-empty string; numbers become text (ids are sometimes numbers in LA and PowerShell output). */
export function str(o: JsonObject | null | undefined, name: string): string | null {
  return text(prop(o, name));
}

export function text(v: JsonValue | undefined): string | null {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function lower(o: JsonObject | null | undefined, name: string): string | null {
  return str(o, name)?.toLowerCase() ?? null;
}

export function obj(o: JsonObject | null | undefined, name: string): JsonObject | null {
  const v = prop(o, name);
  return isObject(v) ? v : null;
}

export function arr(o: JsonObject | null | undefined, name: string): JsonArray {
  const v = prop(o, name);
  return Array.isArray(v) ? v : [];
}

/** Array elements that are objects; anything else (PowerShell's cut-off type names) is skipped. */
export function objects(o: JsonObject | null | undefined, name: string): JsonObject[] {
  return arr(o, name).filter(isObject);
}

export function strings(o: JsonObject | null | undefined, name: string): string[] {
  const out: string[] = [];
  for (const v of arr(o, name)) {
    const t = text(v);
    if (t != null) out.push(t);
  }
  return out;
}

/** true/false, or their spellings as text ("True" from PowerShell CSV-to-JSON conversions). */
export function bool(o: JsonObject | null | undefined, name: string): boolean | null {
  const v = prop(o, name);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return null;
}

export function num(o: JsonObject | null | undefined, name: string): number | null {
  const v = prop(o, name);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^-?\d+(?:\.\d+)?$/u.test(v.trim())) return Number(v.trim());
  return null;
}

/**
 * A timestamp in any form the JSON exports use: ISO-8601 text, Windows PowerShell's
 * `\/Date(ms)\/`, or the object PowerShell 5.1 makes of a DateTime that carries note properties:
 * `{"value": "\/Date(ms)\/", "DisplayHint": 2, "DateTime": "Tuesday, …"}`.
 */
export function timeMs(v: JsonValue | undefined): number | null {
  if (typeof v === 'string') return parseTimestamp(v);
  if (isObject(v)) {
    const inner = prop(v, 'value');
    if (typeof inner === 'string') return parseTimestamp(inner);
    const dt = prop(v, 'datetime');
    return typeof dt === 'string' ? parseTimestamp(dt) : null;
  }
  return null;
}

export function isoTime(o: JsonObject | null | undefined, name: string): string | null {
  return isoFromMs(timeMs(prop(o, name)));
}

/** True when a timestamp is in one of Windows PowerShell's forms rather than ISO text. */
export function isPowerShellDate(v: JsonValue | undefined): boolean {
  if (typeof v === 'string') return /^\/?Date\(/u.test(v.trim());
  return isObject(v) && (has(v, 'displayhint') || typeof prop(v, 'value') === 'string');
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export function isGuid(v: string | null | undefined): v is string {
  return v != null && GUID.test(v);
}

/**
 * ConvertTo-Json's default depth (2) replaces deeper objects by their .NET type name, and
 * Export-Csv-then-convert does the same for collections: such a value is data that was lost.
 */
export function isTypeNameStub(v: JsonValue | undefined): boolean {
  return typeof v === 'string' && /^(?:Microsoft\.Graph\.PowerShell\.Models\.|System\.(?:Object|Collections|String)\b)/u.test(v);
}
