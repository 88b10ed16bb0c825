import type ExcelJS from 'exceljs';
import { formatRange } from '../../../../shared/coverage/days';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../../shared/domain/importKinds';
import { RULES } from '../../../../shared/rules/registry';
import type { Engagement } from '../../engagement';
import { getCoverage } from '../../queries/coverage';
import { listRuleResults } from '../../queries/findings';
import { listImportedFiles } from '../../queries/summary';
import { fitHeight, shareStyle, styleHeader, text, WRAP_TOP, type SheetContext } from '../cells';
import { RULE_OUTCOME_LABELS } from './findings';

/**
 * How the results were reached: every imported file with its provenance, the coverage of the
 * evidence and its gaps, the thresholds classification and rules used, and every rule's outcome.
 */
export function writeSourcesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, engagement: Engagement, ctx: SheetContext): void {
  const { print } = ctx;
  const db = engagement.reader;
  const widths = [44, 40, 12, 12, 12, 22, 22, 70];
  const ws = wb.addWorksheet('Sources & Method', { views: [{ showGridLines: false }], pageSetup: print });
  ws.columns = widths.map((width) => ({ width }));
  const section = (title: string, heads: string[]): void => {
    const t = ws.addRow([title]);
    t.font = { bold: true, size: 13, color: { argb: 'FF1F3A5F' } };
    t.commit();
    const h = ws.addRow(heads);
    styleHeader(h);
    h.commit();
  };
  const line = (values: (string | number)[]): void => {
    const row = ws.addRow(values);
    shareStyle(row, WRAP_TOP);
    fitHeight(row, widths);
    row.commit();
  };

  section('Imported files', ['File', 'Kind', 'Rows', 'Rejected', 'Already present', 'First event (UTC)', 'Last event (UTC)', 'SHA-256 / warnings']);
  for (const f of listImportedFiles(db)) {
    line([
      ctx.pseudonymizer ? ctx.pseudonymizer.text(f.name) : text(f.name),
      IMPORT_KIND_LABELS[f.kind as ImportKind] ?? f.kind,
      f.rowsImported,
      f.rowsRejected,
      f.rowsDuplicate,
      f.firstTime?.replace('T', ' ').slice(0, 16) ?? '',
      f.lastTime?.replace('T', ' ').slice(0, 16) ?? '',
      [f.sha256, ...f.warnings.map((w) => text(w))].join('\n'),
    ]);
  }
  ws.addRow([]).commit();

  const coverage = getCoverage(db);
  section('Evidence coverage', ['Evidence', 'Present', 'Files', 'Rows', '', 'Dates', 'Gaps', 'Without it']);
  for (const c of coverage.categories) {
    line([c.label, c.present ? 'Yes' : 'MISSING', c.files, c.rows, '', c.ranges.map(formatRange).join(', '), c.gaps.map(formatRange).join(', '), '']);
  }
  for (const e of coverage.entities) line([e.label, e.present ? 'Yes' : 'MISSING', e.files, e.rows, '', '', '', e.present ? '' : e.without]);
  for (const c of coverage.caveats) line([c.severity === 'warning' ? 'Caveat' : 'Note', '', '', '', '', '', '', c.text]);
  ws.addRow([]).commit();

  section('Thresholds and patterns used', ['Setting', 'Value', '', '', '', '', '', '']);
  const settings = { ...engagement.classificationSettings(), ...engagement.ruleSettings() };
  for (const [k, v] of Object.entries(settings)) line([k, Array.isArray(v) ? v.join('  |  ') : typeof v === 'object' ? JSON.stringify(v) : String(v), '', '', '', '', '', '']);
  ws.addRow([]).commit();

  section('Rules', ['Rule', 'Title', 'Outcome', 'Findings', '', '', '', 'Why not evaluated']);
  const outcomes = new Map(listRuleResults(db).map((r) => [r.ruleId, r]));
  for (const r of RULES) {
    const o = outcomes.get(r.meta.id);
    line([r.meta.id, r.meta.title, o ? RULE_OUTCOME_LABELS[o.status] : 'Not run', o?.findings ?? 0, '', '', '', o?.reason ?? '']);
  }
  ws.commit();
}
