/**
 * Azure RBAC assignments as `Get-AzRoleAssignment | Export-Csv -NoTypeInformation` writes them in
 * PowerShell 7 (formats.md section 6.2): every field double-quoted, UTF-8 without BOM. Managed
 * identities show as ServicePrincipal; a deleted principal as Unknown with empty names.
 */
import { AZURE_ROLE } from '../catalogue';
import type { AzureAssignment, Principal } from '../model';
import { LineSink, quoteAll } from './lineSink';

export const AZURE_ROLES_HEADER: readonly string[] = [
  'RoleAssignmentName', 'RoleAssignmentId', 'Scope', 'DisplayName', 'SignInName', 'RoleDefinitionName', 'RoleDefinitionId', 'ObjectId',
  'ObjectType', 'CanDelegate', 'Description', 'ConditionVersion', 'Condition',
];

function principalColumns(p: Principal): { displayName: string; signInName: string; objectId: string; objectType: string } {
  switch (p.kind) {
    case 'user':
      return { displayName: p.user.displayName, signInName: p.user.upn, objectId: p.user.id, objectType: 'User' };
    case 'group':
      return { displayName: p.group.displayName, signInName: '', objectId: p.group.id, objectType: 'Group' };
    case 'app':
    case 'thirdParty':
      return { displayName: p.app.displayName, signInName: '', objectId: p.app.spId, objectType: 'ServicePrincipal' };
    case 'managedIdentity':
      return { displayName: p.mi.displayName, signInName: '', objectId: p.mi.spId, objectType: 'ServicePrincipal' };
    case 'deleted':
      return { displayName: '', signInName: '', objectId: p.objectId, objectType: 'Unknown' };
  }
}

export async function writeAzureRolesCsv(path: string, assignments: readonly AzureAssignment[]): Promise<number> {
  const sink = LineSink.open(path);
  sink.header(AZURE_ROLES_HEADER.map(quoteAll).join(','));
  for (const a of assignments) {
    const p = principalColumns(a.principal);
    const fields = [
      a.id, `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${a.id}`, a.scope, p.displayName, p.signInName, a.role,
      AZURE_ROLE[a.role], p.objectId, p.objectType, 'False', '', '', '',
    ];
    sink.row(fields.map(quoteAll).join(','));
  }
  await sink.close();
  return sink.rows;
}
