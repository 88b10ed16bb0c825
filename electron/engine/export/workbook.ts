import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IdentityRow } from '../../../shared/contract/dto';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/domain/importKinds';
import { CLASS_LABELS, IDENTITY_CLASSES, SEVERITIES, VERDICT_LABELS, VERDICTS, type IdentityClass } from '../../../shared/domain/vocabulary';
import type { Engagement } from '../engagement';
import { iterateIdentities } from '../queries/identities';
import { getSummary, listImportedFiles } from '../queries/summary';
import { breathe, COUNT, countSection, PERCENT, styleHeader, text } from './cells';
import { writeFindingsSheet } from './sheets/findings';
import { writeMigrationSheet } from './sheets/migration';
import { writeReadinessSheet } from './sheets/readiness';
import { writeSourcesSheet } from './sheets/sources';

const IDENTITY_COLUMNS: { header: string; key: string; width: number; value: (r: IdentityRow) => string | number | null }[] = [
  { header: 'Display name', key: 'displayName', width: 32, value: (r) => text(r.displayName) },
  { header: 'User principal name', key: 'upn', width: 40, value: (r) => text(r.upn) },
  { header: 'Kind', key: 'kind', width: 16, value: (r) => r.kind.replace('_', ' ') },
  { header: 'Class', key: 'class', width: 18, value: (r) => (r.class ? CLASS_LABELS[r.class] : 'Not analysed') },
  { header: 'Reviewer override', key: 'override', width: 30, value: (r) => (r.override ? `${CLASS_LABELS[r.override.class]} (computed: ${r.computedClass ? CLASS_LABELS[r.computedClass] : '?'}); ${r.override.reason}` : '') },
  { header: 'Confidence', key: 'confidence', width: 12, value: (r) => r.confidence },
  { header: 'Why', key: 'reasons', width: 70, value: (r) => r.reasons.map((x) => x.text).join('; ') },
  { header: 'Readiness', key: 'verdict', width: 14, value: (r) => (r.verdict ? VERDICT_LABELS[r.verdict] : 'Not assessed') },
  { header: 'Sign-ins', key: 'signIns', width: 10, value: (r) => r.signIns },
  { header: 'Interactive', key: 'interactive', width: 12, value: (r) => r.interactiveSignIns },
  { header: 'Non-interactive', key: 'nonInteractive', width: 15, value: (r) => r.nonInteractiveSignIns },
  { header: 'Last seen (UTC)', key: 'lastSeen', width: 20, value: (r) => (r.lastSeen ? r.lastSeen.replace('T', ' ').slice(0, 19) : '') },
  { header: 'Account enabled', key: 'enabled', width: 15, value: (r) => (r.accountEnabled == null ? '' : r.accountEnabled ? 'Yes' : 'No') },
  { header: 'User type', key: 'userType', width: 11, value: (r) => text(r.userType) },
  { header: 'Object ID', key: 'objectId', width: 38, value: (r) => text(r.objectId) },
  { header: 'Application ID', key: 'appId', width: 38, value: (r) => text(r.appId) },
];

export interface WorkbookOptions {
  outPath: string;
  asOf: string;
  onProgress: (rows: number, total: number) => void;
  signal: AbortSignal;
}

/** Streams the governance workbook: rows go from SQL to disk without holding the tenant in memory. */
export async function writeWorkbook(engagement: Engagement, opts: WorkbookOptions): Promise<void> {
  mkdirSync(dirname(opts.outPath), { recursive: true });
  const db = engagement.reader;
  const info = engagement.info();
  const summary = getSummary(db, info);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: opts.outPath, useStyles: true, useSharedStrings: false });
  wb.creator = 'nhi-audit';
  wb.created = new Date(`${opts.asOf}T00:00:00Z`);
  wb.modified = wb.created;

  const print = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } as const;
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
  kv('Engagement', text(info.name));
  kv('Customer', text(info.customer));
  kv('Tenant', text(info.tenant));
  kv('Auditor', text(info.auditor));
  kv('As of', opts.asOf);
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
    const row = s.addRow([text(f.name), IMPORT_KIND_LABELS[f.kind as ImportKind] ?? f.kind, f.rowsImported, f.rowsRejected, f.sha256]);
    row.getCell(3).numFmt = '#,##0';
    row.getCell(4).numFmt = '#,##0';
    row.getCell(5).font = { name: 'Consolas', size: 9 };
    row.commit();
  }
  s.commit();

  const ws = wb.addWorksheet('Identities', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...print, printTitlesRow: '1:1' } });
  ws.columns = IDENTITY_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  styleHeader(header);
  header.commit();
  let n = 0;
  for (const r of iterateIdentities(db)) {
    const row = ws.addRow(IDENTITY_COLUMNS.map((c) => c.value(r)));
    row.getCell(6).style = PERCENT;
    for (const c of [9, 10, 11]) row.getCell(c).style = COUNT;
    row.commit();
    if (++n % 1000 === 0) {
      if (opts.signal.aborted) throw new Error('Export cancelled.');
      opts.onProgress(n, summary.identities);
      // Let the worker answer messages (cancel) between chunks.
      await breathe();
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, n + 1), column: IDENTITY_COLUMNS.length } };
  ws.commit();
  await writeReadinessSheet(wb, db, print, opts);
  await writeMigrationSheet(wb, db, print, opts);
  await writeFindingsSheet(wb, db, print, opts);
  writeSourcesSheet(wb, engagement, print);
  await wb.commit();
  opts.onProgress(n, summary.identities);
}

