import type { Db } from '../db/open';

const registered = new WeakMap<Db, Set<string>>();

/**
 * Makes a pure TypeScript function callable from SQL on this connection (once per connection), so
 * an export can ORDER BY exactly the judgement its cells show (a rule helper, a catalogue lookup)
 * without a second copy of that logic in SQL and without loading the rows to sort them in memory.
 */
export function sqlFunction(db: Db, name: string, fn: (...args: never[]) => string | number | null): void {
  const names = registered.get(db) ?? new Set<string>();
  if (names.has(name)) return;
  db.function(name, { deterministic: true }, fn as (...args: unknown[]) => string | number | null);
  names.add(name);
  registered.set(db, names);
}
