import { sql as m001 } from './001-initial';

/** Numbered migrations; a migration is never edited once released, only followed by a new one. */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'initial', sql: m001 },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
