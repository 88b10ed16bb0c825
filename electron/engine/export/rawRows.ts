import type ExcelJS from 'exceljs';

/** What a table row may hold: text, a number, a date, or nothing. */
export type CellValue = string | number | Date | null;

interface StyleRegistry {
  addStyleModel(model: Partial<ExcelJS.Style>, cellType?: number): number;
}

interface SheetStream {
  stream: { write(chunk: string): unknown };
  _rowZero: number;
  _rows: unknown[];
}

// Characters XML 1.0 cannot carry at all: dropped, as exceljs does. Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

function escapeText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(INVALID, '').replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Writes data rows straight into a streaming worksheet as SpreadsheetML, in exactly the form
 * exceljs gives them (`t="str"` text, numbers, date serials, shared style ids), without building
 * exceljs's Row and Cell objects: those cost about 60 % of writing a 300,000-row sheet. Text is
 * always a value, never a formula. The header row must already be committed through exceljs
 * (it opens `<sheetData>` and writes the column widths); `finish` tells exceljs where the next
 * row it writes goes. The hooked fields are exceljs 4.4's WorksheetWriter internals.
 */
export class RawRowWriter {
  private readonly refs: string[];
  private readonly styleIds: number[];
  private readonly sheet: SheetStream;

  constructor(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet, styles: readonly Partial<ExcelJS.Style>[]) {
    const registry = (wb as unknown as { styles?: StyleRegistry }).styles;
    const sheet = ws as unknown as Partial<SheetStream>;
    if (typeof registry?.addStyleModel !== 'function' || typeof sheet.stream?.write !== 'function' || typeof sheet._rowZero !== 'number' || !Array.isArray(sheet._rows)) {
      throw new Error('exceljs internals changed (streaming styles or worksheet stream); the raw row writer is written for exceljs 4.4.0.');
    }
    if (sheet._rows.length > 0) throw new Error('Commit the rows exceljs holds before writing raw rows.');
    this.sheet = sheet as SheetStream;
    this.refs = styles.map((_, i) => columnLetters(i + 1));
    // Style ids come from exceljs's own registry, so they match every other cell of the workbook.
    this.styleIds = styles.map((st) => registry.addStyleModel(st));
  }

  /** The next row number this writer (and exceljs after `finish`) writes. */
  get nextRow(): number {
    return this.sheet._rowZero;
  }

  write(values: readonly CellValue[], height: number | null): number {
    const r = this.sheet._rowZero;
    let xml = height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const at = `${this.refs[i] ?? columnLetters(i + 1)}${r}`;
      const s = this.styleIds[i] ?? 0;
      const style = s ? ` s="${s}"` : '';
      if (v == null || v === '') xml += s ? `<c r="${at}"${style}/>` : '';
      else if (typeof v === 'string') xml += `<c r="${at}"${style} t="str"><v>${escapeText(v)}</v></c>`;
      else if (typeof v === 'number') xml += Number.isFinite(v) ? `<c r="${at}"${style}><v>${v}</v></c>` : `<c r="${at}"${style}/>`;
      else xml += Number.isNaN(v.getTime()) ? `<c r="${at}"${style}/>` : `<c r="${at}"${style}><v>${25569 + v.getTime() / 86_400_000}</v></c>`;
    }
    this.sheet.stream.write(`${xml}</row>`);
    this.sheet._rowZero = r + 1;
    return r;
  }
}
