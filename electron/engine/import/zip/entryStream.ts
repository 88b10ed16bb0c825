import { PassThrough, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';

/** Turns what yauzl or zlib says about a bad entry into words for the person importing it. */
function entryError(err: Error): Error {
  const m = err.message;
  if (/too many bytes/iu.test(m)) {
    return new Error(`the archive entry expands to more data than its header declares (a sign of a zip bomb or of damage): ${m}`);
  }
  if (/too few bytes/iu.test(m)) return new Error(`the archive entry is shorter than its header declares (the archive is damaged): ${m}`);
  return new Error(`the archive entry is damaged (${m})`);
}

/**
 * A fresh stream of one entry's uncompressed bytes from `start` to `end` (both inclusive), read
 * from the archive each time: nothing is extracted to disk. A stored entry is read from the
 * requested offset; a compressed one is inflated from its start and cut, and inflation stops as
 * soon as the range is delivered (sniffing the first 64 KB of a 4 GB entry reads only that).
 * A whole read checks the entry's CRC-32, which yauzl does not.
 */
export function openEntry(zip: ZipFile, entry: Entry, range?: { start?: number; end?: number }): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const size = entry.uncompressedSize;
  const start = Math.max(0, range?.start ?? 0);
  const end = Math.min(size - 1, range?.end ?? Number.MAX_SAFE_INTEGER);
  if (end < start) {
    out.end();
    return out;
  }
  const whole = start === 0 && end === size - 1;
  const stored = entry.compressionMethod === 0 && !entry.isEncrypted();
  const options = stored && !whole ? { start, end: end + 1 } : {};
  zip.openReadStream(entry, options, (err, stream) => {
    if (err) {
      out.destroy(entryError(err));
      return;
    }
    if (out.destroyed) {
      stream.destroy();
      return;
    }
    let pos = stored && !whole ? start : 0;
    let crc = 0;
    let finished = false;
    const stop = (): void => {
      finished = true;
      stream.removeAllListeners('data');
      stream.destroy();
    };
    stream.on('data', (chunk: Buffer) => {
      const from = Math.max(0, start - pos);
      const to = Math.min(chunk.length, end + 1 - pos);
      pos += chunk.length;
      if (whole) crc = crc32(chunk, crc);
      if (to > from && !out.write(to - from === chunk.length ? chunk : chunk.subarray(from, to))) stream.pause();
      if (pos > end && !whole) {
        stop();
        out.end();
      }
    });
    stream.on('end', () => {
      if (finished) return;
      finished = true;
      if (whole && crc >>> 0 !== entry.crc32 >>> 0) {
        out.destroy(new Error('the archive entry is damaged (its CRC-32 checksum does not match its content)'));
        return;
      }
      out.end();
    });
    stream.on('error', (e: Error) => {
      if (!finished) out.destroy(entryError(e));
    });
    out.on('drain', () => stream.resume());
    out.on('close', () => {
      if (!finished) stop();
    });
  });
  return out;
}
