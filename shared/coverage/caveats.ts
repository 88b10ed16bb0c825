import type { Caveat, Coverage } from '../contract/coverage';
import { daysIn, formatRange } from './days';
import { CATEGORY_MISSING, ENTITY_MISSING, INFO_ONLY } from './evidence';
import type { CoverageFile } from './model';

/** Below this many days of sign-ins, monthly activity may be missed. */
const SHORT_WINDOW_DAYS = 30;
const MAX_GAPS_SAID = 3;

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function perFile(files: readonly CoverageFile[]): Caveat[] {
  const out: Caveat[] = [];
  for (const f of files) {
    for (const flag of new Set(f.flags)) {
      if (flag === 'truncated_at_cap') {
        out.push({
          code: 'truncated_at_cap',
          severity: 'warning',
          text: `${f.name} has exactly as many rows as a portal download allows: it is probably cut off, so events after its last row are missing. Export shorter date ranges.`,
        });
      } else if (flag === 'more_pages') {
        out.push({
          code: 'more_pages',
          severity: 'warning',
          text: `${f.name} is one page of a longer Graph result (it ends with an @odata.nextLink): the pages after it were not exported.`,
        });
      } else if (flag === 'omits_deleted_principals') {
        out.push({
          code: 'omits_deleted_principals',
          severity: 'info',
          text: `${f.name}: this kind of role assignment export leaves out assignments of deleted principals (and classic administrators).`,
        });
      } else if (flag === 'local_time') {
        out.push({
          code: 'local_time',
          severity: 'warning',
          text: `${f.name} records times in the exporter's local time, not UTC: events near midnight may fall on the neighbouring day.`,
        });
      }
    }
  }
  return out;
}

/** The plain-English consequences of what is missing, warnings first. */
export function caveatsOf(c: Omit<Coverage, 'caveats'>, files: readonly CoverageFile[], uncategorised: readonly CoverageFile[]): Caveat[] {
  if (files.length === 0) {
    return [{ code: 'nothing_imported', severity: 'warning', text: 'Nothing has been imported yet: every verdict would be "cannot assess".' }];
  }
  const out: Caveat[] = [];
  const anySignIns = c.categories.some((x) => x.present);
  if (!anySignIns) {
    out.push({
      code: 'no_signins',
      severity: 'warning',
      text: 'No sign-in logs were imported: no readiness verdict can be given, so every user is "cannot assess" and dormancy cannot be judged.',
    });
  }
  for (const cat of c.categories) {
    if (!cat.present) {
      if (anySignIns) out.push({ code: `missing_${cat.category}`, severity: INFO_ONLY.has(cat.category) ? 'info' : 'warning', text: CATEGORY_MISSING[cat.category] });
      continue;
    }
    if (cat.ranges.length === 0) {
      out.push({ code: `empty_${cat.category}`, severity: 'info', text: `${cat.label} were imported from ${plural(cat.files, 'file')} that ${cat.files === 1 ? 'holds' : 'hold'} no events: no dates are covered.` });
    }
    if (cat.gaps.length > 0) {
      const said = cat.gaps.slice(0, MAX_GAPS_SAID).map(formatRange).join(', ');
      const more = cat.gaps.length > MAX_GAPS_SAID ? ` and ${plural(cat.gaps.length - MAX_GAPS_SAID, 'more gap')}` : '';
      out.push({
        code: `gap_${cat.category}`,
        severity: 'warning',
        text:
          `No ${cat.label.toLowerCase()} are recorded for ${said}${more}, which other sign-in logs cover: ` +
          'that export does not reach those days (re-export them), or there was no such activity.',
      });
    }
  }
  if (c.window && daysIn(c.window) < SHORT_WINDOW_DAYS) {
    out.push({
      code: 'short_window',
      severity: 'info',
      text: `The sign-in evidence spans only ${plural(daysIn(c.window), 'day')} (${formatRange(c.window)}): accounts that sign in less often may look inactive.`,
    });
  }
  for (const f of uncategorised) {
    out.push({ code: 'uncategorised_signins', severity: 'info', text: `${f.name} holds sign-ins whose categories were not recorded; they are not counted above.` });
  }
  for (const e of c.entities) {
    if (e.present) continue;
    out.push({
      code: `missing_${e.entity}`,
      severity: INFO_ONLY.has(e.entity) ? 'info' : 'warning',
      text: `${ENTITY_MISSING[e.entity]}: ${e.without}.`,
    });
  }
  out.push(...perFile(files));
  return [...out.filter((x) => x.severity === 'warning'), ...out.filter((x) => x.severity === 'info')];
}
