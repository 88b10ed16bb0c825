import type ExcelJS from 'exceljs';
import type { IdentityRow } from '../../../../shared/contract/dto';
import { CLASS_LABELS, VERDICT_LABELS } from '../../../../shared/domain/vocabulary';
import { PATTERN_LABELS, type MigrationPattern } from '../../../../shared/readiness/recommend';
import type { Engagement } from '../../engagement';
import { iterateIdentities } from '../../queries/identities';
import { text, writeTableSheet, type SheetColumn, type SheetContext } from '../cells';

const MIGRATION_COLUMNS: SheetColumn<IdentityRow>[] = [
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
export async function writeMigrationSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Engagement['reader'], ctx: SheetContext): Promise<void> {
  const planned = function* (): Generator<IdentityRow> {
    for (const r of iterateIdentities(db, { readiness: true })) if (r.recommendation && MIGRATION_PATTERNS.has(r.recommendation.pattern)) yield r;
  };
  await writeTableSheet(wb, 'Migration Plan', MIGRATION_COLUMNS, planned(), { ...ctx, table: 'Migration_Plan', link: { column: 1, targetSheet: 'Identities', targetColumn: 1, target: (r) => ctx.identityRow?.(r.id) }, wrapHeader: true });
}
