import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * One input to import, whatever holds it: a file on disk, or an entry of a zip archive. The
 * importer only ever streams it, so an entry is never extracted to disk or held in memory.
 */
export interface InputSource {
  /** Where it came from, as shown to the user and stored as provenance (`a.zip!dir/b.csv` for entries). */
  readonly path: string;
  readonly name: string;
  readonly size: number;
  /** The file on disk, when the input is one (another thread can then read it itself). */
  readonly filePath?: string;
  /** A fresh stream of its bytes from `start` (inclusive) to `end` (inclusive). */
  open(range?: { start?: number; end?: number }): Readable;
}

export function fileSource(path: string, size: number): InputSource {
  return {
    path,
    name: basename(path),
    size,
    filePath: path,
    open: (range) => createReadStream(path, { highWaterMark: 1 << 16, ...range }),
  };
}
