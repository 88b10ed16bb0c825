import type { Coverage } from '../../shared/contract/coverage';
import type { ImportOutcome, Summary } from '../../shared/contract/dto';
import { formatRange } from '../../shared/coverage/days';
import type { Review } from '../../shared/domain/review';
import type { ReviewImportResult } from '../../shared/domain/reviewImport';
import { CLASS_LABELS, IDENTITY_CLASSES, SEVERITIES, VERDICT_LABELS, VERDICTS } from '../../shared/domain/vocabulary';

const n = (v: number): string => v.toLocaleString('en-US');

/** The one-screen summary printed at the end of a run. */
export function outcomesText(outcomes: readonly ImportOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    const status = o.status === 'imported' ? 'ok     ' : o.status === 'skipped' ? 'skipped' : o.status === 'cancelled' ? 'cancel ' : 'FAILED ';
    const counts = o.status === 'imported' ? `${n(o.rowsImported)} rows${o.rowsRejected ? `, ${n(o.rowsRejected)} rejected` : ''}${o.rowsDuplicate ? `, ${n(o.rowsDuplicate)} already present` : ''}` : '';
    lines.push(`  ${status} ${o.name}${o.kind ? ` [${o.kind}]` : ''} ${counts}`.trimEnd());
    if (o.error) lines.push(`          ${o.error}`);
    for (const w of o.warnings) lines.push(`          warning: ${w}`);
    for (const r of o.rejections.slice(0, 3)) lines.push(`          line ${r.line}: ${r.reason}`);
    if (o.rejections.length > 3) lines.push(`          … ${n(o.rowsRejected - 3)} more rejected rows (see the engagement or the JSON report)`);
  }
  return lines.join('\n');
}

export function summaryText(s: Summary): string {
  const lines = [
    `  ${n(s.identities)} identities from ${n(s.signIns)} sign-ins in ${n(s.files)} files` +
      (s.firstSignIn && s.lastSignIn ? ` (${s.firstSignIn.slice(0, 10)} to ${s.lastSignIn.slice(0, 10)})` : ''),
  ];
  for (const cls of IDENTITY_CLASSES) {
    const v = s.byClass[cls];
    if (v) lines.push(`    ${CLASS_LABELS[cls].padEnd(20)} ${n(v).padStart(8)}`);
  }
  if (s.byClass.unclassified) lines.push(`    ${'Not analysed'.padEnd(20)} ${n(s.byClass.unclassified).padStart(8)}`);
  if (Object.keys(s.byVerdict).length > 0) {
    lines.push('  Mandatory MFA readiness');
    for (const v of VERDICTS) {
      const count = s.byVerdict[v];
      if (count) lines.push(`    ${VERDICT_LABELS[v].padEnd(20)} ${n(count).padStart(8)}`);
    }
    const total = Object.values(s.findingsBySeverity).reduce((a, b) => a + b, 0);
    lines.push(`  Governance findings${total === 0 ? '            none' : ''}`);
    for (const sev of SEVERITIES) {
      const count = s.findingsBySeverity[sev];
      if (count) lines.push(`    ${(sev[0]?.toUpperCase() ?? '') + sev.slice(1).padEnd(19)} ${n(count).padStart(8)}`);
    }
  }
  return lines.join('\n');
}

/** Which evidence the engagement holds and what is missing, with the consequences. */
export function coverageText(c: Coverage): string {
  const lines: string[] = [];
  for (const cat of c.categories) {
    const state = !cat.present
      ? 'MISSING'
      : cat.ranges.length === 0
        ? `${n(cat.files)} ${cat.files === 1 ? 'file' : 'files'}, no events`
        : `${cat.ranges.map(formatRange).join(', ')} (${n(cat.rows)} ${cat.rows === 1 ? 'row' : 'rows'})${cat.gaps.length > 0 ? `, gaps: ${cat.gaps.map(formatRange).join(', ')}` : ''}`;
    lines.push(`  ${cat.label.padEnd(31)} ${state}`);
  }
  for (const e of c.entities) lines.push(`  ${e.label.padEnd(31)} ${e.present ? `${n(e.rows)} ${e.rows === 1 ? 'row' : 'rows'} in ${n(e.files)} ${e.files === 1 ? 'file' : 'files'}` : 'MISSING'}`);
  for (const t of c.truncatedFiles) lines.push(`  truncated: ${t.name} (${t.flags.join(', ')})`);
  for (const cv of c.caveats) lines.push(`  ${cv.severity === 'warning' ? '! ' : '- '}${cv.text}`);
  return lines.join('\n');
}

/** What importing a reviewed workbook did, with the rows that need a look. */
export function reviewImportText(r: ReviewImportResult): string {
  const lines = [
    `  ${r.file}: ${n(r.rows)} rows read, ${n(r.applied)} reviews applied, ${n(r.unchanged)} unchanged`,
  ];
  const show = <T extends { row: number; name: string; key: string | null }>(title: string, items: readonly T[], detail: (item: T) => string): void => {
    if (items.length === 0) return;
    lines.push(`  ${title} (${n(items.length)}${items.length >= 500 ? '+' : ''})`);
    for (const it of items.slice(0, 10)) lines.push(`    row ${it.row} ${it.name || it.key || ''}: ${detail(it)}`);
    if (items.length > 10) lines.push(`    … ${n(items.length - 10)} more`);
  };
  const brief = (v: Review | null): string => (v ? [v.owner, v.decision, v.dueDate, v.status].filter(Boolean).join(' / ') || 'notes only' : 'nothing');
  show('Conflicts: changed in the workbook and in the engagement since the export', r.conflicts, (c) => `engagement has "${brief(c.engagement)}", workbook has "${brief(c.workbook)}"; ${c.resolved}`);
  show('Not in this engagement', r.unknown, () => 'identity key not found (a workbook of another engagement?)');
  show('Not applied', r.invalid, (it) => it.problems.join('; '));
  if (r.conflicts.some((c) => c.resolved === 'kept engagement')) lines.push('  Run again with --overwrite to take the workbook\'s values for the conflicts.');
  return lines.join('\n');
}
