import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/domain/importKinds';
import { CLASS_LABELS, IDENTITY_CLASSES, SEVERITIES, VERDICT_LABELS, VERDICTS, type IdentityClass } from '../../../shared/domain/vocabulary';
import type { Engagement } from '../engagement';
import { getSummary, listImportedFiles } from '../queries/summary';
import { countSection, styleHeader, text, type SheetContext } from './cells';
import { Pseudonymizer } from './pseudonymize';
import { writeFindingsSheet } from './sheets/findings';
import { writeIdentitiesSheet } from './sheets/identities';
import { writeMigrationSheet } from './sheets/migration';
import { writeReadinessSheet } from './sheets/readiness';
import { writeSourcesSheet } from './sheets/sources';

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
  const wb = new PinnedDatesWriter({ filename: opts.outPath, useStyles: true, useSharedStrings: false, created: asOf, modified: asOf, creator: 'nhi-audit' } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);

  const print = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } as const;
  const pseudonymizer = opts.pseudonymKey ? Pseudonymizer.fromEngagement(db, opts.pseudonymKey, info) : undefined;
  const ctx: SheetContext = { print, signal: opts.signal, asOf: opts.asOf, pseudonymizer };
  const tenantText = (v: string): string => (pseudonymizer ? pseudonymizer.text(v) : v);
  const s = wb.addWorksheet('Summary', { views: [{ showGridLines: false }], pageSetup: print });
  s.columns = [{ width: 44 }, { width: 52 }, { width: 12 }, { width: 12 }, { width: 68 }];
  const title = s.addRow(['Non-human identity and mandatory MFA review']);
  title.font = { bold: true, size: 16, color: { argb: 'FF1F3A5F' } };
  title.commit();
  const kv = (k: string, v: string | number): void => {
    const row = s.addRow([k, v === '' ? 'not recorded' : v]);
    row.getCell(1).font = { bold: true };
    const value = row.getCell(2);
    value.alignment = { horizontal: 'left' };
    if (typeof v === 'number') value.numFmt = '#,##0';
    if (v === '') value.font = { italic: true, color: { argb: 'FF6B7280' } };
    row.commit();
  };
  s.addRow([]).commit();
  kv('Engagement', tenantText(info.name));
  kv('Customer', tenantText(info.customer));
  kv('Tenant', tenantText(info.tenant));
  kv('Auditor', text(info.auditor));
  kv('As of', opts.asOf);
  if (pseudonymizer) kv('Pseudonymised', 'Yes: names, user principal names, e-mail and IP addresses are replaced by stable pseudonyms of this engagement');
  kv('Sign-ins analysed', summary.signIns);
  kv('Evidence window (UTC)', summary.firstSignIn && summary.lastSignIn ? `${summary.firstSignIn.slice(0, 10)} to ${summary.lastSignIn.slice(0, 10)}` : 'No sign-ins imported');
  kv('Identities', summary.identities);
  s.addRow([]).commit();
  countSection(
    s,
    'Identities by class',
    'Count',
    ([...IDENTITY_CLASSES, 'unclassified'] as (IdentityClass | 'unclassified')[]).map((cls) => [cls === 'unclassified' ? 'Not analysed' : CLASS_LABELS[cls], summary.byClass[cls] ?? 0] as const),
  );
  if (Object.keys(summary.byVerdict).length > 0) {
    s.addRow([]).commit();
    countSection(s, 'Mandatory MFA readiness', 'Identities', VERDICTS.map((v) => [VERDICT_LABELS[v], summary.byVerdict[v] ?? 0] as const));
    s.addRow([]).commit();
    countSection(s, 'Governance findings', 'Findings', SEVERITIES.map((sev) => [sev[0]?.toUpperCase() + sev.slice(1), summary.findingsBySeverity[sev] ?? 0] as const), true);
  }
  s.addRow([]).commit();
  countSection(s, 'Sign-ins by log', 'Count', ['interactive', 'non_interactive', 'service_principal', 'managed_identity'].map((cat) => [cat.replace('_', '-'), summary.signInsByCategory[cat] ?? 0] as const), true);
  const missing = ['interactive', 'non_interactive'].filter((c) => !summary.signInsByCategory[c]);
  if (missing.length > 0) {
    const warn = s.addRow([
      'Coverage gap',
      `No ${missing.join(' or ').replace('_', '-')} sign-ins were imported; verdicts that depend on them cannot be assessed.`,
    ]);
    warn.getCell(2).font = { color: { argb: 'FFB00020' } };
    warn.commit();
  }
  s.addRow([]).commit();
  const fh = s.addRow(['Imported file', 'Kind', 'Rows', 'Rejected', 'SHA-256']);
  styleHeader(fh);
  fh.commit();
  for (const f of listImportedFiles(db)) {
    const row = s.addRow([tenantText(f.name), IMPORT_KIND_LABELS[f.kind as ImportKind] ?? f.kind, f.rowsImported, f.rowsRejected, f.sha256]);
    row.getCell(3).numFmt = '#,##0';
    row.getCell(4).numFmt = '#,##0';
    row.getCell(5).font = { name: 'Consolas', size: 9 };
    row.commit();
  }
  s.commit();

  const identityRows = await writeIdentitiesSheet(wb, db, ctx, { onProgress: (n) => opts.onProgress(n, summary.identities) });
  await writeReadinessSheet(wb, db, ctx);
  await writeMigrationSheet(wb, db, ctx);
  await writeFindingsSheet(wb, db, ctx);
  writeSourcesSheet(wb, engagement, ctx);
  await wb.commit();
  opts.onProgress(identityRows.size, summary.identities);
}

