/** A name pattern that does not compile, with its line in the list (1-based) and why, in the user's words. */
export interface PatternProblem {
  line: number;
  pattern: string;
  reason: string;
}

/**
 * The patterns of a list that are not valid regular expressions, compiled with the flags the
 * classifier uses (case-insensitive, Unicode). Shared by the engine, which refuses such settings,
 * and the settings view, which says so beside the list as it is typed. Blank lines are not judged
 * here: the view drops them when it applies, the engine refuses them.
 */
export function patternProblems(patterns: readonly string[]): PatternProblem[] {
  const out: PatternProblem[] = [];
  patterns.forEach((pattern, i) => {
    if (pattern.trim() === '') return;
    try {
      new RegExp(pattern, 'iu');
    } catch (e) {
      out.push({ line: i + 1, pattern, reason: (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /u, '').replace(/^Invalid regular expression: /u, '') });
    }
  });
  return out;
}

/** One problem as a sentence: which pattern, and why it is refused. */
export function describePatternProblem(p: PatternProblem): string {
  return `"${p.pattern}" is not a valid pattern (${p.reason}).`;
}
