import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RawRowWriter } from '../../../electron/engine/export/rawRows';

const dir = mkdtempSync(join(tmpdir(), 'nhi-raw-'));

describe('raw row writer', () => {
  it('writes text as inert values, numbers, dates and styles that exceljs and spreadsheet apps read back', async () => {
    const path = join(dir, 'raw.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('Sheet');
    ws.columns = [{ header: 'Text', width: 20 }, { header: 'Count', width: 10 }, { header: 'Due', width: 12 }];
    ws.getRow(1).commit();
    const rows = new RawRowWriter(wb, ws, [{ alignment: { wrapText: true } }, { numFmt: '#,##0' }, { numFmt: 'yyyy-mm-dd' }]);
    expect(rows.write(['=HYPERLINK("http://x","click")', 1234, new Date(Date.UTC(2027, 0, 31))], null)).toBe(2);
    expect(rows.write(['<b> & "quoted"\u0001 tail', null, null], 30)).toBe(3);
    expect(rows.write(['', Number.NaN, new Date(Number.NaN)], null)).toBe(4);
    // exceljs carries on numbering after the raw rows.
    const after = ws.addRow(['after']);
    expect(after.number).toBe(5);
    after.commit();
    ws.commit();
    await wb.commit();

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    const sheet = back.getWorksheet('Sheet');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("http://x","click")');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toBe(1234);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0');
    expect(sheet.getCell('C2').value).toEqual(new Date(Date.UTC(2027, 0, 31)));
    expect(sheet.getCell('A3').value).toBe('<b> & "quoted" tail');
    expect(sheet.getRow(3).height).toBe(30);
    expect(sheet.getCell('A4').value).toBeNull();
    expect(sheet.getCell('B4').value).toBeNull();
    expect(sheet.getCell('A5').value).toBe('after');
  });

  it('refuses to start while exceljs still holds uncommitted rows', () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'x.xlsx'), useStyles: true });
    const ws = wb.addWorksheet('S');
    ws.addRow(['not committed']);
    expect(() => new RawRowWriter(wb, ws, [{}])).toThrow(/Commit the rows/u);
  });
});

describe('table sheets', () => {
  it('stop at the row limit and say how many rows did not fit', async () => {
    const { writeTableSheet } = await import('../../../electron/engine/export/cells');
    const path = join(dir, 'limit.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    const n = await writeTableSheet(wb, 'Rows', [{ header: 'N', width: 8, value: (i: number) => i }], [1, 2, 3, 4, 5, 6, 7, 8], {
      print: {},
      signal: new AbortController().signal,
      maxRows: 5,
    });
    await wb.commit();
    expect(n).toBe(5);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    const ws = back.getWorksheet('Rows');
    expect(ws?.getCell('A6').value).toBe(5);
    expect(String(ws?.getCell('A8').value)).toMatch(/^3 more rows are not on this sheet: a sheet holds at most 1,048,576 rows/u);
  });
});
