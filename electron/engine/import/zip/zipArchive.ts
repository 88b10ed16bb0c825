import { posix } from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { InputSource } from '../source';
import { openEntry } from './entryStream';

/** Guards against archive bombs; an archive beyond any of them is refused as a whole. */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the uncompressed sizes of the entries that would be read. */
  maxTotalBytes: number;
  /** Uncompressed size over compressed size, for any one entry. */
  maxRatio: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 4 * 1024 ** 3, maxRatio: 200 };

export interface ZipProblem {
  path: string;
  error: string;
}

export type ZipExpansion =
  | { ok: true; sources: InputSource[]; problems: ZipProblem[]; close(): void }
  | { ok: false; error: string };

const count = (n: number): string => n.toLocaleString('en-US');
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;
const NOTHING = 'Nothing from this archive was imported.';

/** Entries that are not exports: folders, macOS resource forks, hidden files. */
function skipped(name: string, ignored: (base: string) => boolean): boolean {
  if (name.endsWith('/')) return true;
  const parts = name.split('/');
  if (parts[0] === '__MACOSX') return true;
  if (parts.some((p) => p.startsWith('.'))) return true;
  return ignored(posix.basename(name));
}

/** What cannot be read from one entry, or null when it can be. */
function entryProblem(entry: Entry): string | null {
  if (entry.isEncrypted()) {
    return 'This archive entry is encrypted (password-protected). Extract it with its password and import the extracted file.';
  }
  if (!entry.canDecodeFileData()) {
    return `This archive entry uses compression method ${entry.compressionMethod}, which this version cannot read. Re-create the archive with standard (Deflate) compression, or extract it first.`;
  }
  if (/\.zip$/iu.test(entry.fileName)) {
    return 'An archive inside an archive is not opened. Extract the outer archive and import the inner one.';
  }
  return null;
}

function bombMessage(entry: Entry, limits: ZipLimits): string | null {
  const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 0;
  if (ratio <= limits.maxRatio) return null;
  const shown = Number.isFinite(ratio) ? `${count(Math.round(ratio))}:1` : 'from nothing';
  return (
    `Refused: the entry ${entry.fileName} would expand ${shown} (${count(entry.compressedSize)} bytes to ${count(entry.uncompressedSize)}), ` +
    `beyond the ${limits.maxRatio}:1 allowed. This looks like a zip bomb. ${NOTHING}`
  );
}

/**
 * Opens a .zip archive and lists its entries as inputs, without extracting anything: each entry is
 * streamed from the archive when it is read. `only` keeps one entry (or one folder of entries),
 * for a re-import of `archive.zip!folder/file.csv`. The archive stays open until `close()`.
 */
export async function expandZip(
  zipPath: string,
  options: { only?: string; ignored?: (base: string) => boolean; limits?: ZipLimits } = {},
): Promise<ZipExpansion> {
  const limits = options.limits ?? ZIP_LIMITS;
  const ignored = options.ignored ?? (() => false);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true });
  } catch (err) {
    return { ok: false, error: `This .zip archive cannot be read: it is damaged or not a zip file (${(err as Error).message}). ${NOTHING}` };
  }
  // A late error of the archive itself (its file vanished, a failed close) must not take the engine down:
  // reads report their own errors through their streams.
  zip.on('error', () => undefined);
  const refuse = (error: string): ZipExpansion => {
    zip.close();
    return { ok: false, error };
  };
  if (zip.entryCount > limits.maxEntries) {
    return refuse(
      `Refused: the archive holds ${count(zip.entryCount)} entries, more than the ${count(limits.maxEntries)} allowed (a guard against archive bombs). ` +
        `Split it, or extract the exports you need. ${NOTHING}`,
    );
  }
  const entries: Entry[] = [];
  const problems: ZipProblem[] = [];
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (skipped(entry.fileName, ignored)) continue;
      if (options.only != null && entry.fileName !== options.only && !entry.fileName.startsWith(`${options.only.replace(/\/$/u, '')}/`)) continue;
      const problem = entryProblem(entry);
      if (problem) {
        problems.push({ path: `${zipPath}!${entry.fileName}`, error: problem });
        continue;
      }
      const bomb = bombMessage(entry, limits);
      if (bomb) return refuse(bomb);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        return refuse(
          `Refused: the archive expands to more than ${gb(limits.maxTotalBytes)} (a guard against archive bombs). Extract it and import the files, ` +
            `or split it into smaller archives. ${NOTHING}`,
        );
      }
      entries.push(entry);
    }
  } catch (err) {
    return refuse(`This .zip archive is damaged: its list of entries cannot be read (${(err as Error).message}). ${NOTHING}`);
  }
  if (entries.length === 0 && problems.length === 0) {
    return refuse(options.only != null ? `The archive has no entry ${options.only}.` : 'The archive holds no files to import.');
  }
  entries.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  const sources = entries.map(
    (entry): InputSource => ({
      path: `${zipPath}!${entry.fileName}`,
      name: posix.basename(entry.fileName),
      size: entry.uncompressedSize,
      open: (range) => openEntry(zip, entry, range),
    }),
  );
  return { ok: true, sources, problems, close: () => zip.close() };
}
