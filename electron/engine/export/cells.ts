/** What every sheet of the workbook shares: header and cell styles, tenant text, row heights, yielding. */
import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { PackageParts } from './package/packageParts';
import type { Pseudonymizer } from './pseudonymize';
import { RawRowWriter } from './rawRows';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/**
 * Styles shared by reference: exceljs caches a style by its object, so a million cells that share
 * one object cost one lookup each instead of serialising the style every time. Never mutate them
 * (no `cell.font = …` on a cell that holds one): assign whole objects only.
 */
export const WRAP_TOP: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
export const PERCENT: Partial<ExcelJS.Style> = { numFmt: '0%', alignment: { vertical: 'top' } };
export const COUNT: Partial<ExcelJS.Style> = { numFmt: '#,##0', alignment: { vertical: 'top' } };
export const DATE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd', alignment: { vertical: 'top', horizontal: 'left' } };

/** Lets the worker answer messages (cancel) between chunks of rows. */
export async function breathe(): Promise<void> {
  await new Promise((r) => setImmediate(r));
}

/** How much written but not yet compressed sheet XML may wait in memory. */
const UNZIPPED_LIMIT = 4 * 1024 * 1024;

/**
 * Waits until the zip has taken in what the sheet wrote. exceljs never applies backpressure: its
 * sheet buffer pushes into the stream archiver reads from, and rows are produced faster than they
 * are deflated, so without this a 300,000-row sheet sat in memory uncompressed (956 MB peak).
 * `stream.pipes` is exceljs 4.4's StreamBuf internals; without them this only breathes.
 */
export async function drain(ws: ExcelJS.Worksheet): Promise<void> {
  // archiver wraps the sheet in readable-stream 2's PassThrough, which predates `writableLength`.
  const pipe = (ws as unknown as { stream?: { pipes?: (Writable & { _writableState?: { length: number } })[] } }).stream?.pipes?.[0];
  const waiting = (): number => pipe?._writableState?.length ?? 0;
  // Waiting for 'drain' (empty) would leave deflate idle while the next rows are built; keeping
  // some XML queued lets the two overlap.
  while (waiting() > UNZIPPED_LIMIT) await new Promise((r) => setTimeout(r, 2));
  await breathe();
}

/** Gives every cell of a row the same shared style object. */
export function shareStyle(row: ExcelJS.Row, style: Partial<ExcelJS.Style>): void {
  row.eachCell({ includeEmpty: true }, (c) => {
    c.style = style;
  });
}

/** Dark fill and white bold text for a header row. */
export function styleHeader(row: ExcelJS.Row, wrap = false): void {
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    if (wrap) c.alignment = { wrapText: true, vertical: 'top' };
  });
}

/**
 * Tenant data is always written as a plain string cell, never as a formula: display names such as
 * `=HYPERLINK(...)` stay inert text. exceljs writes a formula only for `{ formula }` values, and no
 * code here builds one from tenant data.
 */
export function text(v: string | null | undefined): string {
  return v ?? '';
}

/**
 * Row height for wrapped text: spreadsheet apps do not grow rows written by a streaming writer,
 * so the lines each cell needs at its column's width are estimated (about one character per
 * width unit) and the row is made that tall.
 */
export function fitHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  const values: unknown[] = [];
  row.eachCell((cell, col) => {
    values[col - 1] = cell.value;
  });
  row.height = heightFor(values, widths) ?? 15;
}

/** The height `fitHeight` gives a row of these values, or null for one line (the default height). */
export function heightFor(values: readonly unknown[], widths: readonly number[]): number | null {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') continue;
    const width = Math.max(1, (widths[i] ?? 10) - 1);
    if (v.length <= width && !v.includes('\n')) continue;
    lines = Math.max(lines, v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0));
  }
  return lines === 1 ? null : Math.min(409, 15 * lines);
}

export interface SheetColumn<T> {
  header: string;
  width: number;
  value: (item: T) => string | number | Date | null;
  /** A shared style object for the column's cells (default: wrapped, top-aligned text). */
  style?: Partial<ExcelJS.Style>;
  /** Kept in the file for the round trip but out of the reviewer's way. */
  hidden?: boolean;
  /**
   * In a pseudonymised export every text cell is pseudonymised unless the column holds only our own
   * words or opaque values ('keep'), or is the identity key, which gets its keyed stand-in.
   */
  pseudonym?: 'keep' | 'identityKey';
}

/** What every sheet writer is given besides the workbook and the database. */
export interface SheetContext {
  print: Partial<ExcelJS.PageSetup>;
  signal: AbortSignal;
  /** The engagement's as-of date (YYYY-MM-DD): expiry and dormancy are judged at it. */
  asOf: string;
  /** Set for a pseudonymised export. */
  pseudonymizer?: Pseudonymizer | undefined;
  /** Tables, charts and in-workbook links (absent: plain filters, no links). */
  parts?: PackageParts | undefined;
  /** The Identities sheet row of an identity, once that sheet is written: findings and other sheets link to it. */
  identityRow?: ((identityId: number) => number | undefined) | undefined;
}

/** Spreadsheet column letters of a 1-based column number. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's (and LibreOffice's) rows per sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

export interface TableSheetOptions<T> {
  /** Data rows written before the rest are counted and noted (default: what fits with the header and a note). */
  maxRows?: number;
  print: Partial<ExcelJS.PageSetup>;
  signal: AbortSignal;
  /** Columns kept in view when scrolling right. */
  xSplit?: number;
  wrapHeader?: boolean;
  /** Set for a pseudonymised export. */
  pseudonymizer?: Pseudonymizer | undefined;
  parts?: PackageParts | undefined;
  /** The Excel table's name (letters, digits, underscores); without `parts` the sheet gets plain filters. */
  table?: string;
  /** A column whose cells link to a row of another sheet (a finding's subject to its identity). */
  link?: { column: number; targetSheet: string; targetColumn: number; target: (item: T) => number | undefined };
  /** Called with each item's row number (links into the sheet from elsewhere). */
  onRow?: (item: T, rowNumber: number) => void;
  /** Writes what follows the rows (validations, formatting, a second table) before the sheet is committed; `lastRow` is the last data row (1 when there is none). */
  after?: (ws: ExcelJS.Worksheet, lastRow: number) => void;
}

/**
 * A sheet of one table streamed from `items`: frozen header, wrapped rows sized to their text,
 * filters over the rows written, cancellation checked and the worker let breathe every 1,000 rows.
 */
export async function writeTableSheet<T>(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly SheetColumn<T>[], items: Iterable<T>, o: TableSheetOptions<T>): Promise<number> {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: o.xSplit ?? 0 }], pageSetup: { ...o.print, printTitlesRow: '1:1' } });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.hidden ? { hidden: true } : {}) }));
  const widths = columns.map((c) => (c.hidden ? 1_000_000 : c.width));
  const header = ws.getRow(1);
  styleHeader(header, o.wrapHeader ?? false);
  header.commit();
  const rows = new RawRowWriter(wb, ws, columns.map((c) => c.style ?? WRAP_TOP));
  let n = 0;
  const p = o.pseudonymizer;
  const linkTo = o.parts && o.link ? o.parts.linkColumn(ws, { column: o.link.column, targetSheet: o.link.targetSheet, targetColumn: o.link.targetColumn }) : null;
  const value = (c: SheetColumn<T>, item: T): string | number | Date | null => {
    const v = c.value(item);
    if (!p || typeof v !== 'string' || c.pseudonym === 'keep') return v;
    return c.pseudonym === 'identityKey' ? p.identityKey(v) : p.text(v);
  };
  let over = 0;
  // Room is left for the header, what `after` writes below the table (rule outcomes) and the note.
  const maxRows = o.maxRows ?? EXCEL_MAX_ROWS - 200;
  for (const item of items) {
    if (n >= maxRows) {
      over++;
      continue;
    }
    const values = columns.map((c) => value(c, item));
    const r = rows.write(values, heightFor(values, widths));
    o.onRow?.(item, r);
    if (linkTo && o.link) {
      const target = o.link.target(item);
      if (target !== undefined) linkTo(r, target);
    }
    if (++n % 1000 === 0) {
      if (o.signal.aborted) throw new Error('Export cancelled.');
      await drain(ws);
    }
  }
  if (o.parts && o.table) o.parts.addTable(ws, { name: o.table, ref: `A1:${columnLetter(columns.length)}${n + 1}`, columns: columns.map((c) => c.header) });
  else ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, n + 1), column: columns.length } };
  o.after?.(ws, n + 1);
  if (over > 0) {
    ws.addRow([]).commit();
    const note = ws.addRow([
      `${over.toLocaleString('en-US')} more rows are not on this sheet: a sheet holds at most ${EXCEL_MAX_ROWS.toLocaleString('en-US')} rows. The JSON report (--json) carries every row.`,
    ]);
    note.font = { bold: true, color: { argb: 'FFB00020' } };
    note.commit();
  }
  ws.commit();
  return n;
}

/** A titled two-column block of counts (the Summary sheet's sections); rows with no count are left out unless `keepZero`. Returns the title row's number. */
export function countSection(ws: ExcelJS.Worksheet, title: string, heading: string, entries: readonly (readonly [string, number])[], keepZero = false): number {
  const head = ws.addRow([title, heading]);
  styleHeader(head);
  head.commit();
  for (const [label, n] of entries) {
    if (n === 0 && !keepZero) continue;
    const row = ws.addRow([label, n]);
    row.getCell(2).style = COUNT;
    row.commit();
  }
  return head.number;
}
