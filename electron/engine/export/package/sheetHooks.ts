/**
 * Where our elements enter a streamed sheet. exceljs's `WorksheetWriter.commit()` (4.4.0) writes
 * sheetData, autoFilter, mergeCells, hyperlinks, conditionalFormatting, dataValidations,
 * sheetProtection, pageMargins, pageSetup, picture, headerFooter, rowBreaks, legacyDrawing, then
 * closes the sheet and only then its .rels. CT_Worksheet wants hyperlinks after dataValidations,
 * drawing after rowBreaks and before legacyDrawing, and tableParts last: so hyperlinks move to the
 * end of `_writeDataValidations`, and drawing and tableParts wrap `_writeLegacyData`, where the
 * sheet's .rels is still open for their relationships.
 */
import { HOOKED_SHEET_METHODS, internalsChanged, type HookedSheetMethod, type WorksheetWriterInternals } from './internals';
import { writeHyperlinks, type LinkColumn } from './links';
import { formatRange, parseRange, rangesOverlap, type CellRange } from './ooxml';
import type { PlannedTable } from './tables';

export interface SheetParts {
  sheet: WorksheetWriterInternals;
  tables: PlannedTable[];
  links: LinkColumn[];
  /** Writes the sheet's drawing, charts and tables as parts; returns the r:ids for its drawing and tableParts. */
  writeParts: () => { drawing?: string; tables: string[] };
}

type Address = string | { row: number; column: number };

function cell(a: unknown): { row: number; column: number } | undefined {
  if (typeof a === 'string') {
    const r = parseRange(a);
    return r ? { row: r.top, column: r.left } : undefined;
  }
  const o = a as Partial<Exclude<Address, string>> | null;
  return typeof o?.row === 'number' && typeof o.column === 'number' ? { row: o.row, column: o.column } : undefined;
}

/** The range of a `ws.autoFilter` in any form exceljs accepts ('A1:H9' or { from, to }). */
export function autoFilterRange(af: unknown): CellRange | undefined {
  if (typeof af === 'string') return parseRange(af);
  if (typeof af !== 'object' || af === null || !('from' in af) || !('to' in af)) return undefined;
  const from = cell(af.from);
  const to = cell(af.to);
  if (!from || !to) return undefined;
  return { top: Math.min(from.row, to.row), left: Math.min(from.column, to.column), bottom: Math.max(from.row, to.row), right: Math.max(from.column, to.column) };
}

export function hookSheet(p: SheetParts): void {
  const s = p.sheet;
  const original: Record<HookedSheetMethod | 'commit', () => void> = {
    _writeHyperlinks: s._writeHyperlinks,
    _writeDataValidations: s._writeDataValidations,
    _writeLegacyData: s._writeLegacyData,
    commit: s.commit,
  };
  const ran = new Set<HookedSheetMethod>();
  const write = (xml: string): void => {
    s.stream.write(xml);
  };

  s._writeHyperlinks = () => {
    ran.add('_writeHyperlinks');
  };
  s._writeDataValidations = () => {
    ran.add('_writeDataValidations');
    original._writeDataValidations.call(s);
    writeHyperlinks(write, s._sheetRelsWriter._hyperlinks, p.links);
  };
  s._writeLegacyData = () => {
    ran.add('_writeLegacyData');
    const ids = p.writeParts();
    if (ids.drawing) write(`<drawing r:id="${ids.drawing}"/>`);
    original._writeLegacyData.call(s);
    if (ids.tables.length > 0) write(`<tableParts count="${ids.tables.length}">${ids.tables.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  };
  s.commit = () => {
    if (!s.committed) {
      // A second filter over a table's cells makes Excel repair the file; say so before anything is written.
      const filter = autoFilterRange(s.autoFilter);
      const clash = filter && p.tables.find((t) => rangesOverlap(t.range, filter));
      if (filter && clash) {
        throw new Error(`Worksheet '${s.name}': ws.autoFilter ${formatRange(filter)} overlaps table '${clash.name}', which has its own filter; leave ws.autoFilter unset.`);
      }
    }
    const wasCommitted = s.committed;
    original.commit.call(s);
    if (!wasCommitted && ran.size !== HOOKED_SHEET_METHODS.length) {
      throw internalsChanged(`WorksheetWriter.commit() no longer calls ${HOOKED_SHEET_METHODS.filter((m) => !ran.has(m)).join(', ')}`);
    }
  };
}
