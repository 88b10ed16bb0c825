import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { CsvTokenizer } from './csvTokenizer';
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
  /** The data rows one at a time. Use either this or `batches`, not both. */
  rows: AsyncIterable<CsvRow>;
  /** The data rows a chunk at a time: the fast path for files of millions of rows. */
  batches: AsyncIterable<CsvRow[]>;
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

/**
 * Streams a delimited text file as rows: bytes are hashed, decoded (any split multi-byte character
 * kept whole) and tokenized a chunk at a time, so memory stays flat whatever the file size.
 */
export async function openCsv(source: InputSource, sniffed: Sniffed): Promise<CsvStream> {
  const raw = source.open();
  const hash = createHash('sha256');
  let bytes = 0;
  const decode = textDecoder(iconvName(sniffed.encoding));
  const tokenizer = new CsvTokenizer(sniffed.delimiter);

  async function* chunks(): AsyncGenerator<CsvRow[]> {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      const rows = tokenizer.push(decode(chunk));
      if (rows.length > 0) yield rows;
    }
    const rows = tokenizer.push(decode(null), true);
    if (rows.length > 0) yield rows;
  }
  const source$ = chunks();
  let buffered: CsvRow[] = [];
  let at = 0;
  const nextRow = async (): Promise<CsvRow | null> => {
    while (at >= buffered.length) {
      const r = await source$.next();
      if (r.done) return null;
      buffered = r.value;
      at = 0;
    }
    return buffered[at++] as CsvRow;
  };

  let first = await nextRow();
  if (first && sniffed.typeLine && first.fields[0]?.startsWith('#TYPE')) first = await nextRow();
  async function* batches(): AsyncGenerator<CsvRow[]> {
    if (at < buffered.length) yield buffered.slice(at);
    buffered = [];
    for await (const b of source$) yield b;
  }
  async function* rows(): AsyncGenerator<CsvRow> {
    for await (const b of batches()) yield* b;
  }
  let digest: string | null = null;
  return {
    header: first?.fields ?? [],
    headerLine: first?.line ?? 1,
    rows: first ? rows() : (async function* () {})(),
    batches: first ? batches() : (async function* () {})(),
    sha256: () => (digest ??= hash.digest('hex')),
    bytesRead: () => bytes,
    destroy: () => raw.destroy(),
  };
}
