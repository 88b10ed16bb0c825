import type { StateFs } from '../../../electron/main/state/files';

/** An in-memory StateFs: `files` holds the text files, `others` paths that exist as plain files. */
export function memoryFs(others: Iterable<string> = []): StateFs & { files: Map<string, string>; present: Set<string>; failWrites: boolean; writes: number } {
  const fs = {
    files: new Map<string, string>(),
    present: new Set(others),
    failWrites: false,
    writes: 0,
    read: async (path: string) => fs.files.get(path) ?? null,
    write: async (path: string, text: string) => {
      await new Promise((r) => setTimeout(r, 1));
      if (fs.failWrites) throw new Error('disk full');
      fs.writes += 1;
      fs.files.set(path, text);
    },
    isFile: async (path: string) => fs.present.has(path) || fs.files.has(path),
  };
  return fs;
}
