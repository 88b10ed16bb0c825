/**
 * What an imported file says about its own completeness, recorded as codes with the file (the
 * warning text is written next to it for people). Codes are persisted: never change a meaning.
 */
export const FILE_FLAGS = [
  /** Exactly as many rows as a portal download cap: probably cut off. */
  'truncated_at_cap',
  /** A Graph page whose `@odata.nextLink` was not followed: later pages are missing. */
  'more_pages',
  /** A role assignment export that leaves out assignments of deleted principals (and classic admins). */
  'omits_deleted_principals',
  /** Times recorded in the exporter's local time, not UTC. */
  'local_time',
] as const;
export type FileFlag = (typeof FILE_FLAGS)[number];

/** Flags that mean rows are missing from the file itself. */
export const TRUNCATION_FLAGS: readonly FileFlag[] = ['truncated_at_cap', 'more_pages'];

export function isFileFlag(code: string): code is FileFlag {
  return (FILE_FLAGS as readonly string[]).includes(code);
}

/**
 * Flags implied by warning text that importers wrote before they could flag (the portal-cap
 * warning). Kept so an importer that only warns is still counted as truncated.
 */
export function flagsFromWarnings(warnings: readonly string[]): FileFlag[] {
  const out: FileFlag[] = [];
  if (warnings.some((w) => /^Exactly [\d,]+ rows: the portal caps downloads/u.test(w))) out.push('truncated_at_cap');
  return out;
}
