import type { CategoryCoverage, Coverage, DayRange, EntityCoverage, TruncatedFile } from '../contract/coverage';
import { ENTITY_KINDS } from '../contract/coverage';
import { SIGNIN_CATEGORIES, type SignInCategory } from '../domain/vocabulary';
import { caveatsOf } from './caveats';
import { dayOf, daysIn, gapsIn, mergeRanges } from './days';
import { CATEGORY_LABELS, ENTITY_LABELS, ENTITY_WITHOUT, evidenceOfKind } from './evidence';
import { TRUNCATION_FLAGS, isFileFlag } from './flags';

/** One part of a sign-in file: its rows of one category and their first and last event. */
export interface CategorySpan {
  rows: number;
  firstTime: string | null;
  lastTime: string | null;
}

/** What the model needs to know about each imported file. */
export interface CoverageFile {
  name: string;
  path: string;
  kind: string;
  rows: number;
  firstTime: string | null;
  lastTime: string | null;
  flags: readonly string[];
  /** For a sign-in file whose kind names no category (Graph, portal JSON): what it holds, by category. */
  signInCategories?: Partial<Record<SignInCategory, CategorySpan>> | null;
}

/**
 * A file only tells its first and last event, so a category can look short at the edges of the
 * window when its first or last day was merely quiet (or began at noon). A single such day at an
 * edge is not called a gap; a day between two files of the category always is.
 */
const MIN_EDGE_GAP_DAYS = 2;

function significantGaps(window: DayRange, ranges: readonly DayRange[]): DayRange[] {
  return gapsIn(window, ranges).filter((g) => {
    const edge = g.from === window.from || g.to === window.to;
    return !edge || daysIn(g) >= MIN_EDGE_GAP_DAYS;
  });
}

function rangeOf(span: CategorySpan): DayRange | null {
  const from = dayOf(span.firstTime);
  const to = dayOf(span.lastTime) ?? from;
  return from && to ? { from, to: to < from ? from : to } : null;
}

/** A file's sign-in evidence split by category. */
function spansOf(file: CoverageFile, category: SignInCategory | null): [SignInCategory, CategorySpan][] {
  if (category) return [[category, { rows: file.rows, firstTime: file.firstTime, lastTime: file.lastTime }]];
  return Object.entries(file.signInCategories ?? {}) as [SignInCategory, CategorySpan][];
}

/**
 * Which evidence an engagement holds, from its imported files alone: per sign-in category the days
 * covered and the gaps inside the overall window, which kinds of directory data are present, which
 * files look truncated, and plain-English caveats for everything missing. Pure: no I/O.
 */
export function buildCoverage(files: readonly CoverageFile[]): Coverage {
  const cats = new Map<SignInCategory, { files: Set<string>; rows: number; ranges: DayRange[] }>(
    SIGNIN_CATEGORIES.map((c) => [c, { files: new Set<string>(), rows: 0, ranges: [] }]),
  );
  const ents = new Map(ENTITY_KINDS.map((e) => [e, { files: 0, rows: 0 }]));
  const mixedUnknown: CoverageFile[] = [];
  const truncatedFiles: TruncatedFile[] = [];

  for (const f of files) {
    const flags = f.flags.filter(isFileFlag);
    if (flags.some((x) => TRUNCATION_FLAGS.includes(x))) {
      truncatedFiles.push({ name: f.name, path: f.path, kind: f.kind, rows: f.rows, flags: [...f.flags] });
    }
    const ev = evidenceOfKind(f.kind);
    if (!ev) continue;
    if (ev.type === 'entity') {
      const e = ents.get(ev.entity);
      if (e) {
        e.files++;
        e.rows += f.rows;
      }
      continue;
    }
    const spans = spansOf(f, ev.category);
    if (spans.length === 0 && f.rows > 0) mixedUnknown.push(f);
    for (const [category, span] of spans) {
      const c = cats.get(category);
      if (!c) continue;
      c.files.add(f.path);
      c.rows += span.rows;
      const r = rangeOf(span);
      if (r) c.ranges.push(r);
    }
  }

  const all = mergeRanges([...cats.values()].flatMap((c) => c.ranges));
  const window = all.length > 0 ? { from: all[0]?.from ?? '', to: all[all.length - 1]?.to ?? '' } : null;
  const categories: CategoryCoverage[] = SIGNIN_CATEGORIES.map((category) => {
    const c = cats.get(category) ?? { files: new Set<string>(), rows: 0, ranges: [] };
    const ranges = mergeRanges(c.ranges);
    return {
      category,
      label: CATEGORY_LABELS[category],
      present: c.files.size > 0,
      files: c.files.size,
      rows: c.rows,
      ranges,
      gaps: window && ranges.length > 0 ? significantGaps(window, ranges) : [],
    };
  });
  const entities: EntityCoverage[] = ENTITY_KINDS.map((entity) => {
    const e = ents.get(entity) ?? { files: 0, rows: 0 };
    return { entity, label: ENTITY_LABELS[entity], present: e.files > 0, files: e.files, rows: e.rows, without: ENTITY_WITHOUT[entity] };
  });
  const partial = { files: files.length, window, categories, entities, truncatedFiles };
  return { ...partial, caveats: caveatsOf(partial, files, mixedUnknown) };
}
