import type { HeaderIndex } from '../../../../shared/parse/headers';
import {
  azureRoleMapper,
  entraRoleMapper,
  KNOWN_AZURE_ROLE_HEADERS,
  KNOWN_ENTRA_ROLE_HEADERS,
  POWERSHELL_ROLE_COLUMNS,
} from '../../../../shared/parse/roleColumns';
import type { Db } from '../../db/open';
import { RoleAssignmentWriter } from '../../store/roleAssignmentWriter';
import type { RowHandler } from './handlers';

/** Azure RBAC assignments: `Get-AzRoleAssignment | Export-Csv` or the portal's IAM download. */
export function azureRoleRows(index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const map = azureRoleMapper(index);
  const writer = new RoleAssignmentWriter(db);
  // PSRoleAssignment lists deleted principals as ObjectType Unknown; the portal download leaves them out.
  const powershellHeader = POWERSHELL_ROLE_COLUMNS.every((c) => index.positions.has(c));
  let deleted = 0;
  let untyped = 0;
  let conditional = 0;
  let rows = 0;
  return {
    known: KNOWN_AZURE_ROLE_HEADERS,
    dateCell: null,
    noun: 'role assignments',
    warnings: [],
    finalFlags() {
      // A deleted principal in the file proves it was not cut by the portal. Without one, the portal's
      // download (which may share PowerShell's columns) cannot be ruled out, only judged more or less likely.
      if (deleted > 0 || rows === 0) return [];
      return [
        {
          code: 'omits_deleted_principals' as const,
          message:
            (powershellHeader
            ? 'No assignment of a deleted principal is in this file. If it came from the portal\'s IAM download, that download leaves out '
            : 'This looks like the portal\'s role assignment download, which leaves out ') +
            'assignments of deleted principals and classic administrators: privileged access may be under-reported. ' +
            'Get-AzRoleAssignment -IncludeClassicAdministrators | Export-Csv lists both.',
        },
      ];
    },
    finalWarnings() {
      const out: string[] = [];
      if (rows > 0 && untyped === rows) {
        out.push('No assignment names its principal type: the exporter could not read the directory, so deleted principals cannot be told apart.');
      }
      if (conditional > 0) {
        const n = conditional === 1 ? '1 assignment carries' : `${conditional.toLocaleString('en-US')} assignments carry`;
        out.push(`${n} an ABAC condition, which this version does not evaluate: their access may be narrower than the role grants.`);
      }
      return out;
    },
    handle(row) {
      const mapped = map(row);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      rows++;
      const type = mapped.record.principalType?.toLowerCase();
      if (type === 'unknown') deleted++;
      if (!type) untyped++;
      if (mapped.conditional) conditional++;
      return writer.write(mapped.record, fileId) ? { status: 'imported', timeMs: null } : { status: 'duplicate' };
    },
  };
}

/** Entra directory roles: the portal's "Download assignments" (`pim` false) or the PIM assignment export. */
export function entraRoleRows(index: HeaderIndex, db: Db, fileId: number, pim: boolean): RowHandler {
  const { map, datePicker } = entraRoleMapper(index, !pim);
  const writer = new RoleAssignmentWriter(db);
  const warnings: string[] = [];
  if (!index.positions.has('object id') && !index.positions.has('objectid') && !index.positions.has('principal id') && !index.positions.has('principalid')) {
    warnings.push(
      'The file names principals without object ids: assignments are kept under the name shown, but they cannot be joined to identities ' +
        'imported from other files until an export with object ids (Graph roleAssignments) is imported too.',
    );
  }
  return {
    known: KNOWN_ENTRA_ROLE_HEADERS,
    dateCell: datePicker,
    noun: 'role assignments',
    warnings,
    finalWarnings: () => [],
    handle(row, _line, order) {
      const mapped = map(row, order);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      return writer.write(mapped.record, fileId) ? { status: 'imported', timeMs: null } : { status: 'duplicate' };
    },
  };
}
