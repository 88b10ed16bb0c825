import type { ImportKind } from '../../../../shared/domain/importKinds';
import { isPowerShellTypeName } from '../../../../shared/parse/cells';
import { directoryCsvMapper, KNOWN_DIRECTORY_HEADERS, POWERSHELL_COLUMN_NAMES } from '../../../../shared/parse/directoryCsvColumns';
import type { HeaderIndex } from '../../../../shared/parse/headers';
import type { Db } from '../../db/open';
import { DirectoryWriter } from '../../store/directoryWriter';
import type { RowHandler } from './handlers';

const EXPORT_ADVICE = 'Re-export with "… | ConvertTo-Json -Depth 10 | Out-File <name>.json" and import the JSON instead.';

/**
 * Applications and service principals from PowerShell's Export-Csv or the portal's list downloads.
 * Export-Csv cannot write nested data and writes its type name instead; the objects still import,
 * and the file gets one warning naming what was lost, because unknown credentials are not "no credentials".
 */
export function directoryRows(kind: ImportKind, index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const objectKind = kind.startsWith('applications.') ? 'application' : 'service_principal';
  const portal = kind.endsWith('.portal.csv');
  const { map, createdPicker, credentialColumns } = directoryCsvMapper(index, objectKind);
  const writer = new DirectoryWriter(db);
  const lostColumns = new Set<number>();
  let credentialsUnknown = 0;
  let imported = 0;
  const warnings: string[] = [];
  if (!credentialColumns) {
    warnings.push(
      portal
        ? 'This list download carries no secrets or certificates: the credentials of these objects are unknown (not "none"). Export them through Graph or PowerShell as JSON.'
        : `The file has no PasswordCredentials or KeyCredentials column: the credentials of these objects are unknown (not "none"). ${EXPORT_ADVICE}`,
    );
  }
  const lostNames = (): string[] => [...lostColumns].sort((a, b) => a - b).map((i) => POWERSHELL_COLUMN_NAMES[index.names[i] ?? ''] ?? index.names[i] ?? '');
  return {
    known: KNOWN_DIRECTORY_HEADERS,
    dateCell: createdPicker,
    noun: objectKind === 'application' ? 'applications' : 'service principals',
    warnings,
    finalWarnings() {
      if (lostColumns.size === 0) return [];
      const credentials =
        credentialsUnknown > 0
          ? ` The credentials of ${credentialsUnknown.toLocaleString('en-US')} of the ${imported.toLocaleString('en-US')} objects are therefore unknown, which is not the same as having none.`
          : '';
      return [
        `PowerShell's Export-Csv wrote type names (such as "System.Object[]") instead of the data in the columns ${lostNames().join(', ')}. ` +
          `That data is not in the file; the objects were imported without it.${credentials} ${EXPORT_ADVICE}`,
      ];
    },
    handle(row, _line, order) {
      row.forEach((cell, i) => {
        if (!lostColumns.has(i) && isPowerShellTypeName(cell)) lostColumns.add(i);
      });
      const mapped = map(row, order);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      if (credentialColumns && !mapped.credentialsKnown) credentialsUnknown++;
      writer.write(mapped.record, fileId);
      imported++;
      return { status: 'imported', timeMs: null };
    },
  };
}
