import type ExcelJS from 'exceljs';
import type { Engagement } from '../../engagement';
import { iterateRoleAssignments, type RoleAssignmentSheetRow } from '../../queries/privileged';
import { text, writeTableSheet, type SheetColumn, type SheetContext } from '../cells';
import { classLabel, kindLabel, objectTypeLabel, utcMinute, yesNo } from './format';

const SCOPE_LEVELS: Record<string, string> = {
  root: 'Tenant root',
  management_group: 'Management group',
  subscription: 'Subscription',
  resource_group: 'Resource group',
  resource: 'Resource',
  tenant: 'Directory (tenant-wide)',
  administrative_unit: 'Administrative unit',
  object: 'Directory object',
  other: 'Other',
};

/** The principal's kind: the identity's, else the type the export gave (a group is no identity). */
const principalKind = (p: RoleAssignmentSheetRow['principal']): string => (p.kind ? kindLabel(p.kind) : text(objectTypeLabel(p.type)));

/** Yes for the machine classes; Unknown where nothing says what the principal is (a deleted principal of unknown type, not analysed). */
function machineLabel(p: RoleAssignmentSheetRow['principal']): string {
  if (p.machine) return 'Yes';
  if (p.identityId != null && (p.cls == null || p.cls === 'unknown')) return 'Unknown';
  return 'No';
}

const PRIVILEGED_COLUMNS: SheetColumn<RoleAssignmentSheetRow>[] = [
  { header: 'Principal', width: 30, value: (r) => text(r.principal.displayName ?? r.principal.upn ?? r.principal.appId ?? r.principal.objectId) },
  { header: 'UPN / application ID', width: 38, value: (r) => text(r.principal.upn ?? r.principal.appId) },
  { header: 'Kind', pseudonym: 'keep', width: 16, value: (r) => principalKind(r.principal) },
  { header: 'Class', pseudonym: 'keep', width: 17, value: (r) => (r.principal.identityId == null ? '' : classLabel(r.principal.cls)) },
  { header: 'Machine identity', pseudonym: 'keep', width: 10, value: (r) => machineLabel(r.principal) },
  { header: 'System', pseudonym: 'keep', width: 11, value: (r) => (r.system === 'azure' ? 'Azure RBAC' : 'Entra ID') },
  { header: 'Role', width: 30, value: (r) => text(r.role) },
  { header: 'Privileged', pseudonym: 'keep', width: 10, value: (r) => yesNo(r.privileged) },
  { header: 'Scope', width: 50, value: (r) => text(r.scope) },
  { header: 'Scope level', pseudonym: 'keep', width: 16, value: (r) => (r.scopeLevel ? (SCOPE_LEVELS[r.scopeLevel] ?? text(r.scopeLevel)) : '') },
  { header: 'State', pseudonym: 'keep', width: 9, value: (r) => (r.state === 'eligible' ? 'Eligible' : 'Active') },
  { header: 'Start (UTC)', pseudonym: 'keep', width: 17, value: (r) => utcMinute(r.start) },
  { header: 'End (UTC)', pseudonym: 'keep', width: 17, value: (r) => utcMinute(r.end) },
  { header: 'Principal deleted', pseudonym: 'keep', width: 10, value: (r) => yesNo(r.principal.deleted) },
  { header: 'Principal object ID', pseudonym: 'keep', width: 38, value: (r) => text(r.principal.objectId) },
];

/**
 * Every Azure RBAC and Entra directory role assignment: privileged roles first, those held by
 * machine identities first among them, then by role and principal.
 */
export async function writePrivilegedSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  db: Engagement['reader'],
  ctx: SheetContext,
): Promise<number> {
  return writeTableSheet(wb, 'Privileged Access', PRIVILEGED_COLUMNS, iterateRoleAssignments(db), { ...ctx, table: 'Privileged_Access', link: { column: 1, targetSheet: 'Identities', targetColumn: 1, target: (a) => (a.principal.identityId == null ? undefined : ctx.identityRow?.(a.principal.identityId)) }, xSplit: 1, wrapHeader: true });
}
