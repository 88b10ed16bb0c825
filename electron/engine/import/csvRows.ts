import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { CsvTokenizer, rowFields, type CellChunk } from './csvTokenizer';
import type { Sniffed } from './sniff';
import { iconvName } from './sniff';
import type { InputSource } from './source';

export interface CsvRow {
  fields: string[];
  /** Physical line (1-based) where the row starts, as a text editor shows it. */
  line: number;
}

export interface CsvStream {
  header: string[];
  headerLine: number;
  /** The data rows one at a time. Use either this or `cells`, not both. */
  rows: AsyncIterable<CsvRow>;
  /**
   * The data rows a chunk at a time as cell positions, from row `first` of each chunk: the fast
   * path for files of millions of rows.
   */
  cells: AsyncIterable<{ chunk: CellChunk; first: number }>;
  /** SHA-256 of every byte of the file; complete once the rows are exhausted. */
  sha256(): string;
  bytesRead(): number;
  destroy(): void;
}

/** Turns bytes into text across chunk boundaries (a character split between chunks is kept whole). */
function textDecoder(encoding: string): (bytes: Buffer | null) => string {
  if (encoding === 'utf8' || encoding === 'utf-8') {
    // TextDecoder drops a BOM and is several times faster than iconv's UTF-8 path on big files.
    const d = new TextDecoder('utf-8');
    return (bytes) => (bytes ? d.decode(bytes, { stream: true }) : d.decode());
  }
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  return (bytes) => (bytes ? d.write(bytes) : (d.end() ?? ''));
}

function materialize(chunk: CellChunk, first: number): CsvRow[] {
  const rows = new Array<CsvRow>(chunk.rows - first);
  for (let r = first; r < chunk.rows; r++) rows[r - first] = { fields: rowFields(chunk, r), line: chunk.line[r] as number };
  return rows;
}

export interface CsvOptions {
  /** Each chunk of bytes is handed here instead of being hashed (`sha256` is then unusable). */
  bytesTo?: (chunk: Buffer) => void;
  /**
   * Read a file on disk with blocking reads, for a thread that has nothing else to do: a stream
   * keeps one chunk read ahead, so a reader faster than the disk round trip waits on every chunk.
   */
  readSync?: boolean;
}

const CHUNK_BYTES = 1 << 16;

/** A file's bytes a chunk at a time, each chunk in memory of its own (it may be transferred). */
function* readChunks(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
      const n = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (n === 0) return;
      yield n === CHUNK_BYTES ? chunk : chunk.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

const isReadable = (x: unknown): x is Readable => x instanceof Readable;

/**
 * Streams a delimited text file as rows: bytes are hashed, decoded (any split multi-byte character
 * kept whole) and tokenized a chunk at a time, so memory stays flat whatever the file size.
 */
export async function openCsv(source: InputSource, sniffed: Sniffed, options: CsvOptions = {}): Promise<CsvStream> {
  const { bytesTo } = options;
  const raw: Iterable<Buffer> | AsyncIterable<Buffer> =
    options.readSync && source.filePath != null ? readChunks(source.filePath) : (source.open() as AsyncIterable<Buffer>);
  const hash = createHash('sha256');
  let bytes = 0;
  const decode = textDecoder(iconvName(sniffed.encoding));
  const tokenizer = new CsvTokenizer(sniffed.delimiter);

  async function* chunks(): AsyncGenerator<CellChunk> {
    for await (const chunk of raw) {
      if (bytesTo) bytesTo(chunk);
      else hash.update(chunk);
      bytes += chunk.length;
      const cells = tokenizer.scan(decode(chunk));
      if (cells.rows > 0) yield cells;
    }
    const cells = tokenizer.scan(decode(null), true);
    if (cells.rows > 0) yield cells;
  }
  const source$ = chunks();
  let buffered: CellChunk | null = null;
  let at = 0;
  const nextRow = async (): Promise<CsvRow | null> => {
    while (buffered === null || at >= buffered.rows) {
      const r = await source$.next();
      if (r.done) return null;
      buffered = r.value;
      at = 0;
    }
    const row = { fields: rowFields(buffered, at), line: buffered.line[at] as number };
    at++;
    return row;
  };

  let first = await nextRow();
  if (first && sniffed.typeLine && first.fields[0]?.startsWith('#TYPE')) first = await nextRow();
  async function* cells(): AsyncGenerator<{ chunk: CellChunk; first: number }> {
    const rest = buffered;
    buffered = null;
    if (rest && at < rest.rows) yield { chunk: rest, first: at };
    for await (const chunk of source$) yield { chunk, first: 0 };
  }
  async function* batches(): AsyncGenerator<CsvRow[]> {
    for await (const c of cells()) yield materialize(c.chunk, c.first);
  }
  async function* rows(): AsyncGenerator<CsvRow> {
    for await (const b of batches()) yield* b;
  }
  let digest: string | null = null;
  return {
    header: first?.fields ?? [],
    headerLine: first?.line ?? 1,
    rows: first ? rows() : (async function* () {})(),
    cells: first ? cells() : (async function* () {})(),
    sha256: () => {
      if (bytesTo) throw new Error('The bytes of this file were handed over, not hashed.');
      return (digest ??= hash.digest('hex'));
    },
    bytesRead: () => bytes,
    destroy: () => {
      if (isReadable(raw)) raw.destroy();
      else void (raw as Generator<Buffer>).return(undefined);
    },
  };
}
