import { describe, expect, it } from 'vitest';
import { CellGroupCache } from '../../../electron/engine/import/csv/cellGroupCache';
import { CsvTokenizer } from '../../../electron/engine/import/csvTokenizer';
import type { SignInRecord } from '../../../shared/domain/records';
import { indexHeader } from '../../../shared/parse/headers';
import { GROUP_FIELDS } from '../../../shared/parse/signInFields';
import { signInCsvMapper, type SignInCsvMapper } from '../../../shared/parse/signInMappers';
import type { SignInScalars } from '../../../shared/parse/signinColumns';
import { LA_SIGNIN_COLUMNS } from '../../../shared/parse/logAnalyticsColumns';
import { PORTAL_SIGNIN_COLUMNS } from '../../../shared/parse/signinColumns';

/** A small deterministic generator, so a failing case can be replayed. */
function randoms(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Cell values that exercise every branch of the mappers: JSON objects, numbers, dates, spellings, blanks. */
const VALUES = [
  '', ' ', 'x', 'ABC-def', '0', '50126', ' 7 ', 'Success', 'failure', 'Interrupted', 'oAuth2', 'ROPC', 'Device code', 'Single-factor authentication',
  'Multifactor authentication', 'Zürich, Zurich, CH', 'CH', 'a, b, c, d', '2026-11-01T08:15:00Z', '11/02/2026 10:00', '31/02/2026 10:00',
  '{"errorCode":0,"additionalDetails":"MFA requirement satisfied by claim in the token","failureReason":"x"}', '{"errorCode":"53003"}',
  '{"deviceId":"d1","operatingSystem":"Windows10","browser":"Edge"}', '{"city":"Zürich","state":"ZH","countryOrRegion":"CH"}',
  '{"msiType":"SystemAssigned","associatedResourceId":"/subscriptions/1"}', '[1]', '{broken',
];

/** Portal and Log Analytics headers, the portal's with a repeated column as real downloads have. */
const HEADERS = {
  portal: [...Object.values(PORTAL_SIGNIN_COLUMNS).map((a) => a[0] as string), 'incoming token type', 'unrelated column'],
  la: [...Object.values(LA_SIGNIN_COLUMNS).map((a) => a[0] as string), 'type', 'unrelated column'],
};
const KINDS = { portal: 'signins.portal.service_principal.csv', la: 'signins.loganalytics.managed_identity.csv' } as const;

const groupValues = (r: SignInRecord, g: number): unknown[] => (GROUP_FIELDS[g] as readonly (keyof SignInRecord)[]).map((f) => r[f]);
const scalarsOf = (m: SignInCsvMapper, row: string[]): unknown => {
  const out = {} as SignInScalars;
  const reason = m.scalars(row, 'month-first', out);
  return reason ?? out;
};

describe.each(Object.keys(HEADERS) as (keyof typeof HEADERS)[])('the %s sign-in mapping declares every cell it reads', (which) => {
  const header = HEADERS[which];
  const mapper = signInCsvMapper(KINDS[which], indexHeader(header));
  const rows = (seed: number): string[][] => {
    const next = randoms(seed);
    return Array.from({ length: 300 }, () => header.map(() => VALUES[Math.floor(next() * VALUES.length)] as string));
  };
  // A valid request id and date, so that rows are kept and their groups can be compared.
  const keep = (row: string[]): string[] => {
    const kept = [...row];
    for (const c of mapper.scalarColumns) if (!/^[\d ]*$/u.test(kept[c] as string) && !(kept[c] as string).startsWith('{')) kept[c] = '2026-11-01T08:15:00Z';
    return kept;
  };

  it('a value group depends on its columns only (what the caches of cells rely on)', () => {
    const next = randoms(11);
    for (const base of rows(1).map(keep)) {
      const a = mapper.map(base, 'month-first');
      if (!a.ok) continue;
      for (let c = 0; c < header.length; c++) {
        const changed = [...base];
        changed[c] = VALUES[Math.floor(next() * VALUES.length)] as string;
        const b = mapper.map(changed, 'month-first');
        if (!b.ok) continue;
        for (let g = 0; g < GROUP_FIELDS.length; g++) {
          if (mapper.groupColumns[g]?.includes(c)) continue;
          expect(groupValues(b.record, g), `group ${g}, column ${header[c]}`).toEqual(groupValues(a.record, g));
        }
      }
    }
  });

  it('the row\'s own values and its ids read only their declared columns, and agree with map', () => {
    const next = randoms(12);
    for (const base of [...rows(2), ...rows(3).map(keep)]) {
      const scalars = scalarsOf(mapper, base);
      const mapped = mapper.map(base, 'month-first');
      expect(typeof scalars === 'string' ? { ok: false, reason: scalars } : { ok: true }).toMatchObject(mapped.ok ? { ok: true } : { ok: false, reason: mapped.reason });
      if (typeof scalars !== 'string' && mapped.ok) {
        expect(mapper.ids(base)).toEqual({ requestId: mapped.record.requestId, correlationId: mapped.record.correlationId });
      }
      for (let c = 0; c < header.length; c++) {
        const changed = [...base];
        changed[c] = VALUES[Math.floor(next() * VALUES.length)] as string;
        if (!mapper.scalarColumns.includes(c)) expect(scalarsOf(mapper, changed), `column ${header[c]}`).toEqual(scalars);
        if (!mapper.idColumns.includes(c) && typeof scalars !== 'string') expect(mapper.ids(changed)).toEqual(mapper.ids(base));
      }
    }
  });
});

describe('CellGroupCache', () => {
  it('tells apart cells that join to the same text, quoted or not, escaped or not', () => {
    const text = ['ab,c', 'a,bc', '"ab","c"', '"a""b",c', '"a""b","c"', 'ab,c'].join('\n');
    const chunk = new CsvTokenizer(',').scan(text, true);
    const cache = new CellGroupCache([[0, 1]]);
    const ids = Array.from({ length: chunk.rows }, (_, r) => {
      const base = chunk.rowCell[r] as number;
      const found = cache.find(0, chunk, base);
      if (found !== undefined) return found;
      cache.remember(0, r);
      return r;
    });
    // Rows 0, 2 and 5 hold the same cells ("ab", "c"); row 1 ("a", "bc") and rows 3 and 4 ('a"b', "c") others.
    expect(ids).toEqual([0, 1, 0, 3, 3, 0]);
  });
});
