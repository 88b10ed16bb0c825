import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileSource, type InputSource } from './source';
import { expandZip } from './zip/zipArchive';

export interface Collected {
  /** Every input to import, in a reproducible order: files, and the entries of .zip archives. */
  sources: InputSource[];
  /** Inputs that could not be read at all (missing path, permission, a damaged or refused archive). */
  problems: { path: string; error: string }[];
  /** Closes the archives the sources read from; call it once the import is over. */
  close(): void;
}

/** Provenance notes written next to real samples; never export data. */
const IGNORED = [/^\./u, /\.SOURCE\.txt$/iu, /^README(\.md|\.txt)?$/iu, /^~\$/u, /^desktop\.ini$/iu, /^thumbs\.db$/iu];
const isIgnored = (base: string): boolean => IGNORED.some((re) => re.test(base));
const isZip = (path: string): boolean => /\.zip$/iu.test(path);

/** `C:\x\a.zip!folder/b.csv` -> the archive and the entry (or folder) inside it. */
function splitArchivePath(path: string): { archive: string; inner: string } | null {
  const m = /\.zip!/iu.exec(path);
  if (!m) return null;
  const cut = m.index + 4;
  // Entry names use '/'; resolving the path on Windows turned them into '\\'.
  return { archive: path.slice(0, cut), inner: path.slice(cut + 1).replace(/\\/gu, '/') };
}

/**
 * Expands folders recursively (sorted, so runs are reproducible) and .zip archives into one input
 * per entry, and checks that each path exists. `archive.zip!folder/file.csv` names one entry.
 */
export async function collectInputs(paths: readonly string[]): Promise<Collected> {
  const sources: InputSource[] = [];
  const problems: Collected['problems'] = [];
  const closers: (() => void)[] = [];
  const seen = new Set<string>();

  const add = (source: InputSource): void => {
    if (seen.has(source.path)) return;
    seen.add(source.path);
    sources.push(source);
  };

  const openArchive = async (archive: string, only?: string): Promise<void> => {
    const zip = await expandZip(archive, { ignored: isIgnored, ...(only != null ? { only } : {}) });
    if (!zip.ok) {
      problems.push({ path: only != null ? `${archive}!${only}` : archive, error: zip.error });
      return;
    }
    closers.push(zip.close);
    problems.push(...zip.problems);
    for (const s of zip.sources) add(s);
  };

  const visit = async (p: string, explicit: boolean): Promise<void> => {
    const full = resolve(p);
    let st;
    try {
      st = await stat(full);
    } catch (err) {
      const inArchive = splitArchivePath(full);
      if (inArchive && explicit) {
        await openArchive(inArchive.archive, inArchive.inner);
        return;
      }
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ path: full, error: code === 'ENOENT' ? 'No such file or folder.' : `Cannot read it (${code ?? 'error'}).` });
      return;
    }
    if (st.isDirectory()) {
      const entries = (await readdir(full)).sort();
      for (const e of entries) await visit(join(full, e), false);
      return;
    }
    if (!st.isFile()) return;
    if (!explicit && isIgnored(basename(full))) return;
    if (isZip(full)) {
      if (seen.has(full)) return;
      seen.add(full);
      await openArchive(full);
      return;
    }
    add(fileSource(full, st.size));
  };

  try {
    for (const p of paths) await visit(p, true);
  } catch (err) {
    for (const c of closers) c();
    throw err;
  }
  return {
    sources,
    problems,
    close: () => {
      for (const c of closers.splice(0)) c();
    },
  };
}
