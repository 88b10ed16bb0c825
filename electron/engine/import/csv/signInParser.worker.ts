import { parentPort, workerData } from 'node:worker_threads';
import { indexHeader } from '../../../../shared/parse/headers';
import { signInCsvMapper } from '../../../../shared/parse/signInMappers';
import { openCsv } from '../csvRows';
import { fileSource } from '../source';
import { batchesWithDateOrder, dateOrderWarning, widthMismatch } from './dateProbe';
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
  const { batches, detector } = batchesWithDateOrder(csv.batches, mapper.timePicker);
  const batch = new SignInBatchBuilder();
  let rowsRead = 0;
  const flush = async (): Promise<void> => {
    while (inFlight >= MAX_BATCHES_IN_FLIGHT && !cancelled) await new Promise<void>((r) => (wake = r));
    inFlight++;
    const b = batch.take(rowsRead, csv.bytesRead());
    // The numbers are transferred, not copied.
    post(b, [b.numbers.buffer as ArrayBuffer]);
  };
  for await (const { rows, order } of batches) {
    if (cancelled) break;
    for (const row of rows) {
      rowsRead++;
      if (row.fields.length !== width) {
        batch.rejections.push({ line: row.line, reason: widthMismatch(row.fields, width) });
      } else {
        const mapped = mapper.map(row.fields, order);
        if (mapped.ok) batch.add(mapped.record, row.line);
        else batch.rejections.push({ line: row.line, reason: mapped.reason });
      }
      if (rowsRead % ROWS_PER_BATCH === 0) await flush();
      if (cancelled) break;
    }
  }
  if (cancelled) {
    csv.destroy();
    return;
  }
  await flush();
  send({ type: 'done', sha256: csv.sha256(), rowsRead, dateWarning: dateOrderWarning(detector) });
}

run().catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
