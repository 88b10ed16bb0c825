/**
 * Child-process script for flatMemory.test.ts: streams a JSON array of `count` sign-in-sized
 * records, generated on the fly and never held whole, through the JSON reader, and prints what it
 * read. Run with a small heap limit, it crashes unless the reader's memory stays flat.
 */
import { Readable } from 'node:stream';
import { openJson } from '../../../../electron/engine/import/json/reader';
import { sniffBytes } from '../../../../electron/engine/import/sniff';
import type { InputSource } from '../../../../electron/engine/import/source';

const count = Number(process.argv[2] ?? 50_000);
const record = (i: number): string =>
  JSON.stringify(
    {
      id: `req-${i}`,
      createdDateTime: '2026-11-01T00:00:00Z',
      userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${'x'.repeat(800)}`,
      status: { errorCode: 0, failureReason: 'Other.' },
      authenticationDetails: [{ authenticationMethod: 'Password', succeeded: true }],
    },
    null,
    2,
  );

function* chunks(): Generator<Buffer> {
  yield Buffer.from('[\n');
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    batch.push((i ? ',\n' : '') + record(i));
    if (batch.length === 200) {
      yield Buffer.from(batch.join(''));
      batch = [];
    }
  }
  yield Buffer.from(`${batch.join('')}\n]\n`);
}

async function main(): Promise<void> {
  const source: InputSource = { path: 'gen.json', name: 'gen.json', size: 0, open: () => Readable.from(chunks()) };
  const reader = openJson(source, sniffBytes(Buffer.from('[\n{"id": 1}')), false);
  let records = 0;
  let last = '';
  for await (const batch of reader.batches) {
    for (const e of batch) {
      if (e.type !== 'record') throw new Error(`unexpected ${e.type}`);
      records++;
      last = String(e.record.value['id']);
    }
  }
  process.stdout.write(JSON.stringify({ records, last, bytes: reader.bytesRead() }));
}

// A CommonJS package: no top-level await.
void main();
