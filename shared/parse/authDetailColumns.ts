import type { AuthDetailRecord } from '../domain/records';
import type { ColumnPicker, HeaderIndex } from './headers';
import { picker } from './headers';
import { emptyToNull, parseBool, parseTimestamp, type DateOrder } from './values';

/**
 * The portal's `*_AuthDetails_*` companion CSV (formats.md §1.3). Its full header is unverified, so
 * the Graph `authenticationDetails` property names are accepted too.
 */
export const AUTH_DETAIL_COLUMNS = {
  requestId: ['request id', 'requestid'],
  date: ['date (utc)', 'date', 'authentication step date', 'authenticationstepdatetime'],
  method: ['authentication method', 'authenticationmethod'],
  methodDetail: ['authentication method detail', 'authenticationmethoddetail'],
  succeeded: ['succeeded'],
  resultDetail: ['result detail', 'authentication step result detail', 'authenticationstepresultdetail'],
  requirement: ['requirement', 'authentication step requirement', 'authenticationsteprequirement'],
} as const satisfies Record<string, readonly string[]>;

type Field = keyof typeof AUTH_DETAIL_COLUMNS;

export const KNOWN_AUTH_DETAIL_HEADERS: ReadonlySet<string> = new Set(Object.values(AUTH_DETAIL_COLUMNS).flat());

/** One row mapped, without its step number: the step is the row's order within its request id, which only the file knows. */
export type AuthDetailMapResult = { ok: true; record: Omit<AuthDetailRecord, 'step'>; timeMs: number | null } | { ok: false; reason: string };

export function authDetailMapper(index: HeaderIndex): {
  map: (row: readonly string[], order: DateOrder) => AuthDetailMapResult;
  datePicker: ColumnPicker | null;
} {
  const pick = {} as Record<Field, ColumnPicker | null>;
  for (const [field, aliases] of Object.entries(AUTH_DETAIL_COLUMNS) as [Field, readonly string[]][]) pick[field] = picker(index, aliases);
  const get = (field: Field, row: readonly string[]): string | null => {
    const p = pick[field];
    return p ? emptyToNull(p(row)) : null;
  };
  const map = (row: readonly string[], order: DateOrder): AuthDetailMapResult => {
    // Kept as written: the sign-in files store it as written, and it is the join key.
    const requestId = get('requestId', row);
    if (!requestId) return { ok: false, reason: 'no Request ID' };
    const rawSucceeded = get('succeeded', row);
    const succeeded = parseBool(rawSucceeded);
    if (rawSucceeded != null && succeeded == null) return { ok: false, reason: `unreadable Succeeded value "${rawSucceeded}"` };
    return {
      ok: true,
      timeMs: parseTimestamp(get('date', row), order),
      record: {
        requestId,
        method: get('method', row),
        methodDetail: get('methodDetail', row),
        succeeded,
        resultDetail: get('resultDetail', row),
        requirement: get('requirement', row),
      },
    };
  };
  return { map, datePicker: pick.date };
}

/**
 * Numbers the steps of each sign-in in file order (1, 2, …). A request's rows are usually
 * adjacent, but the count is kept per request id so an interleaved file still numbers correctly.
 */
export class StepCounter {
  private readonly seen = new Map<string, number>();

  next(requestId: string): number {
    const step = (this.seen.get(requestId) ?? 0) + 1;
    this.seen.set(requestId, step);
    return step;
  }
}
