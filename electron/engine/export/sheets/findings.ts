import type ExcelJS from 'exceljs';
import { RULES } from '../../../../shared/rules/registry';
import type { Engagement } from '../../engagement';
import { iterateFindings, listRuleResults } from '../../queries/findings';
import { breathe, fitHeight, shareStyle, styleHeader, text, WRAP_TOP } from '../cells';

const SEVERITY_FILL: Record<string, string> = { critical: 'FF8B1A10', high: 'FFE4572E', medium: 'FFF2B33D', low: 'FF9BC1E8', info: 'FFD9D9D9' };

const FINDING_WIDTHS = [11, 34, 44, 36, 70, 18, 18, 18] as const;

const SEVERITY_STYLE: Record<string, Partial<ExcelJS.Style>> = Object.fromEntries(
  Object.entries(SEVERITY_FILL).map(([severity, argb]) => [
    severity,
    {
      alignment: { vertical: 'top', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } },
      font: { bold: true, color: { argb: severity === 'critical' || severity === 'high' ? 'FFFFFFFF' : 'FF1A1F26' } },
    },
  ]),
);

/** Every finding, worst first, with its framework references; then every rule's outcome, skipped ones with the reason. */
export async function writeFindingsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Engagement['reader'], print: Partial<ExcelJS.PageSetup>, opts: { signal: AbortSignal }): Promise<void> {
  const ws = wb.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...print, printTitlesRow: '1:1' } });
  const heads = ['Severity', 'Rule', 'Finding', 'Subject', 'Evidence', 'OWASP NHI (2025)', 'NIST CSF 2.0', 'NIST SP 800-207'];
  ws.columns = heads.map((header, i) => ({ header, width: FINDING_WIDTHS[i] }));
  const header = ws.getRow(1);
  styleHeader(header);
  header.commit();
  let n = 0;
  for (const f of iterateFindings(db)) {
    const row = ws.addRow([
      f.severity,
      f.ruleId,
      f.title,
      text(f.subject),
      text(f.evidence),
      f.frameworks['owasp-nhi-2025'].join(', '),
      f.frameworks['nist-csf-2'].join(', '),
      f.frameworks['nist-sp-800-207'].join(', '),
    ]);
    shareStyle(row, WRAP_TOP);
    fitHeight(row, FINDING_WIDTHS);
    row.getCell(1).style = SEVERITY_STYLE[f.severity] ?? WRAP_TOP;
    row.commit();
    if (++n % 1000 === 0) {
      if (opts.signal.aborted) throw new Error('Export cancelled.');
      await breathe();
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, n + 1), column: 8 } };
  ws.addRow([]).commit();
  const rh = ws.addRow(['Rule outcome', 'Rule', 'Title', 'Findings', 'Why not evaluated']);
  styleHeader(rh);
  rh.commit();
  const titles = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));
  for (const r of listRuleResults(db)) {
    const row = ws.addRow([r.status === 'fail' ? 'Fail' : r.status === 'pass' ? 'Pass' : 'Skipped', r.ruleId, titles.get(r.ruleId) ?? '', r.findings, r.reason ?? '']);
    shareStyle(row, WRAP_TOP);
    fitHeight(row, FINDING_WIDTHS);
    row.commit();
  }
  ws.commit();
}
