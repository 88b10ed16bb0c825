/**
 * Header normalisation: portal headers carry trailing spaces ("Application ID "), doubled spaces
 * ("Autonomous system  number"), BOMs and `[UTC]` suffixes, and repeat names ("Incoming token type"
 * twice). Columns are matched by normalised name, never by position.
 */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/u, '')
    .trim()
    .replace(/\s+/gu, ' ')
    .toLowerCase();
}

export interface HeaderIndex {
  /** Normalised names in file order (duplicates included). */
  readonly names: readonly string[];
  /** Every position of each normalised name, in file order. */
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

export function indexHeader(rawHeader: readonly string[]): HeaderIndex {
  const names = rawHeader.map(normaliseHeader);
  const positions = new Map<string, number[]>();
  names.forEach((name, i) => {
    const list = positions.get(name);
    if (list) list.push(i);
    else positions.set(name, [i]);
  });
  return { names, positions };
}

/**
 * A field's aliases resolved against one file's header: the reader takes the first non-empty value
 * among all matching positions, so a repeated header never silently overwrites its twin.
 */
export type ColumnPicker = (row: readonly string[]) => string | undefined;

/** The positions a picker for these aliases reads, in the order it tries them. */
export function pickerColumns(index: HeaderIndex, aliases: readonly string[]): number[] {
  const cols: number[] = [];
  for (const alias of aliases) for (const p of index.positions.get(alias) ?? []) cols.push(p);
  return cols;
}

export function picker(index: HeaderIndex, aliases: readonly string[]): ColumnPicker | null {
  const cols = pickerColumns(index, aliases);
  if (cols.length === 0) return null;
  if (cols.length === 1) {
    const c = cols[0] as number;
    return (row) => row[c];
  }
  return (row) => {
    for (const c of cols) {
      const v = row[c];
      if (v !== undefined && v !== '') return v;
    }
    return undefined;
  };
}

export function hasAll(index: HeaderIndex, names: readonly string[]): boolean {
  return names.every((n) => index.positions.has(n));
}
