import { parentPort, workerData } from 'node:worker_threads';
import { indexHeader } from '../../../../shared/parse/headers';
import { signInCsvMapper } from '../../../../shared/parse/signInMappers';
import { openCsv, type CsvStream } from '../csvRows';
import { rowFields } from '../csvTokenizer';
import { fileSource } from '../source';
import { chunksWithDateOrder, dateOrderWarning, widthMismatch } from './dateProbe';
import { SignInBatchBuilder } from './signInBatchBuilder';
import { MAX_BATCHES_IN_FLIGHT, ROWS_PER_BATCH, type FromParser, type ParserJob, type ToParser } from './signInParserProtocol';

/**
 * Parses a sign-in CSV on its own thread while the engine thread writes the previous batches:
 * on two cores, reading and writing overlap instead of taking turns. Flow control keeps at most
 * a few batches in flight, so memory stays flat whatever the file size.
 */
const port = parentPort;
if (!port) throw new Error('signInParser.worker must run in a worker thread');
const job = workerData as ParserJob;
const send = (m: FromParser): void => port.postMessage(m);
const post = (m: FromParser, transfer: ArrayBuffer[]): void => port.postMessage(m, transfer);

/**
 * The file's bytes since the last message. They cross to the engine thread, which hashes them
 * (and encodes some value groups, see WRITER_GROUPS): the two threads share the work evenly.
 */
let raw: Uint8Array[] = [];
const keep = (chunk: Buffer): void => {
  // Transferred without a copy when the chunk has its memory to itself, as the reader's do.
  raw.push(chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length ? chunk : new Uint8Array(chunk));
};
const takeRaw = (): Uint8Array[] => {
  const out = raw;
  raw = [];
  return out;
};
const buffersOf = (chunks: Uint8Array[]): ArrayBuffer[] => chunks.map((c) => c.buffer as ArrayBuffer);

let inFlight = 0;
let cancelled = false;
let wake: (() => void) | null = null;
port.on('message', (m: ToParser) => {
  if (m.type === 'ack') inFlight--;
  else cancelled = true;
  wake?.();
  wake = null;
});

async function run(): Promise<void> {
  const csv = await openCsv(fileSource(job.filePath, job.size), job.sniffed, { bytesTo: keep, readSync: true });
  try {
    await parse(csv);
  } finally {
    csv.destroy();
  }
}

async function parse(csv: CsvStream): Promise<void> {
  const index = indexHeader(csv.header);
  const mapper = signInCsvMapper(job.kind, index);
  const width = csv.header.length;
  const { chunks, detector } = chunksWithDateOrder(csv.cells, mapper.timeColumns);
  const batch = new SignInBatchBuilder(mapper, width);
  let rowsRead = 0;
  let flushedAt = 0;
  const flush = async (): Promise<void> => {
    while (inFlight >= MAX_BATCHES_IN_FLIGHT && !cancelled) await new Promise<void>((r) => (wake = r));
    inFlight++;
    flushedAt = rowsRead;
    const b = batch.take(rowsRead, csv.bytesRead(), takeRaw());
    // Numbers, bytes and cell positions are transferred, not copied.
    const positions = b.chunks.flatMap(({ chunk: c }) => [c.rowCell.buffer, c.line.buffer, c.start.buffer, c.end.buffer] as ArrayBuffer[]);
    post(b, [b.numbers.buffer as ArrayBuffer, ...buffersOf(b.raw), ...positions]);
  };
  for await (const { chunk, first, order } of chunks) {
    if (cancelled) return;
    for (let r = first; r < chunk.rows; r++) {
      rowsRead++;
      const cells = (chunk.rowCell[r + 1] as number) - (chunk.rowCell[r] as number);
      if (cells !== width) batch.rejections.push({ line: chunk.line[r] as number, reason: widthMismatch(rowFields(chunk, r), width) });
      else batch.add(chunk, r, order);
    }
    // Between chunks only, since a chunk's positions travel with one batch.
    if (rowsRead - flushedAt >= ROWS_PER_BATCH) await flush();
  }
  if (cancelled) return;
  await flush();
  const rest = takeRaw();
  post({ type: 'done', raw: rest, rowsRead, dateWarning: dateOrderWarning(detector) }, buffersOf(rest));
}

run().catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
