import { sql as m001 } from './001-initial';
import { sql as m002 } from './002-directory-objects';
import { sql as m003 } from './003-coverage';
import { sql as m004 } from './004-signin-value-groups';
import { sql as m005 } from './005-deleted-principals';
import { sql as m006 } from './006-azure-ip-ranges';
import { sql as m007 } from './007-rule-results';
import { sql as m008 } from './008-reviews';
import { sql as m009 } from './009-identity-list-indexes';

/** Numbered migrations; a migration is never edited once released, only followed by a new one. */
/**
 * `rebuildsTables`: the migration recreates a table that others reference, which SQLite allows only
 * with foreign keys off; they are checked before the migration commits.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string; rebuildsTables?: boolean }> = [
  { version: 1, name: 'initial', sql: m001 },
  { version: 2, name: 'directory objects', sql: m002 },
  { version: 3, name: 'coverage', sql: m003 },
  { version: 4, name: 'sign-in value groups', sql: m004 },
  { version: 5, name: 'deleted principals', sql: m005, rebuildsTables: true },
  { version: 6, name: 'Azure IP ranges', sql: m006 },
  { version: 7, name: 'rule results', sql: m007 },
  { version: 8, name: 'reviews', sql: m008 },
  { version: 9, name: 'identity list indexes', sql: m009 },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
