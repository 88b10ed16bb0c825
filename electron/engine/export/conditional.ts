import type ExcelJS from 'exceljs';
import { SEVERITIES, VERDICT_LABELS, type Severity, type Verdict } from '../../../shared/domain/vocabulary';

/**
 * Colours that follow the cell's value (conditional formatting), so a reviewer who re-rates a
 * finding or filters a table still sees the right colour. Text colour is chosen for contrast.
 */
const VERDICT_COLOURS: Partial<Record<Verdict, [fill: string, font: string]>> = {
  blocked: ['FF8B1A10', 'FFFFFFFF'],
  will_break: ['FFE4572E', 'FFFFFFFF'],
  at_risk: ['FFF2B33D', 'FF1A1F26'],
  ready: ['FFB7E1C1', 'FF14532D'],
  cannot_assess: ['FFE5E7EB', 'FF374151'],
};

const SEVERITY_COLOURS: Record<Severity, [fill: string, font: string]> = {
  critical: ['FF8B1A10', 'FFFFFFFF'],
  high: ['FFE4572E', 'FFFFFFFF'],
  medium: ['FFF2B33D', 'FF1A1F26'],
  low: ['FF9BC1E8', 'FF1A1F26'],
  info: ['FFD9D9D9', 'FF1A1F26'],
};

function equalsRule(label: string, [fill, font]: [string, string], priority: number): ExcelJS.ConditionalFormattingRule {
  return {
    type: 'cellIs',
    operator: 'equal',
    // The label is our own vocabulary, quoted as a string literal of the rule's formula.
    formulae: [`"${label.replace(/"/gu, '""')}"`],
    priority,
    style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } }, font: { bold: true, color: { argb: font } } },
  };
}

/** Colours the readiness verdicts in `ref` (a column range such as "H2:H5001"). */
export function formatVerdicts(ws: ExcelJS.Worksheet, ref: string): void {
  const rules = Object.entries(VERDICT_COLOURS).map(([v, c], i) => equalsRule(VERDICT_LABELS[v as Verdict], c, i + 1));
  ws.addConditionalFormatting({ ref, rules });
}

/** Colours finding severities in `ref`, written as the lower-case severity words. */
export function formatSeverities(ws: ExcelJS.Worksheet, ref: string): void {
  ws.addConditionalFormatting({ ref, rules: SEVERITIES.map((s, i) => equalsRule(s, SEVERITY_COLOURS[s], i + 1)) });
}
