import { statSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The little file access remembered state needs; injected so the tests run it in memory. */
export interface StateFs {
  /** The file's text, or null when it does not exist. */
  read(path: string): Promise<string | null>;
  write(path: string, text: string): Promise<void>;
  isFile(path: string): Promise<boolean>;
}

export const nodeStateFs: StateFs = {
  read: async (path) => {
    try {
      return await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  },
  write: async (path, text) => {
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed over, so a crash mid-write never leaves half a JSON file behind.
    const aside = `${path}.${process.pid}.tmp`;
    await writeFile(aside, text, 'utf8');
    await rename(aside, path);
  },
  isFile: async (path) => {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  },
};

/** For the few checks at launch and on a second launch, where an answer is needed before the next line runs. */
export function isFileSync(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
