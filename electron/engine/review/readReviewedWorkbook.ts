import ExcelJS from 'exceljs';
import { REVIEW_DECISIONS, REVIEW_HEADERS, REVIEW_KEY_HEADER, REVIEW_LIMITS, REVIEW_STAMP_HEADER, REVIEW_STATUSES, type Review } from '../../../shared/domain/review';
import { UserFacingError } from '../../../shared/contract/result';

/** One data row of a reviewed workbook's Identities sheet. */
export interface ReviewedRow {
  /** The spreadsheet row number, for messages. */
  row: number;
  key: string | null;
  stamp: string | null;
  name: string;
  review: Review;
  problems: string[];
}

type Field = keyof typeof REVIEW_HEADERS;
const FIELDS = Object.keys(REVIEW_HEADERS) as Field[];

/** What a spreadsheet app may leave in a cell, reduced to text (dates to YYYY-MM-DD). */
function cellText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return '';
}

/** Excel's day serial (1900 system) to a date; reviewers' dates arrive as numbers when the cell lost its format. */
function serialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 20_000 || n > 100_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000).toISOString().slice(0, 10);
}

function dueDate(raw: unknown, problems: string[]): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') {
    const iso = serialToIso(raw);
    if (!iso) problems.push(`the due date ${raw} is not a date`);
    return iso;
  }
  const t = cellText(raw);
  if (t === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/u.exec(t);
  if (m && !Number.isNaN(Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`))) return `${m[1]}-${m[2]}-${m[3]}`;
  // Day-first or month-first text cannot be told apart reliably, so only ISO text is accepted.
  problems.push(`the due date "${t}" is not a date (use the date picker or YYYY-MM-DD)`);
  return null;
}

function fromList<T extends string>(values: readonly T[], raw: string, what: string, problems: string[]): T | null {
  if (raw === '') return null;
  const hit = values.find((v) => v.toLowerCase() === raw.toLowerCase());
  if (!hit) problems.push(`the ${what} "${raw}" is not one of: ${values.join(', ')}`);
  return hit ?? null;
}

function limited(raw: string, max: number, what: string, problems: string[]): string | null {
  if (raw === '') return null;
  if (raw.length > max) problems.push(`the ${what} is longer than ${max} characters`);
  return raw.slice(0, max);
}

interface Columns {
  key: number;
  stamp: number | null;
  name: number | null;
  fields: Record<Field, number | null>;
}

function columnsOf(header: unknown[]): Columns | null {
  const at = (h: string): number | null => {
    const i = header.findIndex((v) => cellText(v).toLowerCase() === h.toLowerCase());
    return i < 0 ? null : i;
  };
  const key = at(REVIEW_KEY_HEADER);
  if (key == null) return null;
  return { key, stamp: at(REVIEW_STAMP_HEADER), name: at('Display name'), fields: Object.fromEntries(FIELDS.map((f) => [f, at(REVIEW_HEADERS[f])])) as Record<Field, number | null> };
}

function rowOf(values: unknown[], row: number, c: Columns): ReviewedRow {
  const problems: string[] = [];
  const get = (f: Field): unknown => (c.fields[f] == null ? undefined : values[c.fields[f]]);
  const review: Review = {
    owner: limited(cellText(get('owner')), REVIEW_LIMITS.owner, 'owner', problems),
    decision: fromList(REVIEW_DECISIONS, cellText(get('decision')), 'decision', problems),
    dueDate: dueDate(get('dueDate'), problems),
    status: fromList(REVIEW_STATUSES, cellText(get('status')), 'status', problems),
    notes: limited(cellText(get('notes')), REVIEW_LIMITS.notes, 'notes', problems),
  };
  const key = cellText(values[c.key]);
  const stamp = c.stamp == null ? '' : cellText(values[c.stamp]);
  return { row, key: key || null, stamp: stamp || null, name: c.name == null ? '' : cellText(values[c.name]), review, problems };
}

/**
 * Streams the reviewer columns out of a workbook this tool wrote and a reviewer edited (in Excel or
 * LibreOffice). The sheet is found by its hidden "Identity key" header, not by name or position,
 * so a renamed or reordered sheet still reads; columns are found by their headers.
 */
export async function* readReviewedRows(path: string, signal: AbortSignal): AsyncGenerator<ReviewedRow> {
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit' });
    // exceljs 4.4 names a sheet from workbook.xml and fails when a sheet comes first in the zip
    // (as Excel and exceljs itself write them); sheets are found by header here, so an empty
    // model until workbook.xml arrives is enough.
    const internals = reader as unknown as { model?: { sheets: unknown[] } };
    internals.model ??= { sheets: [] };
  } catch (e) {
    throw new UserFacingError(`The reviewed workbook could not be opened: ${(e as Error).message}`, 'REVIEW_WORKBOOK_UNREADABLE');
  }
  let found = false;
  try {
    for await (const sheet of reader) {
      let columns: Columns | null | undefined;
      for await (const row of sheet) {
        const values = (row.values as unknown[] | undefined) ?? [];
        if (columns === undefined) {
          columns = columnsOf(values);
          if (columns) found = true;
          continue;
        }
        // Other sheets are read to the end: the streaming reader cannot skip an entry half-way.
        if (columns === null) continue;
        if (signal.aborted) throw new UserFacingError('Reading the reviewed workbook was cancelled.', 'CANCELLED');
        yield rowOf(values, row.number, columns);
      }
    }
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    throw new UserFacingError(`The reviewed workbook could not be read (${(e as Error).message}). Is it an .xlsx file written by nhi-audit?`, 'REVIEW_WORKBOOK_UNREADABLE');
  }
  if (!found) {
    throw new UserFacingError(
      `No sheet of this workbook has the hidden "${REVIEW_KEY_HEADER}" column: it was not written by nhi-audit, or the column was deleted. Export a fresh workbook and review that one.`,
      'REVIEW_KEY_MISSING',
    );
  }
}
