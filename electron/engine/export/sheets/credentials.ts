import type ExcelJS from 'exceljs';
import type { CredentialStatus, SeenInUse } from '../../../../shared/rules/credentialState';
import type { RuleSettings } from '../../../../shared/rules/rule';
import { ruleSettings } from '../../analysis/ruleInputs';
import type { Engagement } from '../../engagement';
import { iterateCredentials, type CredentialSheetRow } from '../../queries/credentials';
import { text, writeTableSheet, type SheetColumn, type SheetContext } from '../cells';
import { classLabel, kindLabel, utcMinute } from './format';

const TYPE_LABELS: Record<CredentialSheetRow['type'], string> = { password: 'Client secret', certificate: 'Certificate', federated: 'Federated credential' };
const SEEN_LABELS: Record<SeenInUse, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

function statusLabel(s: CredentialStatus, settings: RuleSettings): string {
  if (s === 'expired') return 'Expired';
  if (s === 'expiring') return `Expires within ${settings.expiringDays} days`;
  if (s === 'no_expiry') return 'No expiry';
  return 'Valid';
}

function columns(settings: RuleSettings): SheetColumn<CredentialSheetRow>[] {
  return [
    { header: 'Identity', width: 30, value: (r) => text(r.holder.displayName) },
    { header: 'Application ID', pseudonym: 'keep', width: 38, value: (r) => text(r.holder.appId) },
    { header: 'Kind', pseudonym: 'keep', width: 16, value: (r) => kindLabel(r.holder.kind) },
    { header: 'Class', pseudonym: 'keep', width: 17, value: (r) => classLabel(r.holder.cls) },
    { header: 'Credential type', pseudonym: 'keep', width: 20, value: (r) => TYPE_LABELS[r.type] },
    { header: 'Name', width: 28, value: (r) => text(r.displayName) },
    { header: 'Key ID', pseudonym: 'keep', width: 38, value: (r) => text(r.keyId) },
    { header: 'Created / start (UTC)', pseudonym: 'keep', width: 17, value: (r) => utcMinute(r.start) },
    { header: 'Expires (UTC)', pseudonym: 'keep', width: 17, value: (r) => utcMinute(r.end) },
    { header: 'Lifetime (days)', pseudonym: 'keep', width: 10, value: (r) => r.state.lifetimeDays },
    { header: 'Status', pseudonym: 'keep', width: 16, value: (r) => statusLabel(r.state.status, settings) },
    { header: 'Issue', pseudonym: 'keep', width: 44, value: (r) => text(r.state.issues.join('; ')) },
    { header: 'Seen in use', pseudonym: 'keep', width: 9, value: (r) => SEEN_LABELS[r.state.seen] },
    { header: 'Use evidence', pseudonym: 'keep', width: 44, value: (r) => r.state.seenWhy },
    { header: 'Federated issuer', width: 36, value: (r) => text(r.issuer) },
    { header: 'Federated subject', width: 40, value: (r) => text(r.subject) },
    { header: 'Federated audiences', width: 26, value: (r) => text(r.audiences.join(', ')) },
  ];
}

/**
 * Every client secret, certificate and federated credential with its holder, its status on the
 * as-of date and the problems the credential rules report, worst first.
 */
export async function writeCredentialsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  db: Engagement['reader'],
  ctx: SheetContext,
): Promise<number> {
  const settings = ruleSettings(db);
  return writeTableSheet(wb, 'Credentials', columns(settings), iterateCredentials(db, ctx.asOf, settings), { ...ctx, table: 'Credentials', link: { column: 1, targetSheet: 'Identities', targetColumn: 1, target: (c) => ctx.identityRow?.(c.holder.id) }, xSplit: 1, wrapHeader: true });
}
