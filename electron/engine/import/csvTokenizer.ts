/** One parsed record and the physical line (1-based) where it starts. */
export interface TokenizedRow {
  fields: string[];
  line: number;
}

/**
 * The records of one chunk as positions in its text rather than strings: a reader that needs a
 * few cells of each row slices only those, and the rest are never allocated. Row `r` holds the
 * cells `rowCell[r]` to `rowCell[r + 1] - 1`; cell `k` is `text.slice(start[k], end[k])`, unless
 * `start[k]` is -1: then its value (a quoted cell with `""` or a stray quote) is `values[k]`.
 */
export interface CellChunk {
  text: string;
  rows: number;
  rowCell: Int32Array;
  line: Int32Array;
  start: Int32Array;
  end: Int32Array;
  values: (string | undefined)[];
}

/** A record may span chunks (quoted newlines, a 5 MB cell) but not this much: beyond it a quote was surely left open. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** The value of cell `k` of a chunk. */
export function cellValue(c: CellChunk, k: number): string {
  const from = c.start[k] as number;
  return from < 0 ? (c.values[k] as string) : c.text.slice(from, c.end[k]);
}

/** Every cell of row `r` of a chunk, as strings. */
export function rowFields(c: CellChunk, r: number): string[] {
  const first = c.rowCell[r] as number;
  const fields = new Array<string>((c.rowCell[r + 1] as number) - first);
  for (let i = 0; i < fields.length; i++) fields[i] = cellValue(c, first + i);
  return fields;
}

/**
 * An RFC 4180 tokenizer for text that arrives in chunks: quoted fields with `""` escapes and
 * embedded newlines, CRLF / LF / CR line ends, one-character delimiters, blank lines skipped.
 * Written for speed because sign-in exports run to millions of fully quoted rows: it finds quotes
 * with `indexOf`, records cell positions instead of cutting strings, and hands back a chunk's
 * records at once (papaparse's stream took 8 µs a row here). A quote that does not close a field
 * (`"a"b",`) is kept as text, as papaparse does. Line numbers count physical lines, so blank lines
 * and quoted newlines are counted.
 */
export class CsvTokenizer {
  private pending = '';
  private pendingLine = 1;
  /** Index of the first LF at or after the current field in the text being tokenized (-1: none). */
  private nextLf = 0;
  private readonly delimiter: number;
  // Set by `quoted`, to spare an object per cell.
  private qEnd = 0;
  private qNewlines = 0;
  private qValue: string | null = null;
  // The chunk being built by `scan`.
  private cells = 0;
  private start = new Int32Array(1 << 12);
  private end = new Int32Array(1 << 12);
  private values: (string | undefined)[] = [];

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error(`Unsupported delimiter ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Tokenizes the complete records in `pending + chunk`; with `final`, the rest too. */
  push(chunk: string, final = false): TokenizedRow[] {
    const c = this.scan(chunk, final);
    const out = new Array<TokenizedRow>(c.rows);
    for (let r = 0; r < c.rows; r++) out[r] = { fields: rowFields(c, r), line: c.line[r] as number };
    return out;
  }

  /** `push`, with the records as cell positions (see CellChunk). */
  scan(chunk: string, final = false): CellChunk {
    const s = this.pending.length === 0 ? chunk : this.pending + chunk;
    const n = s.length;
    const delim = this.delimiter;
    let rowCell = new Int32Array(64);
    let lines = new Int32Array(64);
    let rows = 0;
    let line = this.pendingLine;
    let i = 0;
    this.cells = 0;
    this.values = [];
    this.nextLf = s.indexOf('\n');
    while (i < n) {
      const rowStart = i;
      const rowLine = line;
      const firstCell = this.cells;
      let complete = false;
      for (;;) {
        if (s.charCodeAt(i) === QUOTE) {
          if (!this.quoted(s, i + 1, final)) break;
          if (this.qValue === null) this.cell(i + 1, this.qEnd);
          else this.cell(-1, -1, this.qValue);
          line += this.qNewlines;
          i = this.qValue === null ? this.qEnd + 1 : this.qEnd;
        } else {
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          this.cell(i, j);
          i = j;
        }
        if (i >= n) {
          complete = final;
          break;
        }
        const c = s.charCodeAt(i);
        if (c === delim) {
          i++;
          if (i === n) {
            if (final) this.cell(i, i);
            complete = final;
            break;
          }
          continue;
        }
        // A CR at the very end of a chunk may be the first half of CRLF: wait for the next chunk.
        if (c === CR && i + 1 === n && !final) break;
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        complete = true;
        break;
      }
      if (!complete) {
        i = rowStart;
        line = rowLine;
        this.cells = firstCell;
        break;
      }
      if (this.cells === firstCell + 1 && this.isEmpty(firstCell)) {
        this.cells = firstCell;
        continue;
      }
      if (rows + 2 > rowCell.length) {
        rowCell = grow(rowCell);
        lines = grow(lines);
      }
      rowCell[rows] = firstCell;
      lines[rows] = rowLine;
      rows++;
    }
    rowCell[rows] = this.cells;
    this.pending = i >= n ? '' : s.slice(i);
    this.pendingLine = line;
    if (this.pending.length > MAX_RECORD_CHARS) {
      throw new Error(
        `The record starting on line ${line} is longer than ${MAX_RECORD_CHARS / 1048576} MB: a quote is most likely left open. The file cannot be read past that line.`,
      );
    }
    if (final) this.pending = '';
    const out: CellChunk = { text: s, rows, rowCell, line: lines, start: this.start, end: this.end, values: this.values };
    // The chunk keeps these arrays; the next one gets its own.
    this.start = new Int32Array(this.start.length);
    this.end = new Int32Array(this.end.length);
    return out;
  }

  private cell(from: number, to: number, value?: string): void {
    const k = this.cells++;
    if (k >= this.start.length) {
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    this.start[k] = from;
    this.end[k] = to;
    if (value !== undefined) this.values[k] = value;
  }

  private isEmpty(k: number): boolean {
    const from = this.start[k] as number;
    return from < 0 ? this.values[k] === '' : this.end[k] === from;
  }

  /**
   * Reads a quoted field whose text starts at `from`; false when the chunk ends first (unless
   * `final`). Otherwise sets `qEnd`, `qNewlines` and `qValue`: null when the value is the plain
   * text from `from` to `qEnd` (the closing quote is at `qEnd`), else the value itself, with
   * `qEnd` then the index after the field.
   */
  private quoted(s: string, from: number, final: boolean): boolean {
    const n = s.length;
    let value = '';
    let start = from;
    for (let j = s.indexOf('"', start); ; j = s.indexOf('"', start)) {
      if (j === -1) {
        if (!final) return false;
        return this.closed(s, from, value, start, n, n, n);
      }
      const next = j + 1 < n ? s.charCodeAt(j + 1) : -1;
      if (next === QUOTE) {
        value += s.slice(start, j + 1);
        start = j + 2;
        continue;
      }
      if (next === -1 && !final) return false;
      if (next === -1 || next === this.delimiter || next === LF || next === CR) {
        return this.closed(s, from, value, start, j, j + 1, j);
      }
      // Spaces between a closing quote and the delimiter (`"a" ,`) are dropped, as papaparse does.
      let k = j + 1;
      while (k < n && (s.charCodeAt(k) === SPACE || s.charCodeAt(k) === TAB)) k++;
      if (k > j + 1) {
        if (k === n && !final) return false;
        const after = k < n ? s.charCodeAt(k) : -1;
        if (after === -1 || after === this.delimiter || after === LF || after === CR) {
          return this.closed(s, from, value, start, j, k, j);
        }
      }
      // A quote inside a quoted field that neither doubles nor closes it: keep it as text.
      value += s.slice(start, j + 1);
      start = j + 1;
    }
  }

  /**
   * Records how a quoted field ended: its text ran from `from` to `textEnd` (`value` holds what
   * precedes `start` when it had escapes), the field to `fieldEnd`.
   */
  private closed(s: string, from: number, value: string, start: number, textEnd: number, fieldEnd: number, newlinesTo: number): boolean {
    this.qNewlines = this.newlinesBetween(s, from, newlinesTo);
    if (start === from && fieldEnd === textEnd + 1) {
      // The usual case: no escapes, the closing quote right before the delimiter or line end.
      this.qValue = null;
      this.qEnd = textEnd;
    } else {
      this.qValue = value + s.slice(start, textEnd);
      this.qEnd = fieldEnd;
    }
    return true;
  }

  /** LFs in s[from, to): nearly always none, found with one `indexOf` per row rather than per field. */
  private newlinesBetween(s: string, from: number, to: number): number {
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = s.indexOf('\n', from);
    let n = 0;
    while (this.nextLf !== -1 && this.nextLf < to) {
      n++;
      this.nextLf = s.indexOf('\n', this.nextLf + 1);
    }
    return n;
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
