/**
 * Review decisions (owner, decision, due date, status, notes) recorded in the app or read back from
 * a reviewed workbook. Keyed by the identity's stable key (see review/identityKey.ts), not its row
 * id, so a decision survives re-imports and re-analyses and a workbook from an earlier export still
 * finds its identity. Replaces the never-used `review_decisions` table of the first schema.
 */
export const sql = /* sql */ `
DROP TABLE review_decisions;
CREATE TABLE reviews (
  identity_key TEXT PRIMARY KEY,
  owner TEXT,
  decision TEXT,
  due_date TEXT,
  status TEXT,
  notes TEXT,
  source TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
