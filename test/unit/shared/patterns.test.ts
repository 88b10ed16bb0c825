import { describe, expect, it } from 'vitest';
import { describePatternProblem, patternProblems } from '../../../shared/classification/patterns';

describe('name pattern problems', () => {
  it('names each pattern that does not compile with its line and the reason', () => {
    const problems = patternProblems(['^svc[-_.]', '^(svc', 'ok', '[z-a]']);
    expect(problems.map((p) => [p.line, p.pattern])).toEqual([
      [2, '^(svc'],
      [4, '[z-a]'],
    ]);
    expect(problems.map(describePatternProblem)[0]).toBe('"^(svc" is not a valid pattern (Unterminated group).');
  });

  it('compiles with the classifier flags: a pattern valid only without the Unicode flag is refused', () => {
    // "\-" outside a class is an identity escape, which the Unicode flag forbids.
    expect(patternProblems(['svc\\-x'])).toHaveLength(1);
  });

  it('leaves blank lines to the view (dropped) and the engine (refused)', () => {
    expect(patternProblems(['', '  ', 'a'])).toEqual([]);
  });
});
