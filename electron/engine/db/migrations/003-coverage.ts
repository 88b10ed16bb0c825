/**
 * Coverage: what each imported file says about its own completeness, as codes rather than only as
 * warning text (truncated at the portal's cap, more Graph pages existed, deleted principals
 * omitted, local times), and which sign-in categories a mixed sign-in file holds, by date.
 */
export const sql = /* sql */ `
ALTER TABLE imported_files ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
-- Per sign-in category of a file whose kind does not name one (Graph, portal JSON): rows and first
-- and last event. NULL until computed at the end of the import that recorded the file.
ALTER TABLE imported_files ADD COLUMN signin_categories TEXT;
-- Engagements imported before flags existed carry the cap as warning text only.
UPDATE imported_files SET flags = '["truncated_at_cap"]'
  WHERE warnings LIKE '%"Exactly % rows: the portal caps downloads%';
`;
