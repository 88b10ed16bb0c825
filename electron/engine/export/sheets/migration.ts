import type ExcelJS from 'exceljs';
import type { IdentityRow } from '../../../../shared/contract/dto';
import { CLASS_LABELS, VERDICT_LABELS } from '../../../../shared/domain/vocabulary';
import { PATTERN_LABELS, type MigrationPattern } from '../../../../shared/readiness/recommend';
import type { Engagement } from '../../engagement';
import { iterateIdentities } from '../../queries/identities';
import { breathe, fitHeight, shareStyle, styleHeader, text, WRAP_TOP } from '../cells';

const MIGRATION_COLUMNS: { header: string; width: number; value: (r: IdentityRow) => string | number }[] = [
  { header: 'Display name', width: 30, value: (r) => text(r.displayName) },
  { header: 'User principal name', width: 38, value: (r) => text(r.upn) },
  { header: 'Class', width: 16, value: (r) => (r.class ? CLASS_LABELS[r.class] : '') },
  { header: 'Verdict', width: 14, value: (r) => (r.verdict ? VERDICT_LABELS[r.verdict] : '') },
  { header: 'Target', width: 34, value: (r) => (r.recommendation ? (PATTERN_LABELS[r.recommendation.pattern as MigrationPattern] ?? r.recommendation.pattern) : '') },
  { header: 'What to do', width: 60, value: (r) => text(r.recommendation?.action) },
  { header: 'Why', width: 70, value: (r) => text(r.recommendation?.rationale) },
  { header: 'Sign-ins', width: 10, value: (r) => r.signIns },
  { header: 'Last seen (UTC)', width: 18, value: (r) => (r.lastSeen ? r.lastSeen.replace('T', ' ').slice(0, 16) : '') },
];
const MIGRATION_WIDTHS = MIGRATION_COLUMNS.map((c) => c.width);
const MIGRATION_PATTERNS: ReadonlySet<string> = new Set([
  'managed_identity',
  'federation_github_actions',
  'federation_azure_devops',
  'federation_kubernetes',
  'federation_terraform_cloud',
  'service_principal_certificate',
  'retire',
]);

/** The automation accounts and where each should move: the plan the review meeting agrees on. */
export async function writeMigrationSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Engagement['reader'], print: Partial<ExcelJS.PageSetup>, opts: { signal: AbortSignal }): Promise<void> {
  const ws = wb.addWorksheet('Migration Plan', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...print, printTitlesRow: '1:1' } });
  ws.columns = MIGRATION_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  styleHeader(header, true);
  header.commit();
  let n = 0;
  for (const r of iterateIdentities(db, { readiness: true })) {
    if (!r.recommendation || !MIGRATION_PATTERNS.has(r.recommendation.pattern)) continue;
    const row = ws.addRow(MIGRATION_COLUMNS.map((c) => c.value(r)));
    shareStyle(row, WRAP_TOP);
    fitHeight(row, MIGRATION_WIDTHS);
    row.commit();
    if (++n % 1000 === 0) {
      if (opts.signal.aborted) throw new Error('Export cancelled.');
      await breathe();
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, n + 1), column: MIGRATION_COLUMNS.length } };
  ws.commit();
}
