import type ExcelJS from 'exceljs';
import { CLASS_LABELS, IDENTITY_CLASSES, SEVERITIES, VERDICT_LABELS, VERDICTS, type IdentityClass, type Verdict } from '../../../../shared/domain/vocabulary';
import type { Engagement } from '../../engagement';
import { getSummary, readinessByClass } from '../../queries/summary';
import { columnLetter, COUNT, countSection, styleHeader, text, type SheetContext } from '../cells';
import { sheetRange } from '../package/packageParts';

const SHEET = 'Summary';
/** Rows kept free under the key figures for the two charts. */
const CHART_ROWS = 20;
const VERDICT_COLOURS: Record<Verdict, string> = {
  blocked: '8B1A10',
  will_break: 'E4572E',
  at_risk: 'F2B33D',
  ready: '4C9A2A',
  no_activity: '9BC1E8',
  cannot_assess: '9CA3AF',
  not_in_scope: 'D1D5DB',
};
const SEVERITY_LABEL = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The first page of the review: the engagement, the key figures, a chart of readiness by class
 * and one of findings by severity (native Excel charts over the tables below them), and the
 * counts those charts draw from.
 */
export function writeSummarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, engagement: Engagement, ctx: SheetContext): void {
  const db = engagement.reader;
  const info = engagement.info();
  const summary = getSummary(db, info);
  const tenantText = (v: string): string => (ctx.pseudonymizer ? ctx.pseudonymizer.text(v) : v);
  const s = wb.addWorksheet(SHEET, { views: [{ showGridLines: false }], pageSetup: ctx.print });
  s.columns = [{ width: 34 }, ...VERDICTS.map(() => ({ width: 13 }))];
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
  kv('As of', ctx.asOf);
  if (ctx.pseudonymizer) kv('Pseudonymised', 'Yes: names, user principal names, e-mail and IP addresses and Azure resource names are replaced by stable pseudonyms');
  kv('Sign-ins analysed', summary.signIns);
  kv('Evidence window (UTC)', summary.firstSignIn && summary.lastSignIn ? `${summary.firstSignIn.slice(0, 10)} to ${summary.lastSignIn.slice(0, 10)}` : 'No sign-ins imported');
  kv('Identities', summary.identities);
  kv('Files imported', `${summary.files.toLocaleString('en-US')} (listed with their SHA-256 on Sources & Method)`);
  const missing = ['interactive', 'non_interactive'].filter((c) => !summary.signInsByCategory[c]);
  if (missing.length > 0) {
    const warn = s.addRow(['Coverage gap', `No ${missing.join(' or ').replace('_', '-')} sign-ins were imported; verdicts that depend on them cannot be assessed.`]);
    warn.getCell(2).font = { color: { argb: 'FFB00020' } };
    warn.commit();
  }
  const gap = s.addRow([]);
  gap.commit();
  // As a zero-based anchor, the 1-based number of this blank row is the row right after it.
  const chartTop = gap.number;
  for (let i = 0; i < CHART_ROWS; i++) s.addRow([]).commit();

  // Readiness by class: the table the first chart draws. Workload identities are out of the
  // enforcement's scope; their rows would only add grey bars.
  const byClass = readinessByClass(db);
  const verdicts = VERDICTS.filter((v) => v !== 'not_in_scope' && [...byClass.values()].some((m) => (m.get(v) ?? 0) > 0));
  const classes = IDENTITY_CLASSES.filter((c) => verdicts.some((v) => (byClass.get(c)?.get(v) ?? 0) > 0));
  const head = s.addRow(['Mandatory MFA readiness by class (user accounts)', ...verdicts.map((v) => VERDICT_LABELS[v])]);
  styleHeader(head, true);
  head.height = 30;
  head.commit();
  const firstClassRow = head.number + 1;
  for (const cls of classes) {
    const row = s.addRow([CLASS_LABELS[cls], ...verdicts.map((v) => byClass.get(cls)?.get(v) ?? 0)]);
    for (let c = 2; c <= verdicts.length + 1; c++) row.getCell(c).style = COUNT;
    row.commit();
  }
  const lastClassRow = firstClassRow + classes.length - 1;
  s.addRow([]).commit();

  countSection(
    s,
    'Identities by class',
    'Count',
    ([...IDENTITY_CLASSES, 'unclassified'] as (IdentityClass | 'unclassified')[]).map((cls) => [cls === 'unclassified' ? 'Not analysed' : CLASS_LABELS[cls], summary.byClass[cls] ?? 0] as const),
  );
  s.addRow([]).commit();
  countSection(s, 'Mandatory MFA readiness', 'Identities', VERDICTS.map((v) => [VERDICT_LABELS[v], summary.byVerdict[v] ?? 0] as const));
  s.addRow([]).commit();
  const severityHead = countSection(s, 'Governance findings', 'Findings', SEVERITIES.map((sev) => [SEVERITY_LABEL(sev), summary.findingsBySeverity[sev] ?? 0] as const), true);
  s.addRow([]).commit();
  countSection(s, 'Sign-ins by log', 'Count', ['interactive', 'non_interactive', 'service_principal', 'managed_identity'].map((cat) => [cat.replace('_', '-'), summary.signInsByCategory[cat] ?? 0] as const), true);

  if (ctx.parts && classes.length > 0) {
    ctx.parts.addChart(s, { fromCol: 0, fromRow: chartTop, toCol: 4, toRow: chartTop + CHART_ROWS - 1 }, {
      kind: 'bar',
      stacked: true,
      title: 'Mandatory MFA readiness by class',
      categories: { ref: sheetRange(SHEET, `A${firstClassRow}:A${lastClassRow}`), values: classes.map((c) => CLASS_LABELS[c]) },
      series: verdicts.map((v, i) => ({
        name: VERDICT_LABELS[v],
        ref: sheetRange(SHEET, `${columnLetter(i + 2)}${firstClassRow}:${columnLetter(i + 2)}${lastClassRow}`),
        values: classes.map((c) => byClass.get(c)?.get(v) ?? 0),
        color: VERDICT_COLOURS[v],
      })),
    });
  }
  if (ctx.parts) {
    ctx.parts.addChart(s, { fromCol: 4, fromRow: chartTop, toCol: 8, toRow: chartTop + CHART_ROWS - 1 }, {
      kind: 'column',
      title: 'Governance findings by severity',
      dataLabels: true,
      categories: { ref: sheetRange(SHEET, `A${severityHead + 1}:A${severityHead + SEVERITIES.length}`), values: SEVERITIES.map(SEVERITY_LABEL) },
      series: [
        {
          name: 'Findings',
          ref: sheetRange(SHEET, `B${severityHead + 1}:B${severityHead + SEVERITIES.length}`),
          values: SEVERITIES.map((sev) => summary.findingsBySeverity[sev] ?? 0),
          color: '1F3A5F',
        },
      ],
    });
  }
  s.commit();
}
