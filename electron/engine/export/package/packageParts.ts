/**
 * What exceljs's streaming writer cannot write, added to its package by hand: Excel tables,
 * bar and column charts, and hyperlinks to cells inside the workbook (exceljs 4.4.0 writes every
 * hyperlink as an External relationship, so '#Sheet!A1' targets break).
 *
 *   const parts = attachPackageParts(wb);            // once, right after creating the writer
 *   const link = parts.linkColumn(ws, { column: 1, targetSheet: 'Identities', targetColumn: 1 });
 *   link(row.number, identityRow);                    // per streamed row: two numbers kept
 *   parts.addTable(ws, { name: 'Findings', ref: 'A1:H120', columns: headers });
 *   ws.commit();                                      // parts are written here
 *
 * Everything for a sheet must be added before that sheet is committed. A table brings its own
 * filter buttons: do not also set `ws.autoFilter` over its cells (the commit throws if you do).
 */
import type ExcelJS from 'exceljs';
import { chartXml, drawingRelsXml, drawingXml, validateChart, type ChartAnchor, type ChartSpec, type PlacedChart } from './charts';
import { internalsChanged, sheetInternals, workbookInternals, type WorkbookWriterInternals, type WorksheetWriterInternals } from './internals';
import { LinkColumn, type LinkColumnSpec } from './links';
import { CONTENT_TYPE, REL_TYPE } from './ooxml';
import { hookSheet, type SheetParts } from './sheetHooks';
import { planTable, tableXml, type TableSpec } from './tables';

export type { ChartAnchor, ChartSeries, ChartSpec } from './charts';
export type { LinkColumnSpec } from './links';
export type { TableSpec } from './tables';
export { sheetRange } from './ooxml';

export interface PackageParts {
  /** An Excel table over `spec.ref` (header row included). Throws on a name or columns Excel would reject. */
  addTable(ws: ExcelJS.Worksheet, spec: TableSpec): void;
  /** A chart placed over `anchor`; all charts of a sheet share its one drawing. */
  addChart(ws: ExcelJS.Worksheet, anchor: ChartAnchor, spec: ChartSpec): void;
  /** Internal links from cells of `spec.column`: call the result with (row, target row), rows ascending. */
  linkColumn(ws: ExcelJS.Worksheet, spec: LinkColumnSpec): (row: number, targetRow: number) => void;
}

interface SheetState extends SheetParts {
  charts: (PlacedChart & { xml: string })[];
}

/** Part numbers written, for [Content_Types].xml. */
interface Written {
  tables: number[];
  drawings: number[];
  charts: number[];
}

const attached = new WeakMap<ExcelJS.stream.xlsx.WorkbookWriter, PackageParts>();

export function attachPackageParts(wb: ExcelJS.stream.xlsx.WorkbookWriter): PackageParts {
  const existing = attached.get(wb);
  if (existing) return existing;
  const book = workbookInternals(wb);
  const sheets = new Map<WorksheetWriterInternals, SheetState>();
  const tableNames = new Set<string>();
  const linkTargets = new Set<string>();
  const written: Written = { tables: [], drawings: [], charts: [] };
  const counters = { table: 0, chart: 0, drawing: 0 };

  const writeParts = (st: SheetState): { drawing?: string; tables: string[] } => {
    const rels = st.sheet._sheetRelsWriter;
    let drawing: string | undefined;
    if (st.charts.length > 0) {
      const n = ++counters.drawing;
      drawing = rels.addRelationship({ Type: REL_TYPE.drawing, Target: `../drawings/drawing${n}.xml` });
      book.zip.append(drawingXml(st.charts), { name: `xl/drawings/drawing${n}.xml` });
      book.zip.append(drawingRelsXml(st.charts, REL_TYPE.chart), { name: `xl/drawings/_rels/drawing${n}.xml.rels` });
      for (const c of st.charts) {
        book.zip.append(c.xml, { name: `xl/charts/chart${c.part}.xml` });
        written.charts.push(c.part);
      }
      written.drawings.push(n);
    }
    const tables = st.tables.map((t) => {
      book.zip.append(tableXml(t), { name: `xl/tables/table${t.id}.xml` });
      written.tables.push(t.id);
      return rels.addRelationship({ Type: REL_TYPE.table, Target: `../tables/table${t.id}.xml` });
    });
    st.charts = [];
    return drawing ? { drawing, tables } : { tables };
  };

  const stateOf = (ws: ExcelJS.Worksheet): SheetState => {
    const sheet = sheetInternals(ws, wb);
    if (sheet.committed) throw new Error(`Worksheet '${sheet.name}' is already committed: add its tables, charts and links before committing it.`);
    let st = sheets.get(sheet);
    if (!st) {
      const created: SheetState = { sheet, tables: [], links: [], charts: [], writeParts: () => writeParts(created) };
      hookSheet(created);
      sheets.set(sheet, created);
      st = created;
    }
    return st;
  };

  patchContentTypes(book, written, linkTargets);

  const parts: PackageParts = {
    addTable(ws, spec) {
      const st = stateOf(ws);
      const table = planTable(spec, counters.table + 1, tableNames, st.tables);
      counters.table++;
      tableNames.add(table.name.toLowerCase());
      st.tables.push(table);
    },
    addChart(ws, anchor, spec) {
      const st = stateOf(ws);
      validateChart(spec, anchor);
      const part = ++counters.chart;
      st.charts.push({ part, anchor: { ...anchor }, title: spec.title, xml: chartXml(spec, 10_000 + part * 2) });
    },
    linkColumn(ws, spec) {
      const st = stateOf(ws);
      if (st.links.some((l) => l.column === spec.column)) throw new Error(`Worksheet '${st.sheet.name}': column ${spec.column} already has a link column.`);
      const column = new LinkColumn(spec);
      st.links.push(column);
      linkTargets.add(spec.targetSheet);
      return (row, targetRow) => {
        if (st.sheet.committed) throw new Error(`Worksheet '${st.sheet.name}' is already committed: links must be added before.`);
        column.add(row, targetRow);
      };
    },
  };
  attached.set(wb, parts);
  return parts;
}

const CONTENT_TYPES_PART = '[Content_Types].xml';

/**
 * exceljs builds [Content_Types].xml from a model it assembles inside `addContentTypes`, with no
 * place for charts; so the original runs against a stand-in whose `zip.append` adds our Overrides
 * before `</Types>`, leaving the real writer untouched.
 */
function patchContentTypes(book: WorkbookWriterInternals, written: Written, linkTargets: ReadonlySet<string>): void {
  const original = book.addContentTypes;
  book.addContentTypes = () => {
    const missing = [...linkTargets].filter((name) => !book.getWorksheet(name));
    if (missing.length > 0) return Promise.reject(new Error(`Internal links point to sheets that do not exist: ${missing.map((n) => `'${n}'`).join(', ')}.`));
    const override = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
    const overrides = [
      ...written.tables.map((n) => override(`/xl/tables/table${n}.xml`, CONTENT_TYPE.table)),
      ...written.drawings.map((n) => override(`/xl/drawings/drawing${n}.xml`, CONTENT_TYPE.drawing)),
      ...written.charts.map((n) => override(`/xl/charts/chart${n}.xml`, CONTENT_TYPE.chart)),
    ].join('');
    let patched = false;
    const zip = {
      append(source: string, data: { name: string }): unknown {
        if (data.name === CONTENT_TYPES_PART && typeof source === 'string' && source.includes('</Types>')) {
          patched = true;
          return book.zip.append(source.replace('</Types>', `${overrides}</Types>`), data);
        }
        return book.zip.append(source, data);
      },
    };
    const standIn: WorkbookWriterInternals = Object.create(book, { zip: { value: zip } });
    return original.call(standIn).then(() => {
      if (!patched) throw internalsChanged('WorkbookWriter.addContentTypes no longer appends [Content_Types].xml');
    });
  };
}
