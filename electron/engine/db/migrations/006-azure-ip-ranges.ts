/**
 * Azure's published address ranges (the "Azure IP Ranges and Service Tags" download), so the
 * analysis can tell whether automation signs in from inside Azure: the AzureCloud tag and its
 * regional tags only, one row per prefix and tag.
 */
export const sql = /* sql */ `
CREATE TABLE azure_ip_ranges (
  prefix TEXT NOT NULL,
  tag TEXT NOT NULL,
  region TEXT,
  file_id INTEGER NOT NULL REFERENCES imported_files(id),
  PRIMARY KEY (prefix, tag)
) STRICT;
`;
