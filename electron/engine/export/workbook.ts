import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IdentityRow } from '../../../shared/contract/dto';
import { CLASS_LABELS, IDENTITY_CLASSES, SEVERITIES, VERDICT_LABELS, VERDICTS, type IdentityClass } from '../../../shared/domain/vocabulary';
import { PATTERN_LABELS, type MigrationPattern } from '../../../shared/readiness/recommend';
import type { EnforcedSurface } from '../../../shared/catalogue/enforcedApps';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/domain/importKinds';
import type { Engagement } from '../engagement';
import { iterateIdentities } from '../queries/identities';
import { iterateFindings, listRuleResults } from '../queries/findings';
import { RULES } from '../../../shared/rules/registry';
import { getCoverage } from '../queries/coverage';
import { formatRange } from '../../../shared/coverage/days';
import { getSummary, listImportedFiles } from '../queries/summary';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/**
 * Styles shared by reference: exceljs caches a style by its object, so a million cells that share
 * one object cost one lookup each instead of serialising the style every time. Never mutate them
 * (no `cell.font = …` on a cell that holds one): assign whole objects only.
 */
const WRAP_TOP: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
const PERCENT: Partial<ExcelJS.Style> = { numFmt: '0%' };
const COUNT: Partial<ExcelJS.Style> = { numFmt: '#,##0' };

/** Lets the worker answer messages (cancel) between chunks of rows. */
async function breathe(): Promise<void> {
  await new Promise((r) => setImmediate(r));
}

/** Gives every cell of a row the same shared style object. */
function shareStyle(row: ExcelJS.Row, style: Partial<ExcelJS.Style>): void {
  row.eachCell({ includeEmpty: true }, (c) => {
    c.style = style;
  });
}

/** Dark fill and white bold text for a header row. */
function styleHeader(row: ExcelJS.Row, wrap = false): void {
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    if (wrap) c.alignment = { wrapText: true, vertical: 'top' };
  });
}

/**
 * Tenant data is always written as a plain string cell, never as a formula: display names such as
 * `=HYPERLINK(...)` stay inert text. exceljs writes a formula only for `{ formula }` values, and no
 * code here builds one from tenant data.
 */
function text(v: string | null | undefined): string {
  return v ?? '';
}

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
  const head = s.addRow(['Identities by class', 'Count']);
  styleHeader(head);
  head.commit();
  for (const cls of [...IDENTITY_CLASSES, 'unclassified'] as (IdentityClass | 'unclassified')[]) {
    const n = summary.byClass[cls] ?? 0;
    if (n === 0) continue;
    const row = s.addRow([cls === 'unclassified' ? 'Not analysed' : CLASS_LABELS[cls], n]);
    row.getCell(2).numFmt = '#,##0';
    row.commit();
  }
  if (Object.keys(summary.byVerdict).length > 0) {
    s.addRow([]).commit();
    const vh = s.addRow(['Mandatory MFA readiness', 'Identities']);
    styleHeader(vh);
    vh.commit();
    for (const v of VERDICTS) {
      const n = summary.byVerdict[v] ?? 0;
      if (n === 0) continue;
      const row = s.addRow([VERDICT_LABELS[v], n]);
      row.getCell(2).numFmt = '#,##0';
      row.commit();
    }
  }
  if (Object.keys(summary.byVerdict).length > 0) {
    s.addRow([]).commit();
    const fh2 = s.addRow(['Governance findings', 'Findings']);
    styleHeader(fh2);
    fh2.commit();
    for (const sev of SEVERITIES) {
      const row = s.addRow([sev[0]?.toUpperCase() + sev.slice(1), summary.findingsBySeverity[sev] ?? 0]);
      row.getCell(2).numFmt = '#,##0';
      row.commit();
    }
  }
  s.addRow([]).commit();
  const sh = s.addRow(['Sign-ins by log', 'Count']);
  styleHeader(sh);
  sh.commit();
  for (const cat of ['interactive', 'non_interactive', 'service_principal', 'managed_identity']) {
    const row = s.addRow([cat.replace('_', '-'), summary.signInsByCategory[cat] ?? 0]);
    row.getCell(2).numFmt = '#,##0';
    row.commit();
  }
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
  await writeFindingsSheet(wb, db, print, opts);
  writeSourcesSheet(wb, engagement, print);
  await wb.commit();
  opts.onProgress(n, summary.identities);
}


/** What one surface cell says: the effect and its numbers. */
function surfaceCell(r: IdentityRow, surface: EnforcedSurface): string {
  const s = r.surfaces.find((x) => x.surface === surface);
  if (!s) return '';
  if (s.effect === 'blocked') return `Blocked: ${s.mfaFailures} MFA failures`;
  if (s.effect === 'breaks') return `Breaks: ${s.singleFactor} single-factor`;
  if (s.effect === 'mfa') return `MFA: ${s.mfa}`;
  return `Prompted: ${s.mfaFailures + s.otherFailures} failures`;
}

const READINESS_COLUMNS: { header: string; width: number; value: (r: IdentityRow) => string | number | null }[] = [
  { header: 'Display name', width: 30, value: (r) => text(r.displayName) },
  { header: 'User principal name', width: 38, value: (r) => text(r.upn) },
  { header: 'Class', width: 16, value: (r) => (r.class ? CLASS_LABELS[r.class] + (r.override ? ' (override)' : '') : '') },
  { header: 'Verdict', width: 14, value: (r) => (r.verdict ? VERDICT_LABELS[r.verdict] : '') },
  { header: 'Phase', width: 8, value: (r) => (r.phase == null ? '' : r.phase) },
  { header: 'Azure portal (phase 1)', width: 22, value: (r) => surfaceCell(r, 'portal') },
  { header: 'Azure CLI', width: 20, value: (r) => surfaceCell(r, 'cli') },
  { header: 'Azure PowerShell', width: 20, value: (r) => surfaceCell(r, 'powershell') },
  { header: 'Azure mobile app', width: 18, value: (r) => surfaceCell(r, 'mobile') },
  { header: 'Other ARM clients', width: 20, value: (r) => surfaceCell(r, 'arm_other') },
  { header: 'Evidence', width: 70, value: (r) => text(r.verdictReason) },
  {
    header: 'First single-factor (UTC)',
    width: 20,
    value: (r) => r.surfaces.map((x) => x.firstSingleFactor).filter((x): x is string => x != null).sort()[0]?.replace('T', ' ').slice(0, 16) ?? '',
  },
  {
    header: 'Last single-factor (UTC)',
    width: 20,
    value: (r) => r.surfaces.map((x) => x.lastSingleFactor).filter((x): x is string => x != null).sort().at(-1)?.replace('T', ' ').slice(0, 16) ?? '',
  },
  { header: 'Blocked since (UTC)', width: 20, value: (r) => r.blockedSince?.replace('T', ' ').slice(0, 16) ?? '' },
  { header: 'Sample request IDs', width: 40, value: (r) => r.surfaces.flatMap((x) => x.sampleRequestIds).slice(0, 3).join(' ') },
  { header: 'Recommendation', width: 34, value: (r) => (r.recommendation ? (PATTERN_LABELS[r.recommendation.pattern as MigrationPattern] ?? r.recommendation.pattern) : '') },
  { header: 'What to do', width: 60, value: (r) => text(r.recommendation?.action) },
  { header: 'Why', width: 60, value: (r) => text(r.recommendation?.rationale) },
];

const READINESS_WIDTHS = READINESS_COLUMNS.map((c) => c.width);

/** User objects only (workload identities are out of scope), worst verdict first. */
async function writeReadinessSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Engagement['reader'], print: Partial<ExcelJS.PageSetup>, opts: WorkbookOptions): Promise<void> {
  const ws = wb.addWorksheet('MFA Readiness', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], pageSetup: { ...print, printTitlesRow: '1:1' } });
  ws.columns = READINESS_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  styleHeader(header, true);
  header.commit();
  let n = 0;
  for (const r of iterateIdentities(db, { readiness: true })) {
    const row = ws.addRow(READINESS_COLUMNS.map((c) => c.value(r)));
    shareStyle(row, WRAP_TOP);
    fitHeight(row, READINESS_WIDTHS);
    row.commit();
    if (++n % 1000 === 0) {
      if (opts.signal.aborted) throw new Error('Export cancelled.');
      await breathe();
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, n + 1), column: READINESS_COLUMNS.length } };
  ws.commit();
}

/**
 * Row height for wrapped text: spreadsheet apps do not grow rows written by a streaming writer,
 * so the lines each cell needs at its column's width are estimated (about one character per
 * width unit) and the row is made that tall.
 */
function fitHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const width = widths[col - 1] ?? 10;
    const value = typeof cell.value === 'string' ? cell.value : cell.value == null ? '' : String(cell.value);
    lines = Math.max(lines, value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(1, width - 1))), 0));
  });
  row.height = Math.min(409, 15 * lines);
}

const SEVERITY_FILL: Record<string, string> = { critical: 'FF8B1A10', high: 'FFE4572E', medium: 'FFF2B33D', low: 'FF9BC1E8', info: 'FFD9D9D9' };

const FINDING_WIDTHS = [11, 34, 44, 36, 70, 18, 18, 18] as const;

const SEVERITY_STYLE: Record<string, Partial<ExcelJS.Style>> = Object.fromEntries(
  Object.entries(SEVERITY_FILL).map(([severity, argb]) => [
    severity,
    {
      alignment: { vertical: 'top', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } },
      font: { bold: true, color: { argb: severity === 'critical' || severity === 'high' ? 'FFFFFFFF' : 'FF1A1F26' } },
    },
  ]),
);

/** Every finding, worst first, with its framework references; then every rule's outcome, skipped ones with the reason. */
async function writeFindingsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Engagement['reader'], print: Partial<ExcelJS.PageSetup>, opts: WorkbookOptions): Promise<void> {
  const ws = wb.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...print, printTitlesRow: '1:1' } });
  const heads = ['Severity', 'Rule', 'Finding', 'Subject', 'Evidence', 'OWASP NHI (2025)', 'NIST CSF 2.0', 'NIST SP 800-207'];
  ws.columns = heads.map((header, i) => ({ header, width: FINDING_WIDTHS[i] }));
  const header = ws.getRow(1);
  styleHeader(header);
  header.commit();
  let n = 0;
  for (const f of iterateFindings(db)) {
    const row = ws.addRow([
      f.severity,
      f.ruleId,
      f.title,
      text(f.subject),
      text(f.evidence),
      f.frameworks['owasp-nhi-2025'].join(', '),
      f.frameworks['nist-csf-2'].join(', '),
      f.frameworks['nist-sp-800-207'].join(', '),
    ]);
    shareStyle(row, WRAP_TOP);
    fitHeight(row, FINDING_WIDTHS);
    row.getCell(1).style = SEVERITY_STYLE[f.severity] ?? WRAP_TOP;
    row.commit();
    if (++n % 1000 === 0) {
      if (opts.signal.aborted) throw new Error('Export cancelled.');
      await breathe();
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, n + 1), column: 8 } };
  ws.addRow([]).commit();
  const rh = ws.addRow(['Rule outcome', 'Rule', 'Title', 'Findings', 'Why not evaluated']);
  styleHeader(rh);
  rh.commit();
  const titles = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));
  for (const r of listRuleResults(db)) {
    const row = ws.addRow([r.status === 'fail' ? 'Fail' : r.status === 'pass' ? 'Pass' : 'Skipped', r.ruleId, titles.get(r.ruleId) ?? '', r.findings, r.reason ?? '']);
    shareStyle(row, WRAP_TOP);
    fitHeight(row, FINDING_WIDTHS);
    row.commit();
  }
  ws.commit();
}

/**
 * How the results were reached: every imported file with its provenance, the coverage of the
 * evidence and its gaps, the thresholds classification and rules used, and every rule's outcome.
 */
function writeSourcesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, engagement: Engagement, print: Partial<ExcelJS.PageSetup>): void {
  const db = engagement.reader;
  const widths = [44, 40, 12, 12, 12, 22, 22, 70];
  const ws = wb.addWorksheet('Sources & Method', { views: [{ showGridLines: false }], pageSetup: print });
  ws.columns = widths.map((width) => ({ width }));
  const section = (title: string, heads: string[]): void => {
    const t = ws.addRow([title]);
    t.font = { bold: true, size: 13, color: { argb: 'FF1F3A5F' } };
    t.commit();
    const h = ws.addRow(heads);
    styleHeader(h);
    h.commit();
  };
  const line = (values: (string | number)[]): void => {
    const row = ws.addRow(values);
    shareStyle(row, WRAP_TOP);
    fitHeight(row, widths);
    row.commit();
  };

  section('Imported files', ['File', 'Kind', 'Rows', 'Rejected', 'Already present', 'First event (UTC)', 'Last event (UTC)', 'SHA-256 / warnings']);
  for (const f of listImportedFiles(db)) {
    line([
      text(f.name),
      IMPORT_KIND_LABELS[f.kind as ImportKind] ?? f.kind,
      f.rowsImported,
      f.rowsRejected,
      f.rowsDuplicate,
      f.firstTime?.replace('T', ' ').slice(0, 16) ?? '',
      f.lastTime?.replace('T', ' ').slice(0, 16) ?? '',
      [f.sha256, ...f.warnings.map((w) => text(w))].join('\n'),
    ]);
  }
  ws.addRow([]).commit();

  const coverage = getCoverage(db);
  section('Evidence coverage', ['Evidence', 'Present', 'Files', 'Rows', '', 'Dates', 'Gaps', 'Without it']);
  for (const c of coverage.categories) {
    line([c.label, c.present ? 'Yes' : 'MISSING', c.files, c.rows, '', c.ranges.map(formatRange).join(', '), c.gaps.map(formatRange).join(', '), '']);
  }
  for (const e of coverage.entities) line([e.label, e.present ? 'Yes' : 'MISSING', e.files, e.rows, '', '', '', e.present ? '' : e.without]);
  for (const c of coverage.caveats) line([c.severity === 'warning' ? 'Caveat' : 'Note', '', '', '', '', '', '', c.text]);
  ws.addRow([]).commit();

  section('Thresholds and patterns used', ['Setting', 'Value', '', '', '', '', '', '']);
  const settings = { ...engagement.classificationSettings(), ...engagement.ruleSettings() };
  for (const [k, v] of Object.entries(settings)) line([k, Array.isArray(v) ? v.join('  |  ') : typeof v === 'object' ? JSON.stringify(v) : String(v), '', '', '', '', '', '']);
  ws.addRow([]).commit();

  section('Rules', ['Rule', 'Title', 'Outcome', 'Findings', '', '', '', 'Why not evaluated']);
  const outcomes = new Map(listRuleResults(db).map((r) => [r.ruleId, r]));
  for (const r of RULES) {
    const o = outcomes.get(r.meta.id);
    line([r.meta.id, r.meta.title, o ? (o.status === 'fail' ? 'Fail' : o.status === 'pass' ? 'Pass' : 'Skipped') : 'Not run', o?.findings ?? 0, '', '', '', o?.reason ?? '']);
  }
  ws.commit();
}
