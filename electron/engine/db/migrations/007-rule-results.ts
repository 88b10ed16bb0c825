/**
 * Governance rules: every rule's outcome of the last analysis (pass, fail or skipped with the
 * reason), so "no findings" and "not evaluated" are never confused; findings name their subject.
 */
export const sql = /* sql */ `
CREATE TABLE rule_results (
  rule_id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'skipped')),
  reason TEXT,
  findings INTEGER NOT NULL,
  computed_at TEXT NOT NULL
) STRICT;
ALTER TABLE findings ADD COLUMN subject TEXT;
`;
