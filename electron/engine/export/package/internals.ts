/**
 * The private parts of exceljs 4.4.0's streaming writer this module hooks, typed narrowly so the
 * compiler tracks every use. They are not in exceljs's typings and may change in any release:
 * each is checked when attaching, and a missing one stops the export with a clear error rather
 * than letting it write a workbook Excel would have to repair.
 */
import type ExcelJS from 'exceljs';

export interface ZipInternals {
  append(source: string, data: { name: string }): unknown;
}

export interface WorkbookWriterInternals {
  zip: ZipInternals;
  /** Appends [Content_Types].xml once every sheet is committed (exceljs calls it from `commit()`). */
  addContentTypes(): Promise<void>;
  getWorksheet(name: string): unknown;
}

/** An exceljs-made hyperlink: its relationship is already written as External. */
export interface ExternalHyperlink {
  rId: string;
  address: string;
}

export interface SheetRelsWriterInternals {
  /** Writes the relationship to the sheet's .rels stream straight away and returns its id. */
  addRelationship(rel: { Type: string; Target: string }): string;
  _hyperlinks: ExternalHyperlink[];
}

/** The methods `WorksheetWriter.commit()` calls, in CT_Worksheet order, around which our elements go. */
export const HOOKED_SHEET_METHODS = ['_writeHyperlinks', '_writeDataValidations', '_writeLegacyData'] as const;
export type HookedSheetMethod = (typeof HOOKED_SHEET_METHODS)[number];

export type WorksheetWriterInternals = {
  id: number;
  name: string;
  committed: boolean;
  autoFilter: unknown;
  stream: { write(chunk: string): unknown };
  _workbook: unknown;
  _sheetRelsWriter: SheetRelsWriterInternals;
  commit(): void;
} & Record<HookedSheetMethod, () => void>;

export function internalsChanged(what: string): Error {
  return new Error(`exceljs internals changed (${what}); the workbook package writer is pinned to exceljs 4.4.0.`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function hasMethods(v: unknown, names: readonly string[]): v is Record<string, unknown> {
  return isObject(v) && names.every((n) => typeof v[n] === 'function');
}

export function workbookInternals(wb: ExcelJS.stream.xlsx.WorkbookWriter): WorkbookWriterInternals {
  const w: unknown = wb;
  if (!hasMethods(w, ['addContentTypes', 'getWorksheet', 'addWorksheet', 'commit'])) throw internalsChanged('WorkbookWriter.addContentTypes');
  if (!hasMethods(w.zip, ['append'])) throw internalsChanged('WorkbookWriter.zip.append');
  return w as unknown as WorkbookWriterInternals;
}

/** The writer behind `ws`, checked to be a streaming sheet of `wb` that still takes elements. */
export function sheetInternals(ws: ExcelJS.Worksheet, wb: ExcelJS.stream.xlsx.WorkbookWriter): WorksheetWriterInternals {
  const s: unknown = ws;
  if (!isObject(s) || s._workbook !== wb) throw new Error('The worksheet does not belong to this streaming workbook.');
  if (!hasMethods(s, ['commit', ...HOOKED_SHEET_METHODS])) throw internalsChanged(`WorksheetWriter.${HOOKED_SHEET_METHODS.join('/')}`);
  const rels = s._sheetRelsWriter;
  if (!hasMethods(rels, ['addRelationship']) || !Array.isArray(rels._hyperlinks)) throw internalsChanged('SheetRelsWriter.addRelationship/_hyperlinks');
  if (typeof s.id !== 'number' || typeof s.name !== 'string' || typeof s.committed !== 'boolean') throw internalsChanged('WorksheetWriter.id/name/committed');
  return s as unknown as WorksheetWriterInternals;
}
