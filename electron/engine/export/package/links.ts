/**
 * Hyperlinks to cells inside the workbook, for sheets of hundreds of thousands of rows: each link
 * costs two 32-bit numbers until the sheet is committed, and the XML is written in slices.
 */
import type { ExternalHyperlink } from './internals';
import { columnLetters, escapeAttr, MAX_COL, MAX_ROW, quoteSheetName } from './ooxml';

export interface LinkColumnSpec {
  /** One-based column of the cells that carry the links. */
  column: number;
  /** Sheet the links go to; it must exist by the time the workbook is committed. */
  targetSheet: string;
  /** One-based column of the cells they go to. */
  targetColumn: number;
  /** Shown on hover by Excel. */
  tooltip?: string;
}

/** Links of one column: rows ascending, so no cell gets two. */
export class LinkColumn {
  readonly column: number;
  readonly targetSheet: string;
  private readonly refPrefix: string;
  private readonly locationPrefix: string;
  private readonly tooltipAttr: string;
  private pairs = new Uint32Array(2048);
  private count = 0;
  private lastRow = 0;

  constructor(spec: LinkColumnSpec) {
    const fail = (why: string): Error => new Error(`Link column ${spec.column} to '${spec.targetSheet}': ${why}`);
    for (const c of [spec.column, spec.targetColumn]) if (!Number.isInteger(c) || c < 1 || c > MAX_COL) throw fail(`column ${c} is not a one-based column number.`);
    if (spec.targetSheet === '') throw fail('the target sheet has no name.');
    this.column = spec.column;
    this.targetSheet = spec.targetSheet;
    this.refPrefix = columnLetters(spec.column);
    this.locationPrefix = escapeAttr(`${quoteSheetName(spec.targetSheet)}!${columnLetters(spec.targetColumn)}`);
    this.tooltipAttr = spec.tooltip ? ` tooltip="${escapeAttr(spec.tooltip)}"` : '';
  }

  get size(): number {
    return this.count;
  }

  add(row: number, targetRow: number): void {
    if (!Number.isInteger(row) || row <= this.lastRow || row > MAX_ROW) {
      throw new Error(`Link from ${this.refPrefix}${row}: rows must be whole numbers up to ${MAX_ROW}, each link below the previous one in its column (last was row ${this.lastRow}).`);
    }
    if (!Number.isInteger(targetRow) || targetRow < 1 || targetRow > MAX_ROW) throw new Error(`Link from ${this.refPrefix}${row}: target row ${targetRow} is not a row number.`);
    if (this.count * 2 === this.pairs.length) {
      const grown = new Uint32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.count * 2] = row;
    this.pairs[this.count * 2 + 1] = targetRow;
    this.count++;
    this.lastRow = row;
  }

  /** `<hyperlink>` elements for links [from, to). */
  xml(from: number, to: number): string {
    let s = '';
    for (let i = from; i < to; i++) {
      s += `<hyperlink ref="${this.refPrefix}${this.pairs[i * 2]}" location="${this.locationPrefix}${this.pairs[i * 2 + 1]}"${this.tooltipAttr}/>`;
    }
    return s;
  }

  /** Hands the storage back once written: a sheet's links are written exactly once. */
  release(): void {
    this.pairs = new Uint32Array(0);
    this.count = 0;
  }
}

const SLICE = 4096;

/**
 * The sheet's one `<hyperlinks>` element: exceljs's own links (External relationships it has
 * already written) and the internal ones (a `location`, no relationship). Nothing when both are empty.
 */
export function writeHyperlinks(write: (xml: string) => void, external: readonly ExternalHyperlink[], columns: readonly LinkColumn[]): void {
  if (external.length === 0 && columns.every((c) => c.size === 0)) return;
  write('<hyperlinks>');
  for (let i = 0; i < external.length; i += SLICE) {
    write(
      external
        .slice(i, i + SLICE)
        .map((h) => `<hyperlink ref="${escapeAttr(h.address)}" r:id="${escapeAttr(h.rId)}"/>`)
        .join(''),
    );
  }
  for (const c of columns) {
    for (let i = 0; i < c.size; i += SLICE) write(c.xml(i, Math.min(c.size, i + SLICE)));
    c.release();
  }
  write('</hyperlinks>');
}
