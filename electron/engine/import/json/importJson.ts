import type { Db } from '../../db/open';
import type { CsvImportResult } from '../csv/importCsv';
import type { ImportContext } from '../importContext';
import type { Sniffed } from '../sniff';

/**
 * JSON exports (portal JSON, Graph pages, NDJSON, PowerShell, az CLI, EntraExporter objects).
 * Not imported yet: reported as recognised-but-unsupported so nothing is imported as garbage.
 */
export async function importJson(_db: Db, _ctx: ImportContext, _sniffed: Sniffed): Promise<CsvImportResult> {
  return { status: 'undetected', detection: { status: 'unsupported', looksLike: 'a JSON export' } };
}
