import type ExcelJS from 'exceljs';
import type { Finding } from '../../../../shared/contract/dto';
import { RULES } from '../../../../shared/rules/registry';
import type { Engagement } from '../../engagement';
import { iterateFindings, listRuleResults } from '../../queries/findings';
import { formatSeverities } from '../conditional';
import { fitHeight, shareStyle, styleHeader, text, WRAP_TOP, writeTableSheet, type SheetColumn, type SheetContext } from '../cells';

const FINDING_COLUMNS: SheetColumn<Finding>[] = [
  { header: 'Severity', width: 11, value: (f) => f.severity },
  { header: 'Rule', width: 34, value: (f) => f.ruleId },
  { header: 'Finding', width: 44, value: (f) => f.title },
  { header: 'Subject', width: 36, value: (f) => text(f.subject) },
  { header: 'Evidence', width: 70, value: (f) => text(f.evidence) },
  { header: 'OWASP NHI (2025)', width: 18, value: (f) => f.frameworks['owasp-nhi-2025'].join(', ') },
  { header: 'NIST CSF 2.0', width: 18, value: (f) => f.frameworks['nist-csf-2'].join(', ') },
  { header: 'NIST SP 800-207', width: 18, value: (f) => f.frameworks['nist-sp-800-207'].join(', ') },
];
const FINDING_WIDTHS = FINDING_COLUMNS.map((c) => c.width);

export const RULE_OUTCOME_LABELS = { fail: 'Fail', pass: 'Pass', skipped: 'Skipped' } as const;

/** Every finding, worst first, with its framework references; then every rule's outcome, skipped ones with the reason. */
export async function writeFindingsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Engagement['reader'], ctx: SheetContext): Promise<void> {
  await writeTableSheet(wb, 'Findings', FINDING_COLUMNS, iterateFindings(db), {
    ...ctx,
    table: 'Findings',
    link: { column: 4, targetSheet: 'Identities', targetColumn: 1, target: (f) => (f.identityId == null ? undefined : ctx.identityRow?.(f.identityId)) },
    after: (ws, lastRow) => {
      formatSeverities(ws, `A2:A${Math.max(2, lastRow)}`);
      ws.addRow([]).commit();
      const heads = ['Rule outcome', 'Rule', 'Title', 'Findings', 'Why not evaluated'];
      const rh = ws.addRow(heads);
      styleHeader(rh);
      rh.commit();
      const titles = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));
      let last = rh.number;
      for (const r of listRuleResults(db)) {
        const row = ws.addRow([RULE_OUTCOME_LABELS[r.status], r.ruleId, titles.get(r.ruleId) ?? '', r.findings, r.reason ?? '']);
        shareStyle(row, WRAP_TOP);
        fitHeight(row, FINDING_WIDTHS);
        row.commit();
        last = row.number;
      }
      ctx.parts?.addTable(ws, { name: 'Rule_Outcomes', ref: `A${rh.number}:E${last}`, columns: heads, style: 'TableStyleLight1' });
    },
  });
}
