import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { HeaderIndex } from '../../../../shared/parse/headers';
import type { DateOrder } from '../../../../shared/parse/values';
import type { FileFlag } from '../../../../shared/coverage/flags';
import type { Db } from '../../db/open';
import { authDetailRows } from './authDetailRows';
import { directoryRows } from './directoryRows';
import { mfaRows } from './mfaRows';
import { azureRoleRows, entraRoleRows } from './roleRows';
import { SIGNIN_CSV_CATEGORY } from '../../../../shared/parse/signInMappers';
import { signInRows } from './signInRows';
import { userRows } from './userRows';

export type RowOutcome = { status: 'imported'; timeMs: number | null } | { status: 'duplicate' } | { status: 'rejected'; reason: string };

/** Turns one CSV row of one kind into canonical records in the engagement. */
export interface RowHandler {
  /** Normalised header names the handler understands; the rest are reported as not imported. */
  known: ReadonlySet<string>;
  /** Reads the cell whose date format decides day-first vs month-first for the file. */
  dateCell: ((row: readonly string[]) => string | undefined) | null;
  handle(row: readonly string[], line: number, order: DateOrder): RowOutcome;
  /** What counts as a duplicate, for the warning ("sign-ins", "users"). */
  noun: string;
  /** Warnings known from the header alone. */
  warnings: string[];
  /** Completeness flags known from the header alone (times in local time). */
  headerFlags?: { code: FileFlag; message: string }[];
  /** Warnings known once every row has been seen. */
  finalWarnings(): string[];
  /** Completeness flags (coverage) known once every row has been seen, each with its warning text. */
  finalFlags?(): { code: FileFlag; message: string }[];
}

export type RowHandlerFactory = (kind: ImportKind, index: HeaderIndex, db: Db, fileId: number) => RowHandler;

/** Every CSV kind the importer can write, by kind id. A new CSV format adds one line here. */
const CSV_HANDLERS: Partial<Record<ImportKind, RowHandlerFactory>> = {
  ...Object.fromEntries(Object.keys(SIGNIN_CSV_CATEGORY).map((k) => [k, signInRows])),
  'users.portal.csv': userRows,
  'users.portal.preview.csv': userRows,
  'signins.portal.authdetails.csv': (_kind, index, db, fileId) => authDetailRows(index, db, fileId),
  'mfa.portal.csv': (_kind, index, db, fileId) => mfaRows(index, db, fileId),
  'applications.powershell.csv': directoryRows,
  'serviceprincipals.powershell.csv': directoryRows,
  'applications.portal.csv': directoryRows,
  'serviceprincipals.portal.csv': directoryRows,
  'azure.roles.csv': (_kind, index, db, fileId) => azureRoleRows(index, db, fileId),
  'entra.roles.portal.csv': (_kind, index, db, fileId) => entraRoleRows(index, db, fileId, false),
  'entra.roles.pim.csv': (_kind, index, db, fileId) => entraRoleRows(index, db, fileId, true),
};

export function rowHandler(kind: ImportKind, index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const factory = CSV_HANDLERS[kind];
  if (!factory) throw new Error(`${kind} is not a CSV kind`);
  return factory(kind, index, db, fileId);
}
