/** What every sheet of the workbook shares: header and cell styles, tenant text, row heights, yielding. */
import type ExcelJS from 'exceljs';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/**
 * Styles shared by reference: exceljs caches a style by its object, so a million cells that share
 * one object cost one lookup each instead of serialising the style every time. Never mutate them
 * (no `cell.font = …` on a cell that holds one): assign whole objects only.
 */
export const WRAP_TOP: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
export const PERCENT: Partial<ExcelJS.Style> = { numFmt: '0%' };
export const COUNT: Partial<ExcelJS.Style> = { numFmt: '#,##0' };

/** Lets the worker answer messages (cancel) between chunks of rows. */
export async function breathe(): Promise<void> {
  await new Promise((r) => setImmediate(r));
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
  let lines = 1;
  row.eachCell((cell, col) => {
    const width = widths[col - 1] ?? 10;
    const value = typeof cell.value === 'string' ? cell.value : cell.value == null ? '' : String(cell.value);
    lines = Math.max(lines, value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(1, width - 1))), 0));
  });
  row.height = Math.min(409, 15 * lines);
}
