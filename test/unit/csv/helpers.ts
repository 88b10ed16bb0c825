import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ImportOutcome } from '../../../shared/contract/dto';
import type { ImportKind } from '../../../shared/domain/importKinds';
import { FIXTURES } from '../../support/paths';
import { inProcessEngine } from '../../support/engineHarness';

export const CSV = join(FIXTURES, 'csv');
export const fixture = (name: string): string => join(CSV, name);

export interface Imported {
  outcomes: ImportOutcome[];
  /** The outcome of the one file whose name starts with `prefix`. */
  outcome(prefix: string): ImportOutcome;
  /** A read-only connection to the engagement, to assert what was written. */
  db: Database.Database;
  dir: string;
  /** Imports more inputs into the same engagement. */
  more(paths: string[], kinds?: Record<string, ImportKind>): Promise<ImportOutcome[]>;
  close(): Promise<void>;
}

/** Imports inputs into a fresh engagement through the real engine, as the app and the CLI do (none: an empty engagement). */
export async function importInto(paths: string[], kinds: Record<string, ImportKind> = {}): Promise<Imported> {
  const h = inProcessEngine();
  await h.call('engagement:create', { path: join(h.dir, 'e.nhiaudit'), name: 'csv kinds' });
  const run = async (p: string[], k: Record<string, ImportKind>): Promise<ImportOutcome[]> => {
    const r = await h.job((await h.call('import:start', { paths: p, kinds: k })).jobId);
    if (r.kind !== 'import') throw new Error('not an import');
    return r.outcomes;
  };
  const outcomes = paths.length > 0 ? await run(paths, kinds) : [];
  const db = new Database(join(h.dir, 'e.nhiaudit'), { readonly: true });
  return {
    outcomes,
    outcome(prefix) {
      const found = outcomes.filter((o) => o.name.startsWith(prefix));
      if (found.length !== 1) throw new Error(`${found.length} outcomes named ${prefix}…`);
      return found[0] as ImportOutcome;
    },
    db,
    dir: h.dir,
    more: (p, k = {}) => run(p, k),
    async close() {
      db.close();
      await h.engine.shutdown();
    },
  };
}

export function rows<T>(db: Database.Database, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[];
}
