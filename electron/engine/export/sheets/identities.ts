import type ExcelJS from 'exceljs';
import type { IdentityRow } from '../../../../shared/contract/dto';
import { REVIEW_DECISIONS, REVIEW_HEADERS, REVIEW_KEY_HEADER, REVIEW_LIMITS, REVIEW_STAMP_HEADER, REVIEW_STATUSES } from '../../../../shared/domain/review';
import { CLASS_LABELS, VERDICT_LABELS } from '../../../../shared/domain/vocabulary';
import type { Engagement } from '../../engagement';
import { iterateIdentities } from '../../queries/identities';
import { reviewStamp } from '../../review/stamp';
import { columnLetter, COUNT, DATE, PERCENT, text, writeTableSheet, type SheetColumn, type SheetContext } from '../cells';
import { formatVerdicts } from '../conditional';

const REVIEW_FILL: Partial<ExcelJS.Style> = {
  alignment: { vertical: 'top', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8E1' } },
  protection: { locked: false },
};
const REVIEW_DATE: Partial<ExcelJS.Style> = { ...DATE, fill: REVIEW_FILL.fill, protection: { locked: false } };

export const IDENTITY_COLUMNS: SheetColumn<IdentityRow>[] = [
  { header: 'Display name', width: 32, value: (r) => text(r.displayName) },
  { header: 'User principal name', width: 38, value: (r) => text(r.upn) },
  { header: 'Kind', pseudonym: 'keep', width: 16, value: (r) => r.kind.replace('_', ' ') },
  { header: 'Class', pseudonym: 'keep', width: 18, value: (r) => (r.class ? CLASS_LABELS[r.class] : 'Not analysed') },
  {
    header: 'Reviewer override',
    width: 30,
    value: (r) => (r.override ? `${CLASS_LABELS[r.override.class]} (computed: ${r.computedClass ? CLASS_LABELS[r.computedClass] : '?'}); ${r.override.reason}` : ''),
  },
  { header: 'Confidence', width: 12, value: (r) => r.confidence, style: PERCENT },
  { header: 'Why', width: 70, value: (r) => r.reasons.map((x) => x.text).join('; ') },
  { header: 'Readiness', pseudonym: 'keep', width: 14, value: (r) => (r.verdict ? VERDICT_LABELS[r.verdict] : 'Not assessed') },
  { header: 'Sign-ins', width: 10, value: (r) => r.signIns, style: COUNT },
  { header: 'Interactive', width: 12, value: (r) => r.interactiveSignIns, style: COUNT },
  { header: 'Non-interactive', width: 15, value: (r) => r.nonInteractiveSignIns, style: COUNT },
  { header: 'Last seen (UTC)', pseudonym: 'keep', width: 20, value: (r) => (r.lastSeen ? r.lastSeen.replace('T', ' ').slice(0, 19) : '') },
  { header: 'Account enabled', pseudonym: 'keep', width: 15, value: (r) => (r.accountEnabled == null ? '' : r.accountEnabled ? 'Yes' : 'No') },
  { header: 'User type', pseudonym: 'keep', width: 11, value: (r) => text(r.userType) },
  { header: 'Object ID', pseudonym: 'keep', width: 38, value: (r) => text(r.objectId) },
  { header: 'Application ID', pseudonym: 'keep', width: 38, value: (r) => text(r.appId) },
  { header: REVIEW_HEADERS.owner, width: 24, value: (r) => text(r.review?.owner), style: REVIEW_FILL },
  { header: REVIEW_HEADERS.decision, pseudonym: 'keep', width: 26, value: (r) => text(r.review?.decision), style: REVIEW_FILL },
  { header: REVIEW_HEADERS.dueDate, width: 12, value: (r) => (r.review?.dueDate ? new Date(`${r.review.dueDate}T00:00:00Z`) : null), style: REVIEW_DATE },
  { header: REVIEW_HEADERS.status, pseudonym: 'keep', width: 13, value: (r) => text(r.review?.status), style: REVIEW_FILL },
  { header: REVIEW_HEADERS.notes, width: 40, value: (r) => text(r.review?.notes), style: REVIEW_FILL },
  { header: REVIEW_KEY_HEADER, width: 20, value: (r) => r.key, hidden: true, pseudonym: 'identityKey' },
  { header: REVIEW_STAMP_HEADER, width: 20, value: (r) => reviewStamp(r.review), hidden: true, pseudonym: 'keep' },
];

/** 1-based column number of a header of this sheet. */
export function identityColumn(header: string): number {
  const i = IDENTITY_COLUMNS.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
}

/** exceljs keeps range validations here (its typings only know the per-cell property, which would cost one entry per row). */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** Drop-downs and limits on the reviewer columns, so what comes back can be read without guessing. */
function reviewValidations(sheet: ExcelJS.Worksheet, lastRow: number): void {
  const ws = sheet as ExcelJS.Worksheet & WithValidations;
  const range = (header: string): string => `${columnLetter(identityColumn(header))}2:${columnLetter(identityColumn(header))}${Math.max(2, lastRow)}`;
  const list = (values: readonly string[], what: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: `Not a ${what}`,
    error: `Choose one of: ${values.join(', ')}.`,
  });
  ws.dataValidations.add(range(REVIEW_HEADERS.decision), list(REVIEW_DECISIONS, 'decision'));
  ws.dataValidations.add(range(REVIEW_HEADERS.status), list(REVIEW_STATUSES, 'status'));
  ws.dataValidations.add(range(REVIEW_HEADERS.dueDate), {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showErrorMessage: true,
    errorTitle: 'Not a date',
    error: 'Enter the due date as a date (for example 2027-03-31).',
  });
  for (const [header, max] of [
    [REVIEW_HEADERS.owner, REVIEW_LIMITS.owner],
    [REVIEW_HEADERS.notes, REVIEW_LIMITS.notes],
  ] as const) {
    ws.dataValidations.add(range(header), {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [max],
      showErrorMessage: true,
      errorTitle: 'Too long',
      error: `At most ${max} characters.`,
    });
  }
}

/**
 * Every identity with its class, readiness and the reviewer columns (owner, decision, due date,
 * status, notes) that come back into the engagement when the reviewed workbook is imported. Returns
 * each identity's row so other sheets can link to it.
 */
export async function writeIdentitiesSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  db: Engagement['reader'],
  ctx: SheetContext,
  opts: { onProgress: (rows: number) => void; onTable?: (ws: ExcelJS.Worksheet, lastRow: number) => void },
): Promise<Map<number, number>> {
  const rows = new Map<number, number>();
  await writeTableSheet(wb, 'Identities', IDENTITY_COLUMNS, iterateIdentities(db), {
    ...ctx,
    table: 'Identities',
    xSplit: 1,
    onRow: (r, rowNumber) => {
      rows.set(r.id, rowNumber);
      if (rowNumber % 1000 === 0) opts.onProgress(rowNumber - 1);
    },
    after: (ws, lastRow) => {
      reviewValidations(ws, lastRow);
      const v = columnLetter(identityColumn('Readiness'));
      formatVerdicts(ws, `${v}2:${v}${Math.max(2, lastRow)}`);
      opts.onTable?.(ws, lastRow);
    },
  });
  return rows;
}
