import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openJson, type JsonEvent } from '../../../electron/engine/import/json/reader';
import { sniffBytes } from '../../../electron/engine/import/sniff';
import type { InputSource } from '../../../electron/engine/import/source';
import { looksLikeNdjson } from '../../../shared/parse/json/detect';

/** An input held in memory, streamed in chunks of `chunk` bytes (1 splits every multi-byte character). */
function memorySource(bytes: Buffer, chunk = 1 << 20): InputSource {
  return {
    path: 'mem.json',
    name: 'mem.json',
    size: bytes.length,
    open: (range) => {
      const part = bytes.subarray(range?.start ?? 0, range?.end == null ? undefined : range.end + 1);
      return Readable.from(
        (function* () {
          for (let i = 0; i < part.length; i += chunk) yield part.subarray(i, i + chunk);
        })(),
      );
    },
  };
}

async function readAll(input: string | Buffer, chunk?: number) {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const sniffed = sniffBytes(bytes.subarray(0, 64 * 1024));
  const reader = openJson(memorySource(bytes, chunk), sniffed, looksLikeNdjson(sniffed.head));
  const events: JsonEvent[] = [];
  for await (const batch of reader.batches) events.push(...batch);
  const records = events.flatMap((e) => (e.type === 'record' ? [e] : []));
  return { reader, events, records, ids: records.map((r) => r.record.value['id']) };
}

const rec = (id: number): string => JSON.stringify({ id, createdDateTime: '2026-11-01T00:00:00Z', nested: { list: [1, { deep: true }], text: 'a,b}c]' } });

describe('JSON shapes', () => {
  it('streams the elements of a top-level array, numbering records', async () => {
    const { records, reader } = await readAll(`[\n${rec(1)},\n${rec(2)},\n${rec(3)}\n]`);
    expect(records.map((r) => [r.record.value['id'], r.position, r.line, r.record.container])).toEqual([
      [1, 1, 2, 'array'],
      [2, 2, 3, 'array'],
      [3, 3, 4, 'array'],
    ]);
    expect(reader.positionKind).toBe('record');
  });

  it('streams the value array of a Graph page and keeps its context and nextLink', async () => {
    const page = `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","@odata.nextLink":"https://next","value":[${rec(1)},${rec(2)}]}`;
    const { ids, reader, records } = await readAll(page);
    expect(ids).toEqual([1, 2]);
    expect(records[0]?.record.container).toBe('page');
    expect(reader.context()).toBe('https://graph.microsoft.com/v1.0/$metadata#users');
    expect(reader.lastPageNextLink()).toBe('https://next');
  });

  it('reads concatenated pages and an array of pages; only the last page decides whether pages are missing', async () => {
    const p = (ids: number[], next: string | null, after = false): string =>
      after
        ? `{"@odata.context":"c","value":[${ids.map(rec).join(',')}],"@odata.nextLink":${JSON.stringify(next)}}`
        : `{"@odata.context":"c",${next ? `"@odata.nextLink":"${next}",` : ''}"value":[${ids.map(rec).join(',')}]}`;
    const concatenated = await readAll(`${p([1, 2], 'n1')}\n${p([3], null)}`);
    expect(concatenated.ids).toEqual([1, 2, 3]);
    expect(concatenated.reader.pages()).toBe(2);
    expect(concatenated.reader.lastPageNextLink()).toBeNull();
    const pretty = await readAll(`${JSON.stringify(JSON.parse(p([1], 'n1')), null, 2)}\n${JSON.stringify(JSON.parse(p([2], null)), null, 2)}`);
    expect(pretty.ids).toEqual([1, 2]);
    const arrayOfPages = await readAll(`[${p([1], null)},${p([2, 3], 'n2', true)}]`);
    expect(arrayOfPages.ids).toEqual([1, 2, 3]);
    expect(arrayOfPages.records.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(arrayOfPages.reader.lastPageNextLink()).toBe('n2');
  });

  it('numbers NDJSON records by line and carries on after a bad line', async () => {
    const { events, reader } = await readAll(`${rec(1)}\n${rec(2)}\n\n{"id": 3, "oops"\n${rec(4)}\n`);
    expect(reader.positionKind).toBe('line');
    expect(events.map((e) => (e.type === 'record' ? [e.record.value['id'], e.position] : [e.type, e.position]))).toEqual([
      [1, 1],
      [2, 2],
      ['invalid', 4],
      [4, 5],
    ]);
  });

  it('treats a lone object as one record, and an object whose value is not an array as a record too', async () => {
    const single = await readAll(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users/$entity","id":"u1","displayName":"A"}`);
    expect(single.records.map((r) => [r.record.value['id'], r.record.container, r.record.context])).toEqual([
      ['u1', 'object', 'https://graph.microsoft.com/v1.0/$metadata#users/$entity'],
    ]);
    const ps = await readAll(`{"value":"/Date(1793528130000)/","DisplayHint":2}`);
    expect(ps.records[0]?.record.value['value']).toBe('/Date(1793528130000)/');
    const annotatedRecord = await readAll(`[{"@odata.type":"#microsoft.graph.user","id":"u1","value":[1]}]`);
    expect(annotatedRecord.records[0]?.record.value['value']).toEqual([1]);
  });

  it('reports non-object elements by their position instead of failing the file', async () => {
    const { events } = await readAll(`[${rec(1)}, 42, "x", [1, [2]], null, ${rec(2)}]`);
    expect(events.map((e) => (e.type === 'notObject' ? `${e.position}:${e.what}` : e.type === 'record' ? `${e.position}:record` : e.type))).toEqual([
      '1:record',
      '2:a number',
      '3:a string',
      '4:an array',
      '5:a literal',
      '6:record',
    ]);
  });
});

describe('keys', () => {
  it('lower-cases keys at every level, keeps the originals of the top level, and lets a repeated key keep its last value', async () => {
    const { records } = await readAll(`[{"Id":"a","Status":{"ErrorCode":1,"ErrorCode":2},"homeTenantId":"t1","homeTenantId":"t2"}]`);
    const r = records[0]?.record;
    expect(r?.keys).toEqual(['Id', 'Status', 'homeTenantId', 'homeTenantId']);
    expect(JSON.parse(JSON.stringify(r?.value))).toEqual({ id: 'a', status: { errorcode: 2 }, hometenantid: 't2' });
  });

  it('keeps __proto__ and constructor keys as plain data, polluting nothing', async () => {
    const { records } = await readAll(`[{"id":"p","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"nested":{"__proto__":{"polluted":"yes"}}}]`);
    const v = records[0]?.record.value;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.hasOwn(v ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
    const nested = v?.['nested'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBeNull();
    expect((nested['__proto__'] as Record<string, unknown>)['polluted']).toBe('yes');
  });
});

describe('text and size', () => {
  it('decodes UTF-16 LE with a BOM, and UTF-8 split into single bytes', async () => {
    const json = `[{"id":"1","city":"Zürich","name":"東京 €"}]`;
    const utf16 = await readAll(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    expect(utf16.records[0]?.record.value['name']).toBe('東京 €');
    const bytewise = await readAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), 1);
    expect(bytewise.records[0]?.record.value['city']).toBe('Zürich');
  });

  it('reads a 5 MB string value whole', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024 - 3) + 'é€';
    const { records } = await readAll(`[{"id":"big","blob":"${big}"},${rec(2)}]`, 64 * 1024);
    expect((records[0]?.record.value['blob'] as string).length).toBe(big.length);
    expect(records[0]?.record.value['blob']).toBe(big);
    expect(records[1]?.record.value['id']).toBe(2);
  });

  it('keeps the records before broken JSON and still hashes every byte', async () => {
    const pretty = `[\n${rec(1)},\n${rec(2)},\n @@@ ${'y'.repeat(200_000)}]`;
    const broken = await readAll(pretty, 4096);
    expect(broken.reader.sha256()).toBe(createHash('sha256').update(pretty).digest('hex'));
    expect(broken.events.map((e) => e.type)).toEqual(['record', 'record', 'invalid']);
    expect(broken.events[2]).toMatchObject({ position: 3, line: 4, truncated: false, reason: 'not valid JSON from line 4 on (expected a value)' });
    // Minified: no line to cut at, so at most the last 4 KB before the error are lost.
    const ids = Array.from({ length: 200 }, (_, i) => i + 1);
    const minified = `[${ids.map(rec).join(',')}, @@@]`;
    const error = minified.indexOf('@@@');
    const got = (await readAll(minified)).ids;
    expect(got).toEqual(ids.slice(0, got.length));
    expect(got).toEqual(expect.arrayContaining(ids.filter((i) => minified.indexOf(rec(i)) + rec(i).length < error - 4096)));
  });
});

describe('truncated input', () => {
  it('at every cut point: never throws, yields exactly the complete records before the cut, then says it is truncated', async () => {
    const full = `[\n  ${rec(1)},\n  ${rec(2)},\n  ${rec(3)}\n]\n`;
    const ends = [1, 2, 3].map((i) => full.indexOf(rec(i)) + rec(i).length);
    for (let cut = 1; cut < full.trimEnd().length; cut++) {
      const { ids, events } = await readAll(full.slice(0, cut));
      expect(ids, `cut at ${cut}`).toEqual([1, 2, 3].filter((_, k) => (ends[k] ?? Infinity) <= cut));
      const last = events[events.length - 1];
      expect(last?.type === 'invalid' && last.truncated, `cut at ${cut}`).toBe(true);
    }
    const complete = await readAll(full);
    expect(complete.events.some((e) => e.type === 'invalid')).toBe(false);
  });

  it('says which record was cut and where it starts', async () => {
    const { events } = await readAll(`[\n${rec(1)},\n${rec(2).slice(0, 20)}`);
    expect(events[events.length - 1]).toMatchObject({
      type: 'invalid',
      truncated: true,
      partialRecord: true,
      position: 2,
      line: 3,
      reason: 'the file ends in the middle of a JSON value (truncated?)',
    });
  });
});
