import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachPackageParts, sheetRange, type ChartSpec } from '../../../electron/engine/export/package/packageParts';
import { attr, contentTypes, danglingOverrides, findAll, parseXml, relationshipsOf, relsPathOf, readParts, type XmlElement } from './ooxmlPackage';

const IDENTITY_HEADERS = ['Display name', 'User principal name', 'Kind & type', 'Sign-ins', 'Notes "quoted" <x>'] as const;
const RULE_HEADERS = ['Rule', 'Outcome', 'Findings'] as const;
const SUMMARY = "Owner's Summary";
const CLASSES = ['Human', 'Service account', 'Shared mailbox', 'Break-glass', 'Unknown <n/a> & co'] as const;
const READY = [120, 14, 3, 2, 9];
const BLOCKED = [4, 30, 1, 0, 5];
const BREAKS = [10, 7, 0, 1, 2];
const IDENTITIES = 1000;
const LINKS = 50;
/** The identity the i-th link of the summary points at (1-based); its row on Identities is one more. */
const linkedIdentity = (i: number): number => ((i * 37) % IDENTITIES) + 1;

const CT_WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nhi-package-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writeSample(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const parts = attachPackageParts(wb);

  const ids = wb.addWorksheet('Identities', { views: [{ state: 'frozen', ySplit: 1 }] });
  ids.columns = IDENTITY_HEADERS.map((header) => ({ header, width: 24 }));
  const head = ids.getRow(1);
  head.font = { bold: true };
  head.commit();
  for (let i = 1; i <= IDENTITIES; i++) {
    ids.addRow([`Identity ${i}`, `id${i}@contoso.example`, i % 3 === 0 ? 'service principal' : 'user', (i * 7) % 50, i % 10 === 0 ? 'needs review' : '']).commit();
  }
  ids.addRow([]).commit();
  ids.addRow([...RULE_HEADERS]).commit();
  ids.addRow(['stale-secret', 'Fail', 3]).commit();
  ids.addRow(['no-owner', 'Pass', 0]).commit();
  ids.addRow(['mfa-gap', 'Skipped', 0]).commit();
  parts.addTable(ids, { name: 'Identities', ref: `A1:E${IDENTITIES + 1}`, columns: IDENTITY_HEADERS });
  parts.addTable(ids, { name: 'Rule_Outcomes', ref: 'A1003:C1006', columns: RULE_HEADERS, style: 'TableStyleMedium2' });
  ids.commit();

  const sum = wb.addWorksheet(SUMMARY);
  sum.columns = [{ width: 28 }, { width: 12 }, { width: 12 }, { width: 12 }];
  sum.addRow(['Readiness by class']).commit();
  sum.addRow(['Class', 'Ready', 'Blocked', 'Breaks']).commit();
  CLASSES.forEach((c, i) => sum.addRow([c, READY[i], BLOCKED[i], BREAKS[i]]).commit());
  parts.addTable(sum, { name: 'ReadinessByClass', ref: 'A2:D7', columns: ['Class', 'Ready', 'Blocked', 'Breaks'] });
  const q = "'Owner''s Summary'";
  const categories = { ref: sheetRange(SUMMARY, 'A3:A7'), values: CLASSES };
  parts.addChart(sum, { fromCol: 5, fromRow: 1, toCol: 13, toRow: 18 }, {
    kind: 'bar',
    stacked: true,
    title: 'Readiness by class',
    categories,
    series: [
      { name: 'Ready', ref: `${q}!$B$3:$B$7`, values: READY, color: '4C9A2A' },
      { name: 'Blocked', ref: `${q}!$C$3:$C$7`, values: BLOCKED, color: '8B1A10' },
      { name: 'Breaks', ref: `${q}!$D$3:$D$7`, values: BREAKS },
    ],
  });
  parts.addChart(sum, { fromCol: 5, fromRow: 19, toCol: 13, toRow: 36 }, {
    kind: 'column',
    title: 'Ready identities',
    categories,
    series: [{ name: 'Ready', ref: `${q}!$B$3:$B$7`, values: READY }],
    dataLabels: true,
  });
  sum.addRow([]).commit();
  sum.addRow(['Top identities', 'Sign-ins', 'Runbook']).commit();
  const link = parts.linkColumn(sum, { column: 1, targetSheet: 'Identities', targetColumn: 1, tooltip: 'Open the identity' });
  for (let i = 1; i <= LINKS; i++) {
    const k = linkedIdentity(i);
    const row = sum.addRow([`Identity ${k}`, (k * 7) % 50]);
    if (i === 1) row.getCell(3).value = { text: 'Runbook', hyperlink: 'https://example.com/runbook?a=1&b=2' };
    link(row.number, k + 1);
    row.commit();
  }
  sum.commit();
  await wb.commit();
}

const sheetRoot = (parts: ReadonlyMap<string, string>, n: number): XmlElement => parseXml(parts.get(`xl/worksheets/sheet${n}.xml`) ?? '', `sheet${n}`);
const relById = (parts: ReadonlyMap<string, string>, part: string, id: string): string | undefined => relationshipsOf(parts, part).find((r) => r.id === id)?.target;
const num = (el: XmlElement, name: string): string[] => findAll(el, name).map((e) => attr(e, 'val'));

describe('package parts on the streaming writer', () => {
  let path: string;
  let parts: Map<string, string>;
  beforeAll(async () => {
    path = join(dir, 'sample.xlsx');
    await writeSample(path);
    parts = await readParts(path);
  });

  it('reads back with exceljs: sheets, cells and tables', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Identities', SUMMARY]);
    const ids = book.getWorksheet('Identities');
    expect(ids?.getCell(`A${IDENTITIES + 1}`).value).toBe(`Identity ${IDENTITIES}`);
    const tables = (w: ExcelJS.Worksheet | undefined): { name: string; ref: string; columns: string[] }[] =>
      (w?.getTables() ?? []).map((t) => {
        const m = (t as unknown as { table: { name: string; tableRef: string; columns: { name: string }[] } }).table;
        return { name: m.name, ref: m.tableRef, columns: m.columns.map((c) => c.name) };
      });
    expect(tables(ids)).toEqual([
      { name: 'Identities', ref: `A1:E${IDENTITIES + 1}`, columns: [...IDENTITY_HEADERS] },
      { name: 'Rule_Outcomes', ref: 'A1003:C1006', columns: [...RULE_HEADERS] },
    ]);
    expect(tables(book.getWorksheet(SUMMARY))).toEqual([{ name: 'ReadinessByClass', ref: 'A2:D7', columns: ['Class', 'Ready', 'Blocked', 'Breaks'] }]);
  });

  it('writes every part well-formed, referenced and typed', () => {
    for (const [name, xml] of parts) if (/\.(xml|rels)$/u.test(name)) expect(() => parseXml(xml, name)).not.toThrow();
    const typeOf = contentTypes(parts);
    const referenced = new Set<string>();
    for (const rels of [...parts.keys()].filter((p) => p.endsWith('.rels'))) {
      const source = rels === '_rels/.rels' ? '' : rels.replace(/_rels\/([^/]+)\.rels$/u, '$1');
      for (const r of relationshipsOf(parts, source)) {
        if (r.external) continue;
        expect(parts.has(r.target), `${rels} → ${r.target}`).toBe(true);
        referenced.add(r.target);
      }
    }
    for (const p of parts.keys()) {
      if (p === '[Content_Types].xml' || p.endsWith('.rels')) continue;
      expect(typeOf(p), `content type of ${p}`).toBeDefined();
      expect(referenced.has(p), `${p} is referenced`).toBe(true);
    }
    expect(danglingOverrides(parts)).toEqual([]);
    const ct = 'application/vnd.openxmlformats-officedocument';
    expect([1, 2, 3].map((n) => typeOf(`xl/tables/table${n}.xml`))).toEqual(Array(3).fill(`${ct}.spreadsheetml.table+xml`));
    expect(typeOf('xl/drawings/drawing1.xml')).toBe(`${ct}.drawing+xml`);
    expect([1, 2].map((n) => typeOf(`xl/charts/chart${n}.xml`))).toEqual(Array(2).fill(`${ct}.drawingml.chart+xml`));
  });

  it('puts sheet elements in CT_Worksheet order', () => {
    for (const n of [1, 2]) {
      const names = sheetRoot(parts, n).children.map((c) => c.name);
      const positions = names.map((name) => CT_WORKSHEET_ORDER.indexOf(name));
      expect(positions.every((p) => p >= 0), names.join(',')).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(sheetRoot(parts, 2).children.map((c) => c.name)).toEqual(expect.arrayContaining(['hyperlinks', 'drawing', 'tableParts']));
  });

  it('writes tables with their own filter, several per sheet', () => {
    const sheet = sheetRoot(parts, 1);
    expect(findAll(sheet, 'autoFilter')).toEqual([]);
    const tableParts = findAll(sheet, 'tableParts')[0];
    expect(attr(tableParts, 'count')).toBe('2');
    const targets = findAll(sheet, 'tablePart').map((t) => relById(parts, 'xl/worksheets/sheet1.xml', attr(t, 'r:id')));
    expect(targets).toEqual(['xl/tables/table1.xml', 'xl/tables/table2.xml']);
    const t1 = parseXml(parts.get('xl/tables/table1.xml') ?? '');
    expect(t1.attrs).toMatchObject({ id: '1', name: 'Identities', displayName: 'Identities', ref: 'A1:E1001' });
    expect(attr(findAll(t1, 'autoFilter')[0], 'ref')).toBe('A1:E1001');
    expect(findAll(t1, 'tableColumn').map((c) => attr(c, 'name'))).toEqual([...IDENTITY_HEADERS]);
    expect(attr(findAll(t1, 'tableStyleInfo')[0], 'name')).toBe('TableStyleLight9');
    const t2 = parseXml(parts.get('xl/tables/table2.xml') ?? '');
    expect(t2.attrs).toMatchObject({ id: '2', name: 'Rule_Outcomes', ref: 'A1003:C1006' });
    expect(attr(findAll(t2, 'tableStyleInfo')[0], 'name')).toBe('TableStyleMedium2');
  });

  it('writes internal links as locations and exceljs links as relationships, in one element', async () => {
    const sheet = sheetRoot(parts, 2);
    const lists = findAll(sheet, 'hyperlinks');
    expect(lists).toHaveLength(1);
    const links = findAll(sheet, 'hyperlink');
    const external = links.filter((l) => 'r:id' in l.attrs);
    expect(external).toHaveLength(1);
    expect(external[0]?.attrs).toMatchObject({ ref: 'C10' });
    const rel = relationshipsOf(parts, 'xl/worksheets/sheet2.xml').find((r) => r.id === attr(external[0], 'r:id'));
    expect(rel).toMatchObject({ external: true, target: 'https://example.com/runbook?a=1&b=2', type: `${REL}/hyperlink` });

    const internal = links.filter((l) => 'location' in l.attrs);
    expect(internal).toHaveLength(LINKS);
    expect(internal.every((l) => !('r:id' in l.attrs) && l.attrs.tooltip === 'Open the identity')).toBe(true);
    expect(internal[0]?.attrs).toMatchObject({ ref: 'A10', location: `'Identities'!A${linkedIdentity(1) + 1}` });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const from = book.getWorksheet(SUMMARY);
    const to = book.getWorksheet('Identities');
    for (const l of internal) {
      const m = /^'Identities'!(A\d+)$/u.exec(attr(l, 'location'));
      expect(m?.[1]).toBeDefined();
      expect(to?.getCell(m?.[1] ?? '').value).toBe(from?.getCell(attr(l, 'ref')).value);
    }
  });

  it('draws both charts from one drawing, with cached values and consistent axes', () => {
    const sheet = sheetRoot(parts, 2);
    const drawingPart = relById(parts, 'xl/worksheets/sheet2.xml', attr(findAll(sheet, 'drawing')[0], 'r:id'));
    expect(drawingPart).toBe('xl/drawings/drawing1.xml');
    const drawing = parseXml(parts.get('xl/drawings/drawing1.xml') ?? '');
    const anchors = findAll(drawing, 'xdr:twoCellAnchor');
    expect(anchors).toHaveLength(2);
    const chartParts = findAll(drawing, 'c:chart').map((c) => relById(parts, 'xl/drawings/drawing1.xml', attr(c, 'r:id')));
    expect(chartParts).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
    expect(findAll(anchors[0] as XmlElement, 'xdr:col').map((c) => c.text)).toEqual(['5', '13']);
    expect(parts.has(relsPathOf('xl/drawings/drawing1.xml'))).toBe(true);

    const check = (part: string, want: { dir: string; grouping: string; series: readonly (readonly number[])[]; legend: boolean; labels: boolean; title: string }): void => {
      const chart = parseXml(parts.get(part) ?? '', part);
      const bar = findAll(chart, 'c:barChart')[0] as XmlElement;
      expect(num(bar, 'c:barDir')).toEqual([want.dir]);
      expect(num(bar, 'c:grouping')).toEqual([want.grouping]);
      expect(findAll(findAll(chart, 'c:title')[0] as XmlElement, 'a:t').map((t) => t.text)).toEqual([want.title]);
      const series = findAll(bar, 'c:ser');
      expect(series).toHaveLength(want.series.length);
      series.forEach((s, i) => {
        const cats = findAll(s, 'c:strCache')[0] as XmlElement;
        expect(num(cats, 'c:ptCount')).toEqual(['5']);
        expect(findAll(cats, 'c:v').map((v) => v.text)).toEqual([...CLASSES]);
        const vals = findAll(s, 'c:numCache')[0] as XmlElement;
        expect(findAll(vals, 'c:v').map((v) => Number(v.text))).toEqual(want.series[i]);
        expect(findAll(s, 'c:f')[0]?.text).toMatch(/^'Owner''s Summary'!\$[AB]\$3:\$[AB]\$7$/u);
      });
      const barAxes = bar.children.filter((c) => c.name === 'c:axId').map((c) => attr(c, 'val'));
      const catAx = findAll(chart, 'c:catAx')[0] as XmlElement;
      const valAx = findAll(chart, 'c:valAx')[0] as XmlElement;
      const own = (ax: XmlElement, name: string): string => attr(ax.children.find((c) => c.name === name), 'val');
      expect(barAxes).toEqual([own(catAx, 'c:axId'), own(valAx, 'c:axId')]);
      expect(own(catAx, 'c:crossAx')).toBe(own(valAx, 'c:axId'));
      expect(own(valAx, 'c:crossAx')).toBe(own(catAx, 'c:axId'));
      expect(findAll(chart, 'c:legend')).toHaveLength(want.legend ? 1 : 0);
      expect(findAll(chart, 'c:dLbls')).toHaveLength(want.labels ? 1 : 0);
    };
    check('xl/charts/chart1.xml', { dir: 'bar', grouping: 'stacked', series: [READY, BLOCKED, BREAKS], legend: true, labels: false, title: 'Readiness by class' });
    check('xl/charts/chart2.xml', { dir: 'col', grouping: 'clustered', series: [READY], legend: false, labels: true, title: 'Ready identities' });
    const ids = [1, 2].map((n) => findAll(parseXml(parts.get(`xl/charts/chart${n}.xml`) ?? ''), 'c:barChart')[0]);
    expect(new Set(ids.flatMap((b) => num(b as XmlElement, 'c:axId'))).size).toBe(4);
  });
});

/** A writer that keeps its package in memory and is never committed: for what must throw. */
function scratch(): { wb: ExcelJS.stream.xlsx.WorkbookWriter; ws: ExcelJS.Worksheet; parts: ReturnType<typeof attachPackageParts> } {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({});
  return { wb, ws: wb.addWorksheet('Sheet'), parts: attachPackageParts(wb) };
}

describe('what Excel would reject is refused up front', () => {
  it.each(['1abc', 'has space', 'dash-name', 'A1', 'xfd1048576', 'R1C1', 'R', 'c', 'rc', 'C12', '', 'Ünïcode', 'x'.repeat(256)])('refuses table name %j', (name) => {
    const { ws, parts } = scratch();
    expect(() => parts.addTable(ws, { name, ref: 'A1:B3', columns: ['a', 'b'] })).toThrow(/^Table '.*': /u);
  });

  it('writes sheet-qualified absolute ranges for charts', () => {
    expect(sheetRange("Owner's Summary", 'a20:B27')).toBe("'Owner''s Summary'!$A$20:$B$27");
    expect(sheetRange('Summary', '$C$5')).toBe("'Summary'!$C$5:$C$5");
    expect(() => sheetRange('Summary', 'nonsense')).toThrow(/not a cell range/u);
  });

  it('accepts names Excel accepts', () => {
    const { ws, parts } = scratch();
    ['_x', 'Identities', 'Table_2', 'ABCD1', 'R1C1X'].forEach((name, i) => parts.addTable(ws, { name, ref: `A${i * 3 + 1}:B${i * 3 + 2}`, columns: ['a', 'b'] }));
  });

  it('refuses a name already used in the workbook, case-insensitively', () => {
    const { wb, ws, parts } = scratch();
    parts.addTable(ws, { name: 'Findings', ref: 'A1:B3', columns: ['a', 'b'] });
    expect(() => parts.addTable(wb.addWorksheet('Other'), { name: 'FINDINGS', ref: 'A1:B3', columns: ['a', 'b'] })).toThrow(/already has this name/u);
  });

  it('refuses duplicate, empty or miscounted columns, bad refs and overlapping tables', () => {
    const { ws, parts } = scratch();
    expect(() => parts.addTable(ws, { name: 'T', ref: 'A1:C9', columns: ['Name', 'Kind', 'name'] })).toThrow(/column name 'name' appears twice/u);
    expect(() => parts.addTable(ws, { name: 'T', ref: 'A1:C9', columns: ['Name', ' ', 'x'] })).toThrow(/empty/u);
    expect(() => parts.addTable(ws, { name: 'T', ref: 'A1:C9', columns: ['Name', 'Kind'] })).toThrow(/3 columns wide but 2/u);
    expect(() => parts.addTable(ws, { name: 'T', ref: 'A1-C9', columns: ['a'] })).toThrow(/not a cell range/u);
    expect(() => parts.addTable(ws, { name: 'T', ref: 'A1:B2', columns: ['a', 'b'], style: 'x"/>' })).toThrow(/table style/u);
    parts.addTable(ws, { name: 'Top', ref: 'A1:C9', columns: ['a', 'b', 'c'] });
    expect(() => parts.addTable(ws, { name: 'Below', ref: 'B9:C12', columns: ['a', 'b'] })).toThrow(/overlaps table 'Top'/u);
    parts.addTable(ws, { name: 'Below', ref: 'A11:B12', columns: ['a', 'b'] });
  });

  it('gives a header-only table one data row', async () => {
    const path = join(dir, 'header-only.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const parts = attachPackageParts(wb);
    const ws = wb.addWorksheet('Empty');
    ws.addRow(['a', 'b']).commit();
    parts.addTable(ws, { name: 'EmptyTable', ref: 'A1:B1', columns: ['a', 'b'] });
    await wb.commit();
    const table = parseXml((await readParts(path)).get('xl/tables/table1.xml') ?? '');
    expect(attr(table, 'ref')).toBe('A1:B2');
  });

  it('refuses work on a committed sheet and a sheet filter over a table', () => {
    const { wb, ws, parts } = scratch();
    ws.commit();
    expect(() => parts.addTable(ws, { name: 'Late', ref: 'A1:B2', columns: ['a', 'b'] })).toThrow(/already committed/u);
    const filtered = wb.addWorksheet('Filtered');
    filtered.addRow(['a', 'b']).commit();
    parts.addTable(filtered, { name: 'Filtered', ref: 'A1:B5', columns: ['a', 'b'] });
    filtered.autoFilter = { from: { row: 1, column: 1 }, to: { row: 5, column: 2 } };
    expect(() => filtered.commit()).toThrow(/ws\.autoFilter A1:B5 overlaps table 'Filtered'/u);
  });

  it('refuses links out of order, to bad columns, after commit, or to a sheet that never appears', async () => {
    const { ws, parts } = scratch();
    expect(() => parts.linkColumn(ws, { column: 0, targetSheet: 'X', targetColumn: 1 })).toThrow(/one-based/u);
    const link = parts.linkColumn(ws, { column: 2, targetSheet: 'X', targetColumn: 1 });
    expect(() => parts.linkColumn(ws, { column: 2, targetSheet: 'Y', targetColumn: 1 })).toThrow(/already has a link column/u);
    link(5, 2);
    expect(() => link(5, 3)).toThrow(/below the previous one/u);
    expect(() => link(4, 3)).toThrow(/below the previous one/u);
    expect(() => link(6, 0)).toThrow(/not a row number/u);
    ws.commit();
    expect(() => link(7, 2)).toThrow(/already committed/u);

    const path = join(dir, 'missing-target.xlsx');
    const wb2 = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const p2 = attachPackageParts(wb2);
    p2.linkColumn(wb2.addWorksheet('From'), { column: 1, targetSheet: 'Nowhere', targetColumn: 1 })(1, 1);
    await expect(wb2.commit()).rejects.toThrow(/sheets that do not exist: 'Nowhere'/u);
  });

  it('refuses charts whose data does not line up', () => {
    const { ws, parts } = scratch();
    const spec: ChartSpec = { kind: 'column', title: 'T', categories: { ref: "'S'!$A$1:$A$2", values: ['a', 'b'] }, series: [{ name: 's', ref: "'S'!$B$1:$B$2", values: [1, 2] }] };
    const at = { fromCol: 0, fromRow: 0, toCol: 4, toRow: 10 };
    expect(() => parts.addChart(ws, at, { ...spec, series: [{ name: 's', ref: "'S'!$B$1:$B$2", values: [1] }] })).toThrow(/1 values for 2 categories/u);
    expect(() => parts.addChart(ws, at, { ...spec, series: [{ name: 's', ref: "'S'!$B$1:$B$2", values: [1, Number.NaN] }] })).toThrow(/finite/u);
    expect(() => parts.addChart(ws, at, { ...spec, series: [{ name: 's', ref: "'S'!$B$1:$B$2", values: [1, 2], color: '#fff' }] })).toThrow(/RRGGBB/u);
    expect(() => parts.addChart(ws, at, { ...spec, series: [] })).toThrow(/at least one series/u);
    expect(() => parts.addChart(ws, { ...at, toCol: 0 }, spec)).toThrow(/anchor/u);
    expect(() => parts.addChart(ws, at, { ...spec, categories: { ref: 'A1:A2', values: ['a', 'b'] } })).toThrow(/needs a sheet/u);
    parts.addChart(ws, at, spec);
  });

  it('refuses a writer whose internals are not those of exceljs 4.4.0, and sheets of another workbook', () => {
    expect(() => attachPackageParts({} as ExcelJS.stream.xlsx.WorkbookWriter)).toThrow(/exceljs internals changed.*pinned to exceljs 4\.4\.0/u);
    const { wb, parts } = scratch();
    expect(attachPackageParts(wb)).toBe(parts);
    const other = new ExcelJS.stream.xlsx.WorkbookWriter({}).addWorksheet('Other');
    expect(() => parts.addTable(other, { name: 'T', ref: 'A1:A2', columns: ['a'] })).toThrow(/does not belong/u);
    const ws = wb.addWorksheet('Changed');
    (ws as unknown as { _writeLegacyData: unknown })._writeLegacyData = undefined;
    expect(() => parts.addTable(ws, { name: 'T', ref: 'A1:A2', columns: ['a'] })).toThrow(/exceljs internals changed/u);
  });
});

describe('internal links at scale', () => {
  it('writes 300,000 links from typed arrays, alongside exceljs links', async () => {
    const path = join(dir, 'links.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const parts = attachPackageParts(wb);
    wb.addWorksheet('Target').commit();
    const ws = wb.addWorksheet('Source');
    const link = parts.linkColumn(ws, { column: 4, targetSheet: 'Target', targetColumn: 2 });
    const head = ws.addRow(['x']);
    head.getCell(2).value = { text: 'site', hyperlink: 'https://example.com/' };
    head.commit();
    const n = 300_000;
    const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const before = used();
    for (let r = 2; r <= n + 1; r++) link(r, r + 3);
    // Two 32-bit numbers per link in arrays that double: 4 MB, plus up to 4 MB of outgrown arrays not yet
    // collected. An object per link takes about 12 MB here, a string per link more.
    expect(used() - before).toBeLessThan(10 * 1024 * 1024);
    ws.commit();
    await wb.commit();
    const sheet = (await readParts(path)).get('xl/worksheets/sheet2.xml') ?? '';
    expect(sheet.match(/<hyperlinks>/gu)).toHaveLength(1);
    expect(sheet.match(/<hyperlink /gu)).toHaveLength(n + 1);
    expect(sheet).toContain('<hyperlink ref="B1" r:id="rId1"/>');
    expect(sheet).toContain(`<hyperlink ref="D2" location="&apos;Target&apos;!B5"/>`);
    expect(sheet).toContain(`<hyperlink ref="D${n + 1}" location="&apos;Target&apos;!B${n + 4}"/></hyperlinks>`);
  });
});
