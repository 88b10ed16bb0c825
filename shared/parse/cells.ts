/**
 * Cells that hold more than one value: JSON written into a CSV cell (the new users download puts a
 * whole complex property in one cell; some scripts flatten arrays with ConvertTo-Json), delimited
 * lists, and the type names Windows PowerShell's Export-Csv writes in place of nested data.
 */

/**
 * `Export-Csv` calls ToString() on nested objects and arrays, which yields the .NET type name
 * (`System.Object[]`, `Microsoft.Graph.PowerShell.Models.MicrosoftGraphPasswordCredential[]`,
 * `System.Collections.Generic.Dictionary`2[System.String,System.Object]`). Plain names such as the
 * real service principal "Microsoft.Azure.SyncFabric" must not match, so a bare dotted name only
 * counts when it is an array, a generic, a System type or lives in a `.Models.` namespace.
 */
export function isPowerShellTypeName(raw: string | undefined | null): boolean {
  if (raw == null) return false;
  const v = raw.trim();
  if (!/^(?:System|Microsoft)\.[\w.`+]+(?:\[[\w.,`+\s[\]]*\])?$/u.test(v)) return false;
  return v.endsWith('[]') || v.includes('`') || v.startsWith('System.') || /\.Models?\./u.test(v);
}

/** JSON held in a cell, or undefined when the cell is not JSON (most cells). */
export function parseJsonCell(raw: string | undefined | null): unknown {
  if (raw == null) return undefined;
  const v = raw.trim();
  if (!(v.startsWith('{') && v.endsWith('}')) && !(v.startsWith('[') && v.endsWith(']'))) return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A property read case-insensitively: Graph writes camelCase, the PowerShell SDK PascalCase. */
export function prop(obj: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) {
    if (name in obj) return obj[name];
    const lower = name.toLowerCase();
    for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  }
  return undefined;
}

/** A property as trimmed text, or null. PowerShell's JSON dates ({"value": "/Date(…)/", "DateTime": …}) give their value. */
export function propText(obj: Record<string, unknown>, ...names: string[]): string | null {
  const v = prop(obj, ...names);
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isRecord(v)) {
    const inner = prop(v, 'value', 'DateTime');
    if (typeof inner === 'string' && inner.trim() !== '') return inner.trim();
  }
  return null;
}

/**
 * A list in one cell: a JSON array, or names separated by semicolons, commas or line breaks
 * (the portal joins friendly names with ", "; European re-saves and scripts use ";").
 */
export function splitList(raw: string | undefined | null): string[] {
  if (raw == null) return [];
  const json = parseJsonCell(raw);
  if (Array.isArray(json)) {
    return json.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter((x) => x !== '');
  }
  return raw
    .split(/[;,\r\n|]/u)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** A scalar cell, or null when it holds JSON: a complex value must never be stored as if it were text. */
export function scalarOrNull(raw: string | undefined | null): string | null {
  if (raw == null) return null;
  const v = raw.trim();
  if (v === '' || parseJsonCell(v) !== undefined) return null;
  return v;
}
