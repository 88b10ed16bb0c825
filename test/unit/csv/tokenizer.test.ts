import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, MAX_RECORD_CHARS } from '../../../electron/engine/import/csvTokenizer';
import { FIXTURES, SAMPLE, SHARED_SAMPLES } from '../../support/paths';

/** Tokenizes `text` cut into chunks at the given offsets. */
function tokenize(text: string, delimiter: string, cuts: number[] = []): { fields: string[]; line: number }[] {
  const t = new CsvTokenizer(delimiter);
  const out: { fields: string[]; line: number }[] = [];
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    out.push(...t.push(text.slice(from, c)));
    from = c;
  }
  out.push(...t.push(text.slice(from), true));
  return out;
}

const papa = (text: string, delimiter: string): string[][] =>
  (Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data as string[][]);

/** A small deterministic generator, so a failing case can be replayed. */
function* randoms(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    yield x / 0x7fffffff;
  }
}

describe('CsvTokenizer', () => {
  it('reads quoted fields, doubled quotes, quoted newlines and every line ending', () => {
    const text = 'a,"b ""q""",c\r\n"multi\nline","x,y",\n\nlast,"",z\rcr,only';
    expect(tokenize(text, ',')).toEqual([
      { fields: ['a', 'b "q"', 'c'], line: 1 },
      { fields: ['multi\nline', 'x,y', ''], line: 2 },
      { fields: ['last', '', 'z'], line: 5 },
      { fields: ['cr', 'only'], line: 6 },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'h1;h2;h3\r\n"a;""b""";"line\r\none";c\r\n\r\nd;;"e"\r\n"f" ;g;"h"\r\n';
    const whole = tokenize(text, ';');
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) expect(tokenize(text, ';', [i, j]), `cut at ${i} and ${j}`).toEqual(whole);
    }
  });

  it('matches papaparse on random well-formed CSV', () => {
    const r = randoms(7);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor((r.next().value as number) * xs.length)] as T;
    const pieces = ['a', 'ß', '€', ' ', '"', ',', ';', '\t', '\n', '\r\n', 'x y'];
    for (let round = 0; round < 300; round++) {
      const delimiter = pick([',', ';', '\t']);
      const rows = Array.from({ length: 1 + Math.floor((r.next().value as number) * 6) }, () =>
        Array.from({ length: 3 }, () => Array.from({ length: Math.floor((r.next().value as number) * 5) }, () => pick(pieces)).join('')),
      );
      const text = rows.map((row) => row.map((f) => `"${f.replaceAll('"', '""')}"`).join(delimiter)).join(pick(['\n', '\r\n']));
      const cuts = [Math.floor((r.next().value as number) * text.length), Math.floor((r.next().value as number) * text.length)];
      expect(tokenize(text, delimiter, cuts).map((x) => x.fields), text).toEqual(papa(text, delimiter));
    }
  });

  it('matches papaparse on every committed CSV sample and fixture', () => {
    const files = [
      ...readdirSync(join(FIXTURES, 'csv')).map((f) => join(FIXTURES, 'csv', f)),
      ...readdirSync(join(FIXTURES, 'portal')).map((f) => join(FIXTURES, 'portal', f)),
      ...readdirSync(SHARED_SAMPLES).map((f) => join(SHARED_SAMPLES, f)),
      ...readdirSync(SAMPLE).map((f) => join(SAMPLE, f)),
    ].filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const bytes = readFileSync(file);
      // Text as the importer decodes it (UTF-16 by its BOM, the BOM dropped); latin1 keeps every other byte as one character.
      const decoded = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le') : bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes).swap16().toString('utf16le') : bytes.toString('latin1');
      const text = decoded.replace(/^\uFEFF/u, '');
      const delimiter = [',', ';', '\t'].sort((a, b) => text.split(b).length - text.split(a).length)[0] as string;
      expect(tokenize(text, delimiter, [1000, 70_000]).map((x) => x.fields), file).toEqual(papa(text, delimiter));
    }
  });

  it('keeps a quote that neither doubles nor closes a field as text', () => {
    expect(tokenize('"a"b",c\n', ',').map((x) => x.fields)).toEqual([['a"b', 'c']]);
  });

  it('ends an unclosed quote at the end of the file', () => {
    expect(tokenize('a,"open\nb,c', ',')).toEqual([{ fields: ['a', 'open\nb,c'], line: 1 }]);
  });

  it('refuses a record that grows past the limit (an open quote) with its line', () => {
    const t = new CsvTokenizer(',');
    t.push('ok\n"');
    const chunk = 'x'.repeat(1 << 20);
    expect(() => {
      for (let i = 0; i <= MAX_RECORD_CHARS / chunk.length; i++) t.push(chunk);
    }).toThrow(/line 2 is longer than 64 MB/u);
  });
});
