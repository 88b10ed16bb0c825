import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Sniffed } from './sniff';
import { iconvName } from './sniff';
import type { InputSource } from './source';
import { Tap } from './tap';

export interface CsvRow {
  fields: string[];
  /** Physical line (1-based) where the row starts, as a text editor shows it. */
  line: number;
}

export interface CsvStream {
  header: string[];
  headerLine: number;
  rows: AsyncIterable<CsvRow>;
  /** SHA-256 of every byte of the file; complete once `rows` is exhausted. */
  sha256(): string;
  bytesRead(): number;
  destroy(): void;
}


function countNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.indexOf('\n') === -1) continue;
    for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * Streams a delimited text file as rows. Bytes are decoded to text before papaparse sees them,
 * because papaparse on raw buffers corrupts multi-byte UTF-8 split across chunk boundaries.
 */
export async function openCsv(source: InputSource, sniffed: Sniffed): Promise<CsvStream> {
  const raw = source.open();
  const tap = new Tap();
  const decoder = iconv.decodeStream(iconvName(sniffed.encoding), { stripBOM: true });
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter: sniffed.delimiter,
    skipEmptyLines: true,
  }) as NodeJS.ReadWriteStream;
  const fail = (err: Error): void => {
    parser.emit('error', err);
  };
  raw.on('error', fail);
  decoder.on('error', fail);
  raw.pipe(tap).pipe(decoder).pipe(parser);

  // papaparse's stream yields one string[] per row (header: false); its typings say string | Buffer.
  const iterator = (parser as unknown as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  let line = 1;
  const next = async (): Promise<CsvRow | null> => {
    const r = await iterator.next();
    if (r.done) return null;
    const fields = r.value;
    const row = { fields, line };
    line += 1 + countNewlines(fields);
    return row;
  };

  let first = await next();
  if (first && sniffed.typeLine && first.fields[0]?.startsWith('#TYPE')) first = await next();
  if (!first) {
    raw.destroy();
    return {
      header: [],
      headerLine: 1,
      rows: (async function* () {})(),
      sha256: () => tap.hash.copy().digest('hex'),
      bytesRead: () => tap.bytes,
      destroy: () => raw.destroy(),
    };
  }
  const header = first.fields;
  async function* rows(): AsyncGenerator<CsvRow> {
    for (let row = await next(); row; row = await next()) yield row;
  }
  let digest: string | null = null;
  return {
    header,
    headerLine: first.line,
    rows: rows(),
    sha256: () => (digest ??= tap.hash.digest('hex')),
    bytesRead: () => tap.bytes,
    destroy: () => {
      raw.destroy();
      parser.removeAllListeners('data');
    },
  };
}
