import { describe, expect, it } from 'vitest';
import type { SignInRecord } from '../../../shared/domain/records';
import { CODEC_STRING_FIELDS, decodeSignIns, encodeSignIn, joinRecords } from '../../../shared/parse/signInCodec';

const base = Object.fromEntries(CODEC_STRING_FIELDS.map((f) => [f, null])) as unknown as SignInRecord;

describe('sign-in batch codec', () => {
  it('round-trips records, nulls, numbers and awkward text', () => {
    const a: SignInRecord = { ...base, requestId: 'r1', category: 'interactive', timeMs: 1_700_000_000_123, asn: 3303, errorCode: 0, userAgent: 'Mozilla/5.0 (x, y) "q"\nnext', city: 'Zürich 東京' };
    const b: SignInRecord = { ...base, requestId: 'r2', category: 'managed_identity', timeMs: 1, asn: null, errorCode: 50076, ip: '', spId: 'x\u001fy' };
    const out: [SignInRecord, number][] = [];
    decodeSignIns(joinRecords([encodeSignIn(a, 2), encodeSignIn(b, 7)]), (r, line) => out.push([{ ...r }, line]));
    expect(out).toEqual([
      [a, 2],
      [{ ...b, spId: 'x y' }, 7],
    ]);
  });
  it('decodes an empty batch to nothing', () => {
    let n = 0;
    decodeSignIns('', () => n++);
    expect(n).toBe(0);
  });
});
