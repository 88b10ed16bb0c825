import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

export interface InputFile {
  path: string;
  size: number;
}

export interface Collected {
  files: InputFile[];
  /** Inputs that could not be read at all (missing path, permission). */
  problems: { path: string; error: string }[];
}

/** Provenance notes written next to real samples; never export data. */
const IGNORED = [/^\./u, /\.SOURCE\.txt$/iu, /^README(\.md|\.txt)?$/iu, /^~\$/u, /^desktop\.ini$/iu, /^thumbs\.db$/iu];

/** Expands folders recursively (sorted, so runs are reproducible) and checks that each path exists. */
export async function collectInputs(paths: readonly string[]): Promise<Collected> {
  const files: InputFile[] = [];
  const problems: Collected['problems'] = [];
  const seen = new Set<string>();
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    const full = resolve(p);
    let st;
    try {
      st = await stat(full);
    } catch (err) {
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
    if (!explicit && IGNORED.some((re) => re.test(basename(full)))) return;
    if (seen.has(full)) return;
    seen.add(full);
    files.push({ path: full, size: st.size });
  };
  for (const p of paths) await visit(p, true);
  return { files, problems };
}
