import { pipeline } from 'node:stream';
import iconv from 'iconv-lite';
import type { Token } from 'stream-json/parser.js';
import { iconvName, type Sniffed } from '../sniff';
import type { InputSource } from '../source';
import { parserMessage, Tokenizer } from './tokenizer';
import { RecordWalker, type WalkedRecord } from './walker';
import { Tap } from '../tap';

/** Records are numbered by line in NDJSON and by their position in the file otherwise. */
export type PositionKind = 'line' | 'record';

export type JsonEvent =
  | { type: 'record'; record: WalkedRecord; position: number; line: number }
  | { type: 'notObject'; position: number; line: number; what: string }
  /** The text stopped being JSON; `truncated` when it simply ended inside a value. `line`: where the lost record starts. */
  | { type: 'invalid'; position: number; line: number; reason: string; truncated: boolean; partialRecord: boolean };

export interface JsonReader {
  positionKind: PositionKind;
  /** The events of each decoded chunk, in file order; never throws on bad JSON, only on I/O. */
  batches: AsyncGenerator<JsonEvent[]>;
  /** The first `@odata.context` seen so far. */
  context(): string | null;
  /** The `@odata.nextLink` of the last complete page (null: none, or no pages). */
  lastPageNextLink(): string | null;
  pages(): number;
  /** SHA-256 of every byte; complete once `batches` is exhausted. */
  sha256(): string;
  bytesRead(): number;
  destroy(): void;
}


/**
 * The most text handed to the tokenizer at once. When the text stops being JSON the tokens of the
 * failing piece are lost, so minified JSON (no line breaks to cut at) is fed in small pieces: at
 * most this much of what precedes the error is lost.
 */
const SLICE = 4 * 1024;

/**
 * Streams a JSON input as records. Bytes are decoded with iconv-lite first (UTF-16 exports, and
 * multi-byte characters split across chunks), then tokenized and walked into one record at a time,
 * so memory stays flat whatever the file size. Text is fed to the tokenizer a line (at most
 * {@link SLICE}) at a time: measured, it costs no more than bigger pieces, it tells each record's
 * line, and when the text stops being JSON only the tokens of that piece are lost. In NDJSON mode
 * every line is a whole value, so a bad line is reported by its number and the next starts afresh.
 */
export function openJson(source: InputSource, sniffed: Sniffed, ndjson: boolean): JsonReader {
  const raw = source.open();
  const tap = new Tap();
  const decoder = iconv.decodeStream(iconvName(sniffed.encoding), { stripBOM: true });
  // pipeline() destroys every stage on an error, so a read error ends the iteration below.
  pipeline(raw, tap, decoder, () => undefined);

  let context: string | null = null;
  let lastNextLink: string | null = null;
  let pages = 0;
  let line = 1;
  let out: JsonEvent[] = [];
  const position = (index: number, at: number): number => (ndjson ? at : index);
  const walker = new RecordWalker(
    {
      record: (record) => out.push({ type: 'record', record, position: position(record.index, record.line), line: record.line }),
      notObject: (index, at, what) => out.push({ type: 'notObject', position: position(index, at), line: at, what }),
      pageStart: (meta) => {
        context ??= meta.context;
      },
      pageEnd: (meta) => {
        pages++;
        context ??= meta.context;
        lastNextLink = meta.nextLink;
      },
    },
    ndjson ? 'ndjson' : 'document',
    () => line,
  );
  const onToken = (t: Token): void => walker.token(t);
  let tokenizer = new Tokenizer();
  /** Document mode: the text stopped being JSON; the rest is only read for the hash. */
  let failed = false;
  /** NDJSON: after a bad line, its remainder is skipped up to the next line break. */
  let skipLine = false;

  const invalid = (reason: string, truncated: boolean): void => {
    const partialRecord = walker.inRecord;
    const recordLine = walker.openRecordLine ?? line;
    out.push({ type: 'invalid', position: ndjson ? line : walker.seen + (partialRecord ? 0 : 1), line: recordLine, reason, truncated, partialRecord });
  };
  const restartLine = (): void => {
    tokenizer = new Tokenizer();
    walker.reset();
    skipLine = true;
  };

  const feed = (text: string): void => {
    let start = 0;
    while (start < text.length && !failed) {
      const nl = text.indexOf('\n', start);
      const lineEnd = nl < 0 ? text.length : nl + 1;
      const end = Math.min(lineEnd, start + SLICE);
      if (!skipLine) {
        try {
          tokenizer.write(text.slice(start, end), onToken);
        } catch (err) {
          invalid(ndjson ? `not valid JSON (${parserMessage(err)})` : `not valid JSON from line ${line} on (${parserMessage(err)})`, false);
          if (ndjson) restartLine();
          else failed = true;
        }
      }
      if (nl >= 0 && end === lineEnd) {
        if (ndjson && !skipLine && !walker.atTop) {
          invalid('not valid JSON (the line ends before its value does)', false);
          restartLine();
        }
        line++;
        skipLine = false;
      }
      start = end;
    }
  };

  async function* batches(): AsyncGenerator<JsonEvent[]> {
    for await (const chunk of decoder as AsyncIterable<string | Buffer>) {
      // After a syntax error in a document the rest is still read, for the file's hash.
      if (failed) continue;
      feed(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      if (out.length > 0) {
        yield out;
        out = [];
      }
    }
    if (!failed) {
      try {
        tokenizer.end(onToken);
      } catch {
        invalid('the file ends in the middle of a JSON value (truncated?)', true);
      }
    }
    if (out.length > 0) yield out;
    out = [];
  }

  let digest: string | null = null;
  const gen = batches();
  return {
    positionKind: ndjson ? 'line' : 'record',
    batches: gen,
    context: () => context,
    lastPageNextLink: () => lastNextLink,
    pages: () => pages,
    sha256: () => (digest ??= tap.hash.digest('hex')),
    bytesRead: () => tap.bytes,
    destroy: () => {
      void gen.return(undefined);
      raw.destroy();
    },
  };
}
