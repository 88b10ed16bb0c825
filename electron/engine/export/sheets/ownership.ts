import type ExcelJS from 'exceljs';
import type { Engagement } from '../../engagement';
import { countFirstPartyPrincipals, iterateOwnership, type OwnerFacts, type OwnershipSheetRow, type OwnershipStatus } from '../../queries/ownership';
import { text, WRAP_TOP, writeTableSheet, type SheetColumn, type SheetContext } from '../cells';
import { classLabel, kindLabel, objectTypeLabel } from './format';

const STATUS_LABELS: Record<OwnershipStatus, string> = {
  no_owners: 'No owners',
  owner_issues: 'Owner issues',
  not_imported: 'Owner data not imported',
  ok: 'OK',
  not_applicable: 'Not applicable (managed identity)',
};

const PROBLEM_WORDS: Record<NonNullable<OwnerFacts['problem']>, string> = { deleted: 'deleted', disabled: 'disabled', guest: 'a guest' };

/** How an owner is named: display name or UPN (both when they differ), its type, and a note when nothing is known about it. */
function ownerText(o: OwnerFacts): string {
  const name = o.displayName && o.upn && o.displayName !== o.upn ? `${o.displayName} <${o.upn}>` : (o.displayName ?? o.upn ?? o.objectId);
  const notes = [objectTypeLabel(o.type), o.known ? '' : 'not in the imported directory'].filter(Boolean).join(', ');
  return notes ? `${name} (${notes})` : name;
}

function registeredIn(r: OwnershipSheetRow): string {
  if (r.cls === 'managed_identity') return '';
  if (r.ownApp === true) return 'This tenant';
  if (r.ownApp === false && r.appOwnerOrgId) return `Another tenant (${r.appOwnerOrgId})`;
  return r.ownApp === false ? 'Unknown' : '';
}

const OWNERSHIP_COLUMNS: SheetColumn<OwnershipSheetRow>[] = [
  { header: 'Name', width: 32, value: (r) => text(r.displayName) },
  { header: 'Application ID', pseudonym: 'keep', width: 38, value: (r) => text(r.appId) },
  { header: 'Kind', pseudonym: 'keep', width: 16, value: (r) => kindLabel(r.kind) },
  { header: 'Class', pseudonym: 'keep', width: 17, value: (r) => classLabel(r.cls) },
  { header: 'Registered in', pseudonym: 'keep', width: 22, value: (r) => text(registeredIn(r)) },
  { header: 'Owners', pseudonym: 'keep', width: 8, value: (r) => r.owners.length },
  { header: 'Owner names', width: 50, value: (r) => text(r.owners.map(ownerText).join('; ')) },
  {
    header: 'Owner problems',
    width: 40,
    value: (r) => text(r.owners.flatMap((o) => (o.problem ? [`${o.displayName ?? o.upn ?? o.objectId} is ${PROBLEM_WORDS[o.problem]}`] : [])).join('; ')),
  },
  { header: 'Status', pseudonym: 'keep', width: 18, value: (r) => STATUS_LABELS[r.status] },
];

/**
 * Every application and service principal with its owners and their problems, problems first.
 * Microsoft's first-party service principals are left out (counted below the table): Microsoft
 * runs them, and the tenant has no owner to hold accountable for them.
 */
export async function writeOwnershipSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  db: Engagement['reader'],
  ctx: SheetContext,
): Promise<number> {
  const firstParty = countFirstPartyPrincipals(db);
  return writeTableSheet(wb, 'Ownership', OWNERSHIP_COLUMNS, iterateOwnership(db), {
    ...ctx,
    table: 'Ownership',
    link: { column: 1, targetSheet: 'Identities', targetColumn: 1, target: (o) => ctx.identityRow?.(o.id) },
    xSplit: 1,
    wrapHeader: true,
    after: (ws) => {
      if (firstParty === 0) return;
      ws.addRow([]).commit();
      const note = ws.addRow([
        `${firstParty.toLocaleString('en-US')} Microsoft first-party service principal${firstParty === 1 ? ' is' : 's are'} not listed: Microsoft owns and runs them, so there is no owner in the tenant to review. They are on the Identities sheet.`,
      ]);
      note.getCell(1).style = WRAP_TOP;
      ws.mergeCells(note.number, 1, note.number, OWNERSHIP_COLUMNS.length);
      note.height = 30;
      note.commit();
    },
  });
}
