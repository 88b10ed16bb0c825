/** OOXML names, escaping and A1 references shared by the parts this module writes. */

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  dml: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
} as const;

export const REL_TYPE = {
  table: `${NS.rel}/table`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
} as const;

export const CONTENT_TYPE = {
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// XML 1.0 cannot carry these at all, escaped or not: a display name holding one would make the part unreadable.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const TEXT_SPECIAL = /[&<>]/gu;
// Attribute-value normalisation turns literal tabs and line breaks into spaces, so they go as character references.
const ATTR_SPECIAL = /[&<>"'\t\n\r]/gu;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text content of an element. */
export function escapeText(s: string): string {
  return s.replace(NOT_XML, '').replace(TEXT_SPECIAL, (c) => ENTITY[c] ?? c);
}

/** A double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return s.replace(NOT_XML, '').replace(ATTR_SPECIAL, (c) => ENTITY[c] ?? c);
}

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const RANGE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Za-z]{1,3})\$?([0-9]{1,7}))?$/u;

/** 'A1:H1001' (or a single cell) → range; undefined when it is not one inside the sheet's limits. */
export function parseRange(ref: string): CellRange | undefined {
  const m = RANGE.exec(ref.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const a = { col: columnNumber(m[1]), row: Number(m[2]) };
  const b = m[3] && m[4] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
  const r = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROW || r.right > MAX_COL) return undefined;
  return r;
}

export function formatRange(r: CellRange): string {
  return `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;
}

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** `'Owner''s sheet'`: always quoted, so names with spaces, '&' or leading digits need no special case. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/gu, "''")}'`;
}

/** "'Summary'!$A$20:$A$27" for ('Summary', 'A20:A27'): the absolute, sheet-qualified form chart series refer by. */
export function sheetRange(sheet: string, ref: string): string {
  const r = parseRange(ref);
  if (!r) throw new Error(`'${ref}' is not a cell range such as A20:A27.`);
  return `${quoteSheetName(sheet)}!$${columnLetters(r.left)}$${r.top}:$${columnLetters(r.right)}$${r.bottom}`;
}
