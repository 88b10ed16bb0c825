import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Engagement } from '../engagement';
import { getSummary } from '../queries/summary';
import type { SheetContext } from './cells';
import { attachPackageParts } from './package/packageParts';
import { Pseudonymizer } from './pseudonymize';
import { writeCredentialsSheet } from './sheets/credentials';
import { writeFindingsSheet } from './sheets/findings';
import { writeOwnershipSheet } from './sheets/ownership';
import { writePrivilegedSheet } from './sheets/privileged';
import { writeIdentitiesSheet } from './sheets/identities';
import { writeMigrationSheet } from './sheets/migration';
import { writeReadinessSheet } from './sheets/readiness';
import { writeSourcesSheet } from './sheets/sources';
import { writeSummarySheet } from './sheets/summary';

/**
 * Zip entries carry a modification time; archiver stamps the wall clock unless told otherwise.
 * Pinning them to the as-of date makes the same engagement and as-of date give the same bytes.
 */
class PinnedDatesWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  // exceljs's constructor calls this first, right after creating the zip and before adding any
  // entry: the one place to pin every entry's date (`created` is already set from the options).
  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip: { append: (source: unknown, data: Record<string, unknown>) => unknown } }).zip;
    const append = zip.append.bind(zip);
    const date = this.created;
    zip.append = (source, data) => append(source, { ...data, date });
    return super.addThemes();
  }
}

export interface WorkbookOptions {
  outPath: string;
  asOf: string;
  onProgress: (rows: number, total: number) => void;
  signal: AbortSignal;
  /** The engagement's pseudonym key: names, UPNs and IP addresses are replaced by stable pseudonyms. */
  pseudonymKey?: Buffer | undefined;
}

/** Streams the governance workbook: rows go from SQL to disk without holding the tenant in memory. */
export async function writeWorkbook(engagement: Engagement, opts: WorkbookOptions): Promise<void> {
  mkdirSync(dirname(opts.outPath), { recursive: true });
  const db = engagement.reader;
  const info = engagement.info();
  const summary = getSummary(db, info);
  const asOf = new Date(`${opts.asOf}T00:00:00Z`);
  const wb = new PinnedDatesWriter({ filename: opts.outPath, zip: { zlib: { level: 1 } }, useStyles: true, useSharedStrings: false, created: asOf, modified: asOf, creator: 'nhi-audit' } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);

  const print = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } as const;
  const pseudonymizer = opts.pseudonymKey ? Pseudonymizer.fromEngagement(db, opts.pseudonymKey, info) : undefined;
  const ctx: SheetContext = { print, signal: opts.signal, asOf: opts.asOf, pseudonymizer, parts: attachPackageParts(wb) };
  writeSummarySheet(wb, engagement, ctx);

  const identityRows = await writeIdentitiesSheet(wb, db, ctx, { onProgress: (n) => opts.onProgress(n, summary.identities) });
  ctx.identityRow = (id) => identityRows.get(id);
  await writeReadinessSheet(wb, db, ctx);
  await writeMigrationSheet(wb, db, ctx);
  await writeFindingsSheet(wb, db, ctx);
  await writeCredentialsSheet(wb, db, ctx);
  await writePrivilegedSheet(wb, db, ctx);
  await writeOwnershipSheet(wb, db, ctx);
  writeSourcesSheet(wb, engagement, ctx);
  await wb.commit();
  opts.onProgress(identityRows.size, summary.identities);
}

