import type ExcelJS from 'exceljs';
import type { EnforcedSurface } from '../../../../shared/catalogue/enforcedApps';
import type { IdentityRow } from '../../../../shared/contract/dto';
import { CLASS_LABELS, VERDICT_LABELS } from '../../../../shared/domain/vocabulary';
import { PATTERN_LABELS, type MigrationPattern } from '../../../../shared/readiness/recommend';
import type { Engagement } from '../../engagement';
import { iterateIdentities } from '../../queries/identities';
import { text, writeTableSheet, type SheetColumn, type SheetContext } from '../cells';

/** What one surface cell says: the effect and its numbers. */
function surfaceCell(r: IdentityRow, surface: EnforcedSurface): string {
  const s = r.surfaces.find((x) => x.surface === surface);
  if (!s) return '';
  if (s.effect === 'blocked') return `Blocked: ${s.mfaFailures} MFA failures`;
  if (s.effect === 'breaks') return `Breaks: ${s.singleFactor} single-factor`;
  if (s.effect === 'mfa') return `MFA: ${s.mfa}`;
  return `Prompted: ${s.mfaFailures + s.otherFailures} failures`;
}

const READINESS_COLUMNS: SheetColumn<IdentityRow>[] = [
  { header: 'Display name', width: 30, value: (r) => text(r.displayName) },
  { header: 'User principal name', width: 38, value: (r) => text(r.upn) },
  { header: 'Class', width: 16, value: (r) => (r.class ? CLASS_LABELS[r.class] + (r.override ? ' (override)' : '') : '') },
  { header: 'Verdict', width: 14, value: (r) => (r.verdict ? VERDICT_LABELS[r.verdict] : '') },
  { header: 'Phase', width: 8, value: (r) => (r.phase == null ? '' : r.phase) },
  { header: 'Azure portal (phase 1)', width: 22, value: (r) => surfaceCell(r, 'portal') },
  { header: 'Azure CLI', width: 20, value: (r) => surfaceCell(r, 'cli') },
  { header: 'Azure PowerShell', width: 20, value: (r) => surfaceCell(r, 'powershell') },
  { header: 'Azure mobile app', width: 18, value: (r) => surfaceCell(r, 'mobile') },
  { header: 'Other ARM clients', width: 20, value: (r) => surfaceCell(r, 'arm_other') },
  { header: 'Evidence', width: 70, value: (r) => text(r.verdictReason) },
  {
    header: 'First single-factor (UTC)',
    width: 20,
    value: (r) => r.surfaces.map((x) => x.firstSingleFactor).filter((x): x is string => x != null).sort()[0]?.replace('T', ' ').slice(0, 16) ?? '',
  },
  {
    header: 'Last single-factor (UTC)',
    width: 20,
    value: (r) => r.surfaces.map((x) => x.lastSingleFactor).filter((x): x is string => x != null).sort().at(-1)?.replace('T', ' ').slice(0, 16) ?? '',
  },
  { header: 'Blocked since (UTC)', width: 20, value: (r) => r.blockedSince?.replace('T', ' ').slice(0, 16) ?? '' },
  { header: 'Sample request IDs', width: 40, value: (r) => r.surfaces.flatMap((x) => x.sampleRequestIds).slice(0, 3).join(' ') },
  { header: 'Recommendation', width: 34, value: (r) => (r.recommendation ? (PATTERN_LABELS[r.recommendation.pattern as MigrationPattern] ?? r.recommendation.pattern) : '') },
  { header: 'What to do', width: 60, value: (r) => text(r.recommendation?.action) },
  { header: 'Why', width: 60, value: (r) => text(r.recommendation?.rationale) },
];

/** User objects only (workload identities are out of scope), worst verdict first. */
export async function writeReadinessSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Engagement['reader'], ctx: SheetContext): Promise<void> {
  await writeTableSheet(wb, 'MFA Readiness', READINESS_COLUMNS, iterateIdentities(db, { readiness: true }), { ...ctx, table: 'MFA_Readiness',
    link: { column: 1, targetSheet: 'Identities', targetColumn: 1, target: (r) => ctx.identityRow?.(r.id) }, xSplit: 1, wrapHeader: true });
}
