import { parentPort, workerData } from 'node:worker_threads';
import type { Rejection } from '../../../../shared/contract/dto';
import { indexHeader } from '../../../../shared/parse/headers';
import { encodeSignIn, joinRecords } from '../../../../shared/parse/signInCodec';
import { signInCsvMapper } from '../../../../shared/parse/signInMappers';
import { openCsv } from '../csvRows';
import { fileSource } from '../source';
import { dateOrderWarning, widthMismatch, withDateOrder } from './dateProbe';
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
  const csv = await openCsv(fileSource(job.filePath, job.size), job.sniffed);
  const index = indexHeader(csv.header);
  const mapper = signInCsvMapper(job.kind, index);
  const width = csv.header.length;
  const { rows, detector } = withDateOrder(csv.rows, mapper.timePicker);
  let encoded: string[] = [];
  let rejections: Rejection[] = [];
  let rowsRead = 0;
  const flush = async (): Promise<void> => {
    while (inFlight >= MAX_BATCHES_IN_FLIGHT && !cancelled) await new Promise<void>((r) => (wake = r));
    inFlight++;
    send({ type: 'batch', data: joinRecords(encoded), rejections, rowsRead, bytes: csv.bytesRead() });
    encoded = [];
    rejections = [];
  };
  for await (const { row, order } of rows) {
    if (cancelled) break;
    rowsRead++;
    if (row.fields.length !== width) {
      rejections.push({ line: row.line, reason: widthMismatch(row.fields, width) });
    } else {
      const mapped = mapper.map(row.fields, order);
      if (mapped.ok) encoded.push(encodeSignIn(mapped.record, row.line));
      else rejections.push({ line: row.line, reason: mapped.reason });
    }
    if (rowsRead % ROWS_PER_BATCH === 0) await flush();
  }
  if (cancelled) {
    csv.destroy();
    return;
  }
  await flush();
  send({ type: 'done', sha256: csv.sha256(), rowsRead, dateWarning: dateOrderWarning(detector) });
}

run().catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
